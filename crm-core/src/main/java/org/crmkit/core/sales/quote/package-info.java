/**
 * Quotes built from the product catalogue, with price lists, discounts, tax, revisions and approval.
 *
 * @since 0.1
 */
package org.crmkit.core.sales.quote;
