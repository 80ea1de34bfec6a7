package org.crmkit.core.loyalty.scoring;

/**
 * One measured indicator of loyalty, each belonging to one {@link LoyaltySide}, with the formula that
 * normalises its raw value to 0..100 (see {@code docs/loyalty.md}).
 *
 * @since 0.1
 */
public enum LoyaltyIndicator {
    /** Share of the purchase occasions that were repeat purchases, r in [0, 1]; normalised {@code 100 r}. */
    REPEAT_PURCHASE_RATE(LoyaltySide.BEHAVIOURAL),
    /**
     * Purchase occasions per period, f &ge; 0; normalised {@code 100 f / (f + f0)} with f0 the reference
     * frequency of {@link LoyaltyScoreSettings}, so that f0 scores 50.
     */
    PURCHASE_FREQUENCY(LoyaltySide.BEHAVIOURAL),
    /**
     * Days as a customer, d &ge; 0; normalised {@code 100 d / (d + d0)} with d0 the reference tenure of
     * {@link LoyaltyScoreSettings}, so that d0 scores 50.
     */
    TENURE(LoyaltySide.BEHAVIOURAL),
    /** Share of the customer's spending in the category that goes to the company, s in [0, 1]; {@code 100 s}. */
    SHARE_OF_WALLET(LoyaltySide.BEHAVIOURAL),
    /** Mean answer m to "would you recommend us?" on 0..10 (as in NPS); normalised {@code 100 m / 10}. */
    RECOMMENDATION(LoyaltySide.ATTITUDINAL),
    /** Mean satisfaction answer m on 1..5 (as in CSAT); normalised {@code 100 (m − 1) / 4}. */
    SATISFACTION(LoyaltySide.ATTITUDINAL),
    /** Mean answer m to "will you buy from us again?" on a scale min..max; {@code 100 (m − min) / (max − min)}. */
    INTENTION_TO_REPURCHASE(LoyaltySide.COGNITIVE);

    private final LoyaltySide side;

    LoyaltyIndicator(LoyaltySide side) {
        this.side = side;
    }

    /** @return the side this indicator measures; never null */
    public LoyaltySide side() {
        return side;
    }
}
