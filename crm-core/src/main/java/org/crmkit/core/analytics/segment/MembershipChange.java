package org.crmkit.core.analytics.segment;

import java.util.Objects;

/**
 * One customer joining or leaving one segment. Immutable.
 *
 * @param segmentId  the segment definition's id
 * @param customerId the customer
 * @param kind       joined or left
 * @since 0.1
 */
public record MembershipChange(String segmentId, String customerId, Kind kind) {

    /** Whether the customer came in or went out. */
    public enum Kind {
        /** The customer is now a member. */
        JOINED,
        /** The customer is no longer a member. */
        LEFT
    }

    /** Validates. */
    public MembershipChange {
        Objects.requireNonNull(segmentId, "segmentId must not be null");
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
    }

    /** @return a join */
    public static MembershipChange joined(String segmentId, String customerId) {
        return new MembershipChange(segmentId, customerId, Kind.JOINED);
    }

    /** @return a leave */
    public static MembershipChange left(String segmentId, String customerId) {
        return new MembershipChange(segmentId, customerId, Kind.LEFT);
    }
}
