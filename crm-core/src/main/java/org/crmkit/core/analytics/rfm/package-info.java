/**
 * Recency, frequency and monetary value (RFM, domain §6): the per-customer values, quintile
 * scores 1-5 where higher is better for all three, and named segments from a replaceable map of the
 * recency score against the combined frequency-monetary score.
 */
package org.crmkit.core.analytics.rfm;
