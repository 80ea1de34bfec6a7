package org.crmkit.core.loyalty.scoring;

import org.crmkit.core.analytics.transactions.PeriodUnit;

/**
 * The tunable parts of the loyalty score: the side weights, the reference values that score 50 on the
 * saturating indicators, and the cut-offs of the Dick and Basu classes. {@link #standard()} gives the
 * documented defaults (see {@code docs/loyalty.md}). Immutable and thread-safe.
 *
 * @param weights                    the side weights; not null
 * @param frequencyPeriod            the period purchase frequency is counted in; not null
 * @param referencePurchasesPerPeriod the frequency f0 that scores 50 on {@link LoyaltyIndicator#PURCHASE_FREQUENCY};
 *                                   finite, positive
 * @param referenceTenureDays        the tenure d0 in days that scores 50 on {@link LoyaltyIndicator#TENURE};
 *                                   finite, positive
 * @param attitudeThreshold          relative attitude at or above this (0..100) is high; in (0, 100]
 * @param patronageThreshold         repeat patronage (the behavioural side) at or above this is high; in (0, 100]
 * @since 0.1
 */
public record LoyaltyScoreSettings(LoyaltyWeights weights, PeriodUnit frequencyPeriod,
                                   double referencePurchasesPerPeriod, double referenceTenureDays,
                                   double attitudeThreshold, double patronageThreshold) {

    /** The default reference frequency: one purchase occasion a month scores 50. */
    public static final double DEFAULT_REFERENCE_PURCHASES_PER_MONTH = 1.0;
    /** The default reference tenure: one year (365 days) as a customer scores 50. */
    public static final double DEFAULT_REFERENCE_TENURE_DAYS = 365.0;
    /** The default cut-off of both Dick and Basu axes: the midpoint of the 0..100 scale. */
    public static final double DEFAULT_THRESHOLD = 50.0;

    /** @throws org.crmkit.spi.ValidationException naming the setting that is null or out of range */
    public LoyaltyScoreSettings {
        Checks.notNull("weights", weights);
        Checks.notNull("frequencyPeriod", frequencyPeriod);
        Checks.positive("referencePurchasesPerPeriod", referencePurchasesPerPeriod);
        Checks.positive("referenceTenureDays", referenceTenureDays);
        Checks.aboveZeroAtMost("attitudeThreshold", attitudeThreshold, 100.0);
        Checks.aboveZeroAtMost("patronageThreshold", patronageThreshold, 100.0);
    }

    /**
     * @return equal thirds; frequency per month with one a month scoring 50; tenure with one year scoring
     *         50; both class cut-offs at 50
     */
    public static LoyaltyScoreSettings standard() {
        return new LoyaltyScoreSettings(LoyaltyWeights.equalThirds(), PeriodUnit.MONTH,
                DEFAULT_REFERENCE_PURCHASES_PER_MONTH, DEFAULT_REFERENCE_TENURE_DAYS, DEFAULT_THRESHOLD,
                DEFAULT_THRESHOLD);
    }

    /** @return these settings with other side weights */
    public LoyaltyScoreSettings withWeights(LoyaltyWeights newWeights) {
        return new LoyaltyScoreSettings(newWeights, frequencyPeriod, referencePurchasesPerPeriod,
                referenceTenureDays, attitudeThreshold, patronageThreshold);
    }

    /** @return these settings with frequency counted per {@code period}, {@code reference} a period scoring 50 */
    public LoyaltyScoreSettings withFrequency(PeriodUnit period, double reference) {
        return new LoyaltyScoreSettings(weights, period, reference, referenceTenureDays, attitudeThreshold,
                patronageThreshold);
    }

    /** @return these settings with {@code days} of tenure scoring 50 */
    public LoyaltyScoreSettings withReferenceTenureDays(double days) {
        return new LoyaltyScoreSettings(weights, frequencyPeriod, referencePurchasesPerPeriod, days,
                attitudeThreshold, patronageThreshold);
    }

    /** @return these settings with other cut-offs for the Dick and Basu classes */
    public LoyaltyScoreSettings withClassThresholds(double attitude, double patronage) {
        return new LoyaltyScoreSettings(weights, frequencyPeriod, referencePurchasesPerPeriod,
                referenceTenureDays, attitude, patronage);
    }
}
