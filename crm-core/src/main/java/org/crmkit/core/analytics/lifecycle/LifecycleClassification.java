package org.crmkit.core.analytics.lifecycle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.OptionalDouble;

import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.spi.ValidationException;

/**
 * The lifecycle stage of one customer on one day, with every figure that decided it.
 *
 * <p>The spend comparison is exact: the latest window counts as formation when
 * {@code latestWindowSpend × priorWindows > (1 + g) × priorSpend}, and as decline when
 * {@code latestWindowSpend × priorWindows < (1 − g) × priorSpend}; {@link #trailingAverage()} is
 * {@code priorSpend / priorWindows} rounded for display only. The figures together with
 * {@link #policy()} reproduce the decision ({@link #rule()}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId            the host's customer key
 * @param asOf                  the day the classification is made for
 * @param stage                 the stage
 * @param rule                  the rule that decided it (its stage is {@code stage})
 * @param tenureDays            days from the first purchase occasion to {@code asOf}
 * @param daysSinceLastPurchase days from the last purchase occasion to {@code asOf}
 * @param repeatPurchases       purchase occasions after the first, up to {@code asOf}
 * @param latestWindowSpend     net spend in the latest window, 0 if refunds exceed purchases there
 * @param priorSpend            net spend from the first purchase up to the latest window, at least 0
 * @param priorWindows          the number of windows before the latest one since the first purchase, a
 *                              partial oldest window counted whole; 0 when tenure is under one window
 * @param trailingAverage       {@code priorSpend / priorWindows} (0 when there is no prior window),
 *                              half-even to 4 more decimals than the spend
 * @param probabilityAlive      P(alive), when known
 * @param policy                the thresholds used
 * @since 0.1
 */
public record LifecycleClassification(String customerId, LocalDate asOf, LifecycleStage stage, LifecycleRule rule,
                                      long tenureDays, long daysSinceLastPurchase, int repeatPurchases,
                                      BigDecimal latestWindowSpend, BigDecimal priorSpend, int priorWindows,
                                      BigDecimal trailingAverage, OptionalDouble probabilityAlive,
                                      LifecyclePolicy policy) {

    /** Validates the record's invariants. */
    public LifecycleClassification {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (asOf == null || stage == null || rule == null || policy == null || probabilityAlive == null) {
            throw new ValidationException("classification", "asOf, stage, rule, policy and probabilityAlive must not be null");
        }
        if (rule.stage() != stage) {
            throw new ValidationException("rule", "must assign the stage " + stage, rule);
        }
        if (tenureDays < 0 || daysSinceLastPurchase < 0 || daysSinceLastPurchase > tenureDays) {
            throw new ValidationException("daysSinceLastPurchase", "must satisfy 0 <= daysSinceLastPurchase <= tenureDays",
                    daysSinceLastPurchase);
        }
        if (repeatPurchases < 0 || priorWindows < 0) {
            throw new ValidationException("repeatPurchases", "counts must not be negative", repeatPurchases);
        }
        if (latestWindowSpend == null || latestWindowSpend.signum() < 0 || priorSpend == null
                || priorSpend.signum() < 0 || trailingAverage == null || trailingAverage.signum() < 0) {
            throw new ValidationException("latestWindowSpend", "spend figures must be >= 0");
        }
    }

    /**
     * @return latest window spend divided by the trailing average, when the average is positive; the
     *         decision itself uses the exact comparison, not this ratio
     */
    public OptionalDouble spendRatio() {
        if (priorWindows == 0 || priorSpend.signum() == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(latestWindowSpend.doubleValue() * priorWindows / priorSpend.doubleValue());
    }

    /** @return one sentence that states the stage, the rule and the figures behind it */
    public String explanation() {
        String alive = probabilityAlive.isPresent()
                ? String.format(Locale.ROOT, "%.4f", probabilityAlive.getAsDouble()) : "unknown";
        BigDecimal g = policy.growth();
        String why = switch (rule) {
            case ENDED_PROBABILITY_ALIVE -> "P(alive) " + alive + " < " + policy.endedBelowAlive();
            case ENDED_INACTIVE -> "no purchase for " + daysSinceLastPurchase + " days >= "
                    + policy.endedAfterInactiveDays().orElse(0);
            case EXPLORATION_TENURE -> "tenure " + tenureDays + " days < window " + policy.windowDays();
            case EXPLORATION_REPEATS -> repeatPurchases + " repeat purchases < " + policy.minRepeatPurchases();
            case DECLINE_PROBABILITY_ALIVE -> "P(alive) " + alive + " < " + policy.declineBelowAlive();
            case DECLINE_SPEND -> "latest window spend " + latestWindowSpend.toPlainString() + " < (1 - " + g
                    + ") x trailing average " + trailingAverage.toPlainString();
            case FORMATION_SPEND -> "latest window spend " + latestWindowSpend.toPlainString() + " > (1 + " + g
                    + ") x trailing average " + trailingAverage.toPlainString();
            case STABILITY_SPEND -> "latest window spend " + latestWindowSpend.toPlainString() + " within "
                    + g + " of trailing average " + trailingAverage.toPlainString();
        };
        return customerId + " on " + asOf + ": " + stage.name().toLowerCase(Locale.ROOT) + " (" + rule + ": " + why
                + "; tenure " + tenureDays + " days, " + repeatPurchases + " repeat purchases, latest window "
                + latestWindowSpend.toPlainString() + ", prior " + priorSpend.toPlainString() + " over "
                + priorWindows + " windows, P(alive) " + alive + ")";
    }

    static BigDecimal average(BigDecimal prior, int windows) {
        if (windows == 0) {
            return BigDecimal.ZERO.setScale(prior.scale());
        }
        return prior.divide(BigDecimal.valueOf(windows), prior.scale() + 4, RoundingMode.HALF_EVEN);
    }
}
