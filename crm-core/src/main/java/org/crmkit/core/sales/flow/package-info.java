/**
 * The steps of the closed-loop sales flow (domain §9) that span several aggregates: converting a
 * lead into a customer and an opportunity in one unit of work, and reading the whole loop back
 * (funnel, forecast, sales cycle, campaign return).
 *
 * @since 0.1
 */
package org.crmkit.core.sales.flow;
