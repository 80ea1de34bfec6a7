package org.crmkit.core.analytics.clv;

import java.util.List;
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
        double x = history.frequency();
        double age = history.age();
        return value(history, discountedIfAlive(x, age) * aliveFactor(x, history.recency(), age));
    }

    /**
     * The values of many customers, index by index: the same as {@link #valueOf} on each, to the last bit,
     * but the discounted purchases of a customer known to be alive depend on x and T only, so they are
     * computed once per distinct (x, T) pair (purchases counted by day give few of them) rather than
     * K times per customer.
     *
     * @param histories the customers; not null, no null element
     * @return one value per customer, in order
     * @throws ArithmeticException as {@link #valueOf}
     */
    public double[] valuesOf(List<PurchaseHistory> histories) {
        Objects.requireNonNull(histories, "histories must not be null");
        int n = histories.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] age = new double[n];
        double[] meanSpend = new double[n];
        int i = 0;
        for (PurchaseHistory history : histories) {
            Objects.requireNonNull(history, "histories must not contain null");
            x[i] = history.frequency();
            tx[i] = history.recency();
            age[i] = history.age();
            meanSpend[i] = history.meanSpend().orElse(Double.NaN);
            i++;
        }
        return valuesOf(x, tx, age, meanSpend);
    }

    /**
     * The same as {@link #valuesOf(List)} on histories given as parallel arrays, one customer per index.
     *
     * @param frequency x of each customer, a whole number &gt;= 0
     * @param recency   t_x of each customer, in [0, T] (0 when x is 0)
     * @param age       T of each customer, finite and &gt;= 0
     * @param meanSpend z̄ of each customer, finite and &gt;= 0, or NaN for none (valued at the population mean)
     * @return one value per customer, in order
     * @throws ValidationException naming the index of a customer whose figures break a rule
     * @throws ArithmeticException as {@link #valueOf}
     */
    public double[] valuesOf(double[] frequency, double[] recency, double[] age, double[] meanSpend) {
        Objects.requireNonNull(frequency, "frequency must not be null");
        Objects.requireNonNull(recency, "recency must not be null");
        Objects.requireNonNull(age, "age must not be null");
        Objects.requireNonNull(meanSpend, "meanSpend must not be null");
        int n = frequency.length;
        if (recency.length != n || age.length != n || meanSpend.length != n) {
            throw new ValidationException("histories", "arrays must have the same length");
        }
        double[] out = new double[n];
        TupleIndex pairs = new TupleIndex(2, 1024);
        double[] discountedByPair = new double[1024];
        for (int i = 0; i < n; i++) {
            double x = frequency[i];
            double tx = recency[i];
            double t = age[i];
            PurchaseHistory.check(x, tx, t, i);
            double m = meanSpend[i];
            if (!Double.isNaN(m) && !(Double.isFinite(m) && m >= 0.0)) {
                throw new ValidationException("meanSpend[" + i + "]", "must be finite and >= 0, or NaN"
                        + " for none", m);
            }
            int known = pairs.size();
            int pair = pairs.rowOf(x, t, 0.0);
            if (pair == known) {
                if (pair == discountedByPair.length) {
                    discountedByPair = java.util.Arrays.copyOf(discountedByPair, 2 * pair);
                }
                discountedByPair[pair] = discountedIfAlive(x, t);
            }
            out[i] = value(x, m, discountedByPair[pair] * aliveFactor(x, tx, t));
        }
        return out;
    }

    /**
     * Σ_k (g(kΔ) - g((k-1)Δ)) / (1+d)^k with g(t) = E[Y(t) | x, T] for a customer alive at T. Both models
     * write E[Y(t) | x, t_x, T] = g(t) × (a factor of x, t_x and T alone), so the discounted sum
     * factors the same way.
     */
    private double discountedIfAlive(double x, double age) {
        double discounted = 0.0;
        double previous = 0.0;
        double factor = 1.0;
        for (int k = 1; k <= periods; k++) {
            double cumulative = ifAlive(k * periodLength, x, age);
            factor /= 1.0 + discountRate;
            discounted += (cumulative - previous) * factor;
            previous = cumulative;
        }
        return discounted;
    }

    private double ifAlive(double t, double x, double age) {
        if (purchases instanceof BgNbdModel bg) {
            return bg.expectedPurchasesIfAlive(t, x, age);
        }
        return ((ParetoNbdModel) purchases).expectedPurchasesIfAlive(t, x, age);
    }

    private double aliveFactor(double x, double tx, double age) {
        if (purchases instanceof BgNbdModel bg) {
            return bg.aliveFactor(x, tx, age);
        }
        return purchases.probabilityAlive(x, tx, age);
    }

    private double value(PurchaseHistory history, double discounted) {
        return value(history.frequency(), history.meanSpend().orElse(Double.NaN), discounted);
    }

    /** @param meanSpend z̄, or NaN for none */
    private double value(double x, double meanSpend, double discounted) {
        // as GammaGammaModel.conditionalExpectedSpend(PurchaseHistory): no repeat purchase or no z̄ gives
        // the population mean
        double perPurchase = x == 0.0 || Double.isNaN(meanSpend) ? spend.conditionalExpectedSpend(0.0, 0.0)
                : spend.conditionalExpectedSpend(x, meanSpend);
        double value = margin * perPurchase * discounted;
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("lifetime value is not finite (discount rate " + discountRate + " over "
                    + periods + " periods overflows; use a rate of at least 0 or fewer periods)");
        }
        return value;
    }
}
