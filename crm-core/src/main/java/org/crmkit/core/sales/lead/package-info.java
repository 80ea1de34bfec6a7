/**
 * Leads: captured from campaigns, scored, qualified, and converted into a customer and an opportunity.
 *
 * @since 0.1
 */
package org.crmkit.core.sales.lead;
