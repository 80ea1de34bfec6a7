/**
 * Marketing campaigns: target, budget, cost, and what they caused.
 *
 * @since 0.1
 */
package org.crmkit.core.sales.campaign;
