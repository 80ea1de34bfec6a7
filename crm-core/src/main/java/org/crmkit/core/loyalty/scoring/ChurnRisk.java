package org.crmkit.core.loyalty.scoring;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.TransactionModel;

/**
 * The risk, in [0, 1], that a customer has stopped buying (churn, domain §8), with its band and what
 * it was computed from.
 *
 * <ul>
 *   <li>{@link ChurnBasis#MODEL}: {@code 1 − P(alive | x, t_x, T)} of a fitted BG/NBD or Pareto/NBD
 *       model ({@link TransactionModel#probabilityAlive}) for the customer's purchase history in the
 *       model's time unit.</li>
 *   <li>{@link ChurnBasis#RECENCY_FALLBACK}, when no model is given: with g the time since the last
 *       purchase and m the customer's own mean time between purchases, {@code 1 − exp(−g / m)}: the
 *       probability that a customer buying at their own mean rate as a Poisson process would have
 *       bought at least once in the silence. 0 right after a purchase, 0.63 after one mean gap, 0.86
 *       after two. It is a heuristic: it ignores how sure the mean is and every other customer, and
 *       {@link #isFallback()} says so.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class ChurnRisk {

    private final double risk;
    private final ChurnRiskBand band;
    private final ChurnBasis basis;
    private final OptionalDouble probabilityAlive;
    private final Optional<PurchaseHistory> history;
    private final String explanation;

    private ChurnRisk(double risk, ChurnRiskBand band, ChurnBasis basis, OptionalDouble probabilityAlive,
                      Optional<PurchaseHistory> history, String explanation) {
        this.risk = risk;
        this.band = band;
        this.basis = basis;
        this.probabilityAlive = probabilityAlive;
        this.history = history;
        this.explanation = explanation;
    }

    /**
     * The churn risk from a fitted model: {@code 1 − model.probabilityAlive(history)}.
     *
     * @param model   a fitted BG/NBD or Pareto/NBD model; not null
     * @param history the customer's (x, t_x, T) in the model's time unit; not null
     * @param bands   the band cut-offs; not null
     * @return the risk, basis {@link ChurnBasis#MODEL}
     * @throws ArithmeticException for Pareto/NBD parameters where P(alive) cannot be computed (see
     *                             {@link TransactionModel})
     */
    public static ChurnRisk fromModel(TransactionModel model, PurchaseHistory history, ChurnRiskBands bands) {
        Checks.notNull("model", model);
        Checks.notNull("history", history);
        Checks.notNull("bands", bands);
        double alive = model.probabilityAlive(history);
        double risk = Math.max(0.0, Math.min(1.0, 1.0 - alive));
        String text = String.format(Locale.ROOT, "1 - P(alive) of %s for x=%s, t_x=%.4g, T=%.4g: 1 - %.4f = %.4f",
                model.getClass().getSimpleName(), (long) history.frequency(), history.recency(), history.age(),
                alive, risk);
        return new ChurnRisk(risk, bands.bandOf(risk), ChurnBasis.MODEL, OptionalDouble.of(alive),
                Optional.of(history), text);
    }

    /**
     * The fallback churn risk without a model: {@code 1 − exp(−daysSinceLastPurchase /
     * meanDaysBetweenPurchases)}.
     *
     * @param daysSinceLastPurchase    the silence since the last purchase, in days; finite, &ge; 0
     * @param meanDaysBetweenPurchases the customer's mean time between consecutive purchases, in days;
     *                                 finite, positive
     * @param bands                    the band cut-offs; not null
     * @return the risk, basis {@link ChurnBasis#RECENCY_FALLBACK}
     * @throws org.crmkit.spi.ValidationException naming the argument out of range
     */
    public static ChurnRisk fromRecency(double daysSinceLastPurchase, double meanDaysBetweenPurchases,
                                        ChurnRiskBands bands) {
        Checks.nonNegative("daysSinceLastPurchase", daysSinceLastPurchase);
        Checks.positive("meanDaysBetweenPurchases", meanDaysBetweenPurchases);
        Checks.notNull("bands", bands);
        double risk = Math.max(0.0, Math.min(1.0, -Math.expm1(-daysSinceLastPurchase / meanDaysBetweenPurchases)));
        String text = String.format(Locale.ROOT,
                "fallback without a model: 1 - exp(-%.4g days since last purchase / %.4g mean days between"
                        + " purchases) = %.4f", daysSinceLastPurchase, meanDaysBetweenPurchases, risk);
        return new ChurnRisk(risk, bands.bandOf(risk), ChurnBasis.RECENCY_FALLBACK, OptionalDouble.empty(),
                Optional.empty(), text);
    }

    /** @return the risk, in [0, 1] */
    public double risk() {
        return risk;
    }

    /** @return the band of the risk; never null */
    public ChurnRiskBand band() {
        return band;
    }

    /** @return what the risk was computed from; never null */
    public ChurnBasis basis() {
        return basis;
    }

    /** @return whether this is the recency fallback rather than a model's probability */
    public boolean isFallback() {
        return basis == ChurnBasis.RECENCY_FALLBACK;
    }

    /** @return the model's P(alive) ({@code 1 − risk} up to rounding); empty for the fallback */
    public OptionalDouble probabilityAlive() {
        return probabilityAlive;
    }

    /** @return the history the model scored; empty for the fallback */
    public Optional<PurchaseHistory> history() {
        return history;
    }

    /** @return the formula with its numbers, for people; never null */
    public String explanation() {
        return explanation;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "ChurnRisk[%.4f %s, %s]", risk, band, basis);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChurnRisk c && Double.compare(c.risk, risk) == 0 && c.band == band && c.basis == basis
                && c.probabilityAlive.equals(probabilityAlive) && c.history.equals(history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(risk, band, basis, probabilityAlive, history);
    }
}
