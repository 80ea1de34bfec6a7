/**
 * Attribute segments (domain §6, segmentation by attributes): rules over a customer's attributes and
 * computed scores ({@link org.crmkit.core.analytics.segment.SegmentRule}), named and versioned
 * ({@link org.crmkit.core.analytics.segment.SegmentDefinition}), stored as JSON
 * ({@link org.crmkit.core.analytics.segment.SegmentJson}), evaluated with an explanation on one
 * customer or a whole base, and kept up to date one customer at a time
 * ({@link org.crmkit.core.analytics.segment.SegmentMembership}).
 */
package org.crmkit.core.analytics.segment;
