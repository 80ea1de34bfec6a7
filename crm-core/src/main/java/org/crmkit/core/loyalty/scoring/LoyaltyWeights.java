package org.crmkit.core.loyalty.scoring;

import org.crmkit.spi.ValidationException;

/**
 * The weights of the three sides in the loyalty score. Only their ratios matter: the score divides by
 * the sum of the weights of the sides that have data, so {@code (1, 1, 1)} and {@code (2, 2, 2)} give
 * the same score, and a side without data passes its share to the others in proportion to their
 * weights. Immutable and thread-safe.
 *
 * @param behavioural weight of the behavioural side; finite, positive
 * @param attitudinal weight of the attitudinal (emotional) side; finite, positive
 * @param cognitive   weight of the cognitive side; finite, positive
 * @since 0.1
 */
public record LoyaltyWeights(double behavioural, double attitudinal, double cognitive) {

    /** @throws ValidationException naming the weight that is not finite and positive */
    public LoyaltyWeights {
        Checks.positive("behavioural", behavioural);
        Checks.positive("attitudinal", attitudinal);
        Checks.positive("cognitive", cognitive);
    }

    /** @return equal thirds, the default: no side of loyalty counts more than another */
    public static LoyaltyWeights equalThirds() {
        return new LoyaltyWeights(1.0, 1.0, 1.0);
    }

    /** @return the weight of {@code side} as given (not renormalised) */
    public double of(LoyaltySide side) {
        return switch (side) {
            case BEHAVIOURAL -> behavioural;
            case ATTITUDINAL -> attitudinal;
            case COGNITIVE -> cognitive;
        };
    }
}
