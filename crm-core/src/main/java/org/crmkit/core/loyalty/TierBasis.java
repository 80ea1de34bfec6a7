package org.crmkit.core.loyalty;

/**
 * What a {@link TierPolicy} measures a member by.
 *
 * @since 0.1
 */
public enum TierBasis {
    /**
     * The points ever earned and not reversed (redeeming or expiring points does not lower it):
     * a tier, once reached, is kept unless an order is taken back.
     */
    LIFETIME_POINTS,
    /**
     * The spend of the earnings posted in a rolling window (12 months by default) before the
     * moment asked about, in the policy's currency, without the orders reversed since: a tier must
     * be earned again every year.
     */
    ROLLING_SPEND
}
