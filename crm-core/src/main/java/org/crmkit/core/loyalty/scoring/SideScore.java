package org.crmkit.core.loyalty.scoring;

/**
 * One side of the loyalty score that had data: its value on 0..100 (the mean of its indicators'
 * normalised values), the weight configured for it and the weight it got after renormalising over
 * the sides with data. Immutable and thread-safe.
 *
 * @param side             the side; not null
 * @param value            the side's score, 0..100
 * @param configuredWeight the weight in {@link LoyaltyWeights}
 * @param effectiveWeight  {@code configuredWeight / Σ configured weights of the sides with data}, in (0, 1]
 * @since 0.1
 */
public record SideScore(LoyaltySide side, double value, double configuredWeight, double effectiveWeight) {

    /** @throws org.crmkit.spi.ValidationException on a null side or a value out of its range */
    public SideScore {
        Checks.notNull("side", side);
        Checks.between("value", value, 0.0, 100.0);
        Checks.positive("configuredWeight", configuredWeight);
        Checks.between("effectiveWeight", effectiveWeight, 0.0, 1.0);
    }
}
