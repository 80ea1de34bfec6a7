/**
 * The closed-loop sales flow of domain section 9, from campaign to order.
 *
 * @since 0.1
 */
package org.crmkit.core.sales;
