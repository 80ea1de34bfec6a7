/**
 * The customer relationship lifecycle (domain §4): the stage of each relationship (exploration,
 * formation, stability, decline, ended) from its spend trend, tenure and probability of being alive,
 * and the relationship's length, breadth and depth.
 *
 * <p>Pure computations over {@link org.crmkit.core.analytics.transactions.Transactions}: no state
 * between calls, no logging, immutable results that carry the figures that decided them.
 */
package org.crmkit.core.analytics.lifecycle;
