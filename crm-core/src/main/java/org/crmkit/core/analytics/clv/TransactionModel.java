package org.crmkit.core.analytics.clv;

import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * A fitted model of how many purchases customers make and whether they are still active: the
 * {@link BgNbdModel} or the {@link ParetoNbdModel}. Time is in the unit of the histories the model was
 * fitted on. Implementations are immutable, thread-safe records; no method returns NaN.
 *
 * <p>The Pareto/NBD likelihood and P(alive) sum a hypergeometric series in (α−β)/(max(α, β) + t_x) (or
 * with α and β swapped); for parameters where that argument is within about 1e-5 of 1 (one scale
 * 10^5 times the other) they throw {@link ArithmeticException} rather than return an unconverged value.
 *
 * @since 0.1
 */
public sealed interface TransactionModel permits BgNbdModel, ParetoNbdModel {

    /**
     * @return the log-likelihood of one customer's history (x, t_x, T), validated as in
     *         {@link PurchaseHistory}
     */
    double logLikelihood(double frequency, double recency, double age);

    /** @return the weighted sum of the customers' log-likelihoods */
    double logLikelihood(PurchaseHistories data);

    /** @return P(alive | x, t_x, T): the probability that the customer is still active at T, in [0, 1] */
    double probabilityAlive(double frequency, double recency, double age);

    /**
     * @param t a period length, >= 0
     * @return E[X(t)]: the expected number of repeat purchases of a new customer in (0, t], after the first
     *         purchase at time 0 (Fader, Hardie and Lee 2005)
     * @throws ArithmeticException for BG/NBD if t is so long that its hypergeometric series cannot settle,
     *                             beyond about 4 × 10^4 α (4 × 10^4 (α + T) for the conditional form)
     */
    double expectedPurchases(double t);

    /**
     * @param t a period length after the end of calibration, >= 0
     * @return E[Y(t) | x, t_x, T]: the expected number of purchases of this customer in (T, T + t]
     * @throws ArithmeticException as {@link #expectedPurchases(double)}
     */
    double conditionalExpectedPurchases(double t, double frequency, double recency, double age);

    /** @return {@link #probabilityAlive(double, double, double)} for the history */
    default double probabilityAlive(PurchaseHistory history) {
        Objects.requireNonNull(history, "history must not be null");
        return probabilityAlive(history.frequency(), history.recency(), history.age());
    }

    /** @return {@link #conditionalExpectedPurchases(double, double, double, double)} for the history */
    default double conditionalExpectedPurchases(double t, PurchaseHistory history) {
        Objects.requireNonNull(history, "history must not be null");
        return conditionalExpectedPurchases(t, history.frequency(), history.recency(), history.age());
    }

    /**
     * Scores many customers given as parallel arrays.
     *
     * @return P(alive) per index, in a new array
     */
    default double[] probabilityAlive(double[] frequency, double[] recency, double[] age) {
        int n = sameLength(frequency, recency, age);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = probabilityAlive(frequency[i], recency[i], age[i]);
        }
        return out;
    }

    /**
     * Scores many customers given as parallel arrays.
     *
     * @return E[Y(t) | x, t_x, T] per index, in a new array
     */
    default double[] conditionalExpectedPurchases(double t, double[] frequency, double[] recency, double[] age) {
        int n = sameLength(frequency, recency, age);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = conditionalExpectedPurchases(t, frequency[i], recency[i], age[i]);
        }
        return out;
    }

    private static int sameLength(double[] x, double[] tx, double[] t) {
        Objects.requireNonNull(x, "frequency must not be null");
        Objects.requireNonNull(tx, "recency must not be null");
        Objects.requireNonNull(t, "age must not be null");
        if (tx.length != x.length || t.length != x.length) {
            throw new ValidationException("histories", "arrays must have the same length");
        }
        return x.length;
    }
}
