/**
 * Orders made from accepted quotes and handed to the back office for fulfilment.
 *
 * @since 0.1
 */
package org.crmkit.core.sales.order;
