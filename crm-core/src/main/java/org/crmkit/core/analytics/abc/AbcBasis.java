package org.crmkit.core.analytics.abc;

/**
 * The value by which a customer-base analysis ranks customers into ABC classes.
 *
 * @since 0.1
 */
public enum AbcBasis {
    /** Net spend: the sum of the amounts, refunds included, floored at 0 (see {@link AbcAnalysis#ofNetSpend}). */
    NET_SPEND,
    /**
     * Net margin: the sum of the margins the transactions carry (a refund's is negative), floored at 0
     * (see {@link AbcAnalysis#ofNetMargin}); a transaction without a margin adds nothing.
     */
    NET_MARGIN
}
