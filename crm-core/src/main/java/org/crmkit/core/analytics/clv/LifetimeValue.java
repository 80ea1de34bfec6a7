package org.crmkit.core.analytics.clv;

import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * Customer lifetime value over a finite horizon from a purchase model and a spend model, discounted per
 * period. Immutable and thread-safe.
 *
 * <p>The horizon is cut into {@code periods} periods of {@code periodLength} model time units. The value is
 * <pre>
 *   CLV = margin × E[Z | x, z̄] × Σ_{k=1..K} (E[Y(kΔ) | x, t_x, T] − E[Y((k−1)Δ) | x, t_x, T]) / (1 + d)^k
 * </pre>
 * with K periods of length Δ and discount rate d per period: the purchases expected in each period are
 * valued at the expected spend per purchase (the Gamma-Gamma conditional expectation, the spend model
 * being independent of the purchase process) and discounted to the end of the calibration period as if
 * they fell at the period's end. The result is a plain double in the unit of the spend data; the money type
 * and currency are left to the caller.
 *
 * @param purchases    the purchase model; not null
 * @param spend        the spend model; not null
 * @param periods      K, the number of periods in the horizon, >= 1
 * @param periodLength Δ, the length of a period in the purchase model's time unit, finite and > 0
 * @param discountRate d, the discount rate per period, finite and > -1 (0 for no discounting)
 * @param margin       the profit margin applied to revenue, finite and >= 0 (1 for revenue)
 * @since 0.1
 */
public record LifetimeValue(TransactionModel purchases, GammaGammaModel spend, int periods, double periodLength,
        double discountRate, double margin) {

    public LifetimeValue {
        Objects.requireNonNull(purchases, "purchases must not be null");
        Objects.requireNonNull(spend, "spend must not be null");
        if (periods < 1) {
            throw new ValidationException("periods", "must be >= 1", periods);
        }
        if (!Double.isFinite(periodLength) || periodLength <= 0.0) {
            throw new ValidationException("periodLength", "must be finite and > 0", periodLength);
        }
        if (!Double.isFinite(discountRate) || discountRate <= -1.0) {
            throw new ValidationException("discountRate", "must be finite and > -1", discountRate);
        }
        if (!Double.isFinite(margin) || margin < 0.0) {
            throw new ValidationException("margin", "must be finite and >= 0", margin);
        }
    }

    /**
     * @return the discounted value of the customer's purchases over the horizon; a history without a mean
     *         spend is valued at the population's mean spend
     * @throws ArithmeticException if the value is not finite (a negative discount rate compounded over many
     *                             periods); never returns NaN or infinity
     */
    public double valueOf(PurchaseHistory history) {
        Objects.requireNonNull(history, "history must not be null");
        double perPurchase = spend.conditionalExpectedSpend(history);
        double discounted = 0.0;
        double previous = 0.0;
        double factor = 1.0;
        for (int k = 1; k <= periods; k++) {
            double cumulative = purchases.conditionalExpectedPurchases(k * periodLength, history.frequency(),
                    history.recency(), history.age());
            factor /= 1.0 + discountRate;
            discounted += (cumulative - previous) * factor;
            previous = cumulative;
        }
        double value = margin * perPurchase * discounted;
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("lifetime value is not finite (discount rate " + discountRate + " over "
                    + periods + " periods overflows; use a rate of at least 0 or fewer periods)");
        }
        return value;
    }
}
