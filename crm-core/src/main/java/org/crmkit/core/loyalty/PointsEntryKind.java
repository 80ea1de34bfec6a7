package org.crmkit.core.loyalty;

/**
 * What a points-ledger entry does.
 *
 * @since 0.1
 */
public enum PointsEntryKind {
    /** Points earned (positive), from an order or at a partner merchant: a lot that may expire. */
    EARN,
    /** Points redeemed, for example as cash (negative); taken from the oldest unexpired lots. */
    REDEEM,
    /**
     * What an earning gave taken back, for example for a cancelled or returned order (negative, or
     * zero when nothing was left to take; what could not be taken is the entry's shortfall).
     */
    REVERSE,
    /** What was left of a lot when it expired (negative). */
    EXPIRE
}
