package org.crmkit.core.analytics.clv;

import java.util.Objects;

/**
 * P(alive) and expected purchases over a horizon for many customers, index by index, as computed by
 * {@link BgNbdModel#score(double, double[], double[], double[])}. The arrays are the caller's to keep:
 * the record does not copy them.
 *
 * @param horizon           the horizon t of the expectations, in the model's time unit
 * @param probabilityAlive  P(alive | x, t_x, T) per customer
 * @param expectedPurchases E[Y(t) | x, t_x, T] per customer
 * @since 0.1
 */
public record BatchScores(double horizon, double[] probabilityAlive, double[] expectedPurchases) {

    /**
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if their lengths differ
     */
    public BatchScores {
        Objects.requireNonNull(probabilityAlive, "probabilityAlive must not be null");
        Objects.requireNonNull(expectedPurchases, "expectedPurchases must not be null");
        if (probabilityAlive.length != expectedPurchases.length) {
            throw new IllegalArgumentException("probabilityAlive and expectedPurchases must have the same length");
        }
    }

    /** @return how many customers were scored */
    public int size() {
        return probabilityAlive.length;
    }
}
