/**
 * The order fulfilment SPI: the back office (ERP) that receives orders and reports confirmation, shipping, delivery and cancellation.
 *
 * @since 0.1
 */
package org.crmkit.spi.fulfillment;
