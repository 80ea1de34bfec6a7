/**
 * Customer value views: the current versus potential value matrix (domain §6), customer delivered
 * value and the comparison of offers (domain §5, Kotler), and the relationship level that fits a
 * market by Kotler's matrix of customer numbers and unit margin (domain §3).
 *
 * <p>Pure computations: no state, no logging, immutable results that explain themselves. Money is
 * exact ({@link java.math.BigDecimal}) where the inputs are money.
 */
package org.crmkit.core.analytics.value;
