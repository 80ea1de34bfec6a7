package org.crmkit.core.loyalty;

/**
 * What a points-ledger entry does.
 *
 * @since 0.1
 */
public enum PointsEntryKind {
    /** Points earned (positive), usually from an order. */
    EARN,
    /** Points redeemed, for example as cash (negative). */
    REDEEM,
    /** Points of an earlier earning taken back, for example for a returned order (negative). */
    REVERSE
}
