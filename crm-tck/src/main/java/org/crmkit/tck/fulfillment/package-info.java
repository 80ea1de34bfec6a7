/**
 * Contract tests for {@link org.crmkit.spi.fulfillment.OrderFulfillment} implementations (ERP
 * adapters): extend {@link org.crmkit.tck.fulfillment.OrderFulfillmentContract}.
 */
package org.crmkit.tck.fulfillment;
