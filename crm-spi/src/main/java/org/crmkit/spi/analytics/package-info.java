/**
 * The plain records of customer analytics as storage keeps them: the purchase transactions a
 * tenant's analyses read ({@code TransactionRecord}, domain §2 consumption attributes, §4, §6) and
 * attribute-segment definitions ({@code SegmentDefinitionRecord}, domain §6).
 *
 * @since 0.1
 */
package org.crmkit.spi.analytics;
