package org.crmkit.core.analytics.lifecycle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

import org.crmkit.core.analytics.clv.TransactionModel;
import org.crmkit.core.analytics.transactions.CalibrationSummary;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.spi.ValidationException;

/**
 * Classifies customers into lifecycle stages (domain §4) from their transactions, their tenure and,
 * when known, their probability of being alive.
 *
 * <p><b>Definitions</b> (as-of day a, window length w days, only transactions on or before a count):
 * <ul>
 *   <li><b>tenure</b>: days from the first purchase occasion to a (0 if the first purchase is on a);</li>
 *   <li><b>latest window</b>: the w days (a − w, a];</li>
 *   <li><b>prior span</b>: the days from the first purchase to a − w, that is tenure − w + 1 days, cut
 *       into {@code priorWindows = ceil((tenure − w + 1) / w)} windows (a partial oldest window counts
 *       whole);</li>
 *   <li><b>spend</b>: net of refunds, floored at 0, for the latest window and for the prior span;</li>
 *   <li><b>trailing average</b>: prior spend / priorWindows, the mean spend per window before the
 *       latest one since the first purchase;</li>
 *   <li><b>repeat purchases</b>: purchase occasions (days with a non-refund transaction) after the
 *       first.</li>
 * </ul>
 *
 * <p><b>Rules</b>, tried in this order; the first that holds decides ({@link LifecycleRule}):
 * <ol>
 *   <li>ended, if P(alive) is known and under {@code endedBelowAlive};</li>
 *   <li>ended, if the policy has an inactivity limit and the last purchase is at least that old;</li>
 *   <li>exploration, if tenure &lt; w;</li>
 *   <li>exploration, if repeat purchases &lt; {@code minRepeatPurchases};</li>
 *   <li>decline, if P(alive) is known and under {@code declineBelowAlive};</li>
 *   <li>decline, if latest × priorWindows &lt; (1 − g) × prior spend;</li>
 *   <li>formation, if latest × priorWindows &gt; (1 + g) × prior spend;</li>
 *   <li>stability otherwise.</li>
 * </ol>
 * Every customer with a purchase occasion on or before a gets exactly one stage; customers without
 * one are left out.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class LifecycleClassifier {

    private final LifecyclePolicy policy;

    private LifecycleClassifier(LifecyclePolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy must not be null");
    }

    /** @return a classifier with {@link LifecyclePolicy#defaults()} */
    public static LifecycleClassifier withDefaults() {
        return new LifecycleClassifier(LifecyclePolicy.defaults());
    }

    /** @return a classifier with the given policy */
    public static LifecycleClassifier of(LifecyclePolicy policy) {
        return new LifecycleClassifier(policy);
    }

    /** @return the policy */
    public LifecyclePolicy policy() {
        return policy;
    }

    /**
     * Classifies one customer.
     *
     * @param probabilityAlive P(alive) on {@code asOf}, in [0, 1], or empty if unknown
     * @return the classification, or empty if the customer has no purchase occasion on or before asOf
     *         (or is not in the batch)
     */
    public Optional<LifecycleClassification> classify(Transactions transactions, String customerId, LocalDate asOf,
                                                      OptionalDouble probabilityAlive) {
        check(transactions, asOf);
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(probabilityAlive, "probabilityAlive must not be null (use OptionalDouble.empty())");
        int c = Collections.binarySearch(transactions.customerIds(), customerId);
        if (c < 0) {
            return Optional.empty();
        }
        Figures f = figures(transactions, c, asOf.toEpochDay());
        return f == null ? Optional.empty() : Optional.of(decide(transactions, f, asOf, probabilityAlive));
    }

    /**
     * Classifies one customer with P(alive) from a fitted model, computed from the customer's
     * calibration summary up to {@code asOf} in {@code unit} (the unit the model was fitted in).
     */
    public Optional<LifecycleClassification> classify(Transactions transactions, String customerId, LocalDate asOf,
                                                      TransactionModel model, PeriodUnit unit) {
        check(transactions, asOf);
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        Objects.requireNonNull(customerId, "customerId must not be null");
        int c = Collections.binarySearch(transactions.customerIds(), customerId);
        if (c < 0) {
            return Optional.empty();
        }
        Figures f = figures(transactions, c, asOf.toEpochDay());
        if (f == null) {
            return Optional.empty();
        }
        double x = f.occasions - 1;
        double t = unit.fromDays(f.tenureDays);
        double tx = Math.min(unit.fromDays(f.lastDay - f.firstDay), t);
        return Optional.of(decide(transactions, f, asOf, OptionalDouble.of(model.probabilityAlive(x, tx, t))));
    }

    /** Classifies every customer without P(alive): the rules on P(alive) do not apply. */
    public List<LifecycleClassification> classifyAll(Transactions transactions, LocalDate asOf) {
        return classifyAll(transactions, asOf, id -> OptionalDouble.empty());
    }

    /**
     * Classifies every customer with P(alive) given by the host, keyed by customer; customers missing
     * from the map are classified without it.
     */
    public List<LifecycleClassification> classifyAll(Transactions transactions, LocalDate asOf,
                                                     Map<String, Double> probabilityAlive) {
        Objects.requireNonNull(probabilityAlive, "probabilityAlive must not be null");
        return classifyAll(transactions, asOf, id -> {
            Double p = probabilityAlive.get(id);
            return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
        });
    }

    /**
     * Classifies every customer with P(alive) from a fitted model: the batch's calibration summaries
     * up to {@code asOf} in {@code unit} ({@link Transactions#calibration}) are scored with
     * {@link TransactionModel#probabilityAlive(double, double, double)}.
     *
     * @param unit the time unit the model was fitted in
     */
    public List<LifecycleClassification> classifyAll(Transactions transactions, LocalDate asOf,
                                                     TransactionModel model, PeriodUnit unit) {
        check(transactions, asOf);
        Objects.requireNonNull(model, "model must not be null");
        Objects.requireNonNull(unit, "unit must not be null");
        if (!hasPurchaseBy(transactions, asOf.toEpochDay())) {
            return List.of();
        }
        Map<String, Double> alive = new HashMap<>();
        for (CalibrationSummary s : transactions.calibration(asOf, unit)) {
            alive.put(s.customerId(), model.probabilityAlive(s.frequency(), s.recency(), s.age()));
        }
        return classifyAll(transactions, asOf, alive);
    }

    /** @return the number of classifications per stage, every stage listed (0 if none), in stage order */
    public static Map<LifecycleStage, Integer> stageCounts(Collection<LifecycleClassification> classifications) {
        Map<LifecycleStage, Integer> counts = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage s : LifecycleStage.values()) {
            counts.put(s, 0);
        }
        for (LifecycleClassification c : classifications) {
            counts.merge(c.stage(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts);
    }

    /**
     * The deciding rule of every customer in a batch, for bases too large for one
     * {@link LifecycleClassification} per customer: the same rules and figures as
     * {@link #classifyAll(Transactions, LocalDate, Map)}, computed on primitives. The stage is
     * {@link LifecycleRule#stage()}; {@link #classify(Transactions, String, LocalDate, OptionalDouble)}
     * with the same P(alive) gives one customer's full classification.
     *
     * @param transactions     the batch; not null
     * @param asOf             the as-of day; not null
     * @param probabilityAlive P(alive) by the batch's customer index ({@link Transactions#customerId(int)}),
     *                         NaN where unknown; or null when unknown for everyone
     * @return the rule by customer index; null for a customer without a purchase occasion on or before
     *         {@code asOf}
     * @throws ValidationException on field {@code probabilityAlive} if the array's length is not the
     *                             number of customers, or a known value is outside [0, 1]
     */
    public LifecycleRule[] rules(Transactions transactions, LocalDate asOf, double[] probabilityAlive) {
        check(transactions, asOf);
        int customers = transactions.customerCount();
        if (probabilityAlive != null && probabilityAlive.length != customers) {
            throw new ValidationException("probabilityAlive", "must have one value per customer (" + customers + ")",
                    probabilityAlive.length);
        }
        if (probabilityAlive != null) {
            for (int c = 0; c < customers; c++) {
                double p = probabilityAlive[c];
                if (!Double.isNaN(p) && !(p >= 0 && p <= 1)) {
                    throw new ValidationException("probabilityAlive[" + c + "]", "must lie in [0, 1] or be NaN", p);
                }
            }
        }
        long a = asOf.toEpochDay();
        LifecycleRule[] out = new LifecycleRule[customers];
        for (int c = 0; c < customers; c++) {
            Figures f = figures(transactions, c, a);
            if (f != null) {
                double alive = probabilityAlive == null ? Double.NaN : probabilityAlive[c];
                out[c] = rule(f, alive);
            }
        }
        return out;
    }

    /** @return the number of customers per stage, every stage listed (0 if none), in stage order */
    public static Map<LifecycleStage, Integer> stageCounts(LifecycleRule[] rules) {
        Objects.requireNonNull(rules, "rules must not be null");
        int[] counts = new int[LifecycleStage.values().length];
        for (LifecycleRule rule : rules) {
            if (rule != null) {
                counts[rule.stage().ordinal()]++;
            }
        }
        Map<LifecycleStage, Integer> out = new EnumMap<>(LifecycleStage.class);
        for (LifecycleStage s : LifecycleStage.values()) {
            out.put(s, counts[s.ordinal()]);
        }
        return Collections.unmodifiableMap(out);
    }

    private List<LifecycleClassification> classifyAll(Transactions transactions, LocalDate asOf,
                                                      Function<String, OptionalDouble> alive) {
        check(transactions, asOf);
        long a = asOf.toEpochDay();
        List<LifecycleClassification> out = new ArrayList<>();
        for (int c = 0; c < transactions.customerCount(); c++) {
            Figures f = figures(transactions, c, a);
            if (f != null) {
                out.add(decide(transactions, f, asOf, alive.apply(transactions.customerId(c))));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static void check(Transactions transactions, LocalDate asOf) {
        Objects.requireNonNull(transactions, "transactions must not be null");
        if (asOf == null) {
            throw new ValidationException("asOf", "must not be null");
        }
    }

    private static boolean hasPurchaseBy(Transactions t, long a) {
        for (int i = 0; i < t.size(); i++) {
            if (t.epochDay(i) <= a && t.amountMinor(i) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** The raw figures of one customer; null if it has no purchase occasion on or before day a. */
    private Figures figures(Transactions t, int c, long a) {
        long w = policy.windowDays();
        long first = 0;
        long last = 0;
        int occasions = 0;
        long latest = 0;
        long prior = 0;
        for (int i = t.start(c); i < t.end(c) && t.epochDay(i) <= a; i++) {
            long day = t.epochDay(i);
            long amount = t.amountMinor(i);
            if (day > a - w) {
                latest = t.addAmount(c, latest, amount);
            } else {
                prior = t.addAmount(c, prior, amount);
            }
            if (amount >= 0 && (occasions == 0 || day != last)) {
                if (occasions == 0) {
                    first = day;
                }
                occasions++;
                last = day;
            }
        }
        if (occasions == 0) {
            return null;
        }
        long tenure = a - first;
        int priorWindows = tenure < w ? 0 : Math.toIntExact(tenure / w); // = ceil((tenure - w + 1) / w)
        return new Figures(c, first, last, occasions, tenure, Math.max(0, latest), Math.max(0, prior), priorWindows);
    }

    /** The first rule that holds (see the class comment); {@code alive} is NaN when unknown. */
    private LifecycleRule rule(Figures f, double alive) {
        boolean known = !Double.isNaN(alive);
        if (known && !(alive >= 0 && alive <= 1)) {
            throw new ValidationException("probabilityAlive", "must lie in [0, 1]", alive);
        }
        long sinceLast = f.tenureDays - (f.lastDay - f.firstDay);
        if (known && alive < policy.endedBelowAlive()) {
            return LifecycleRule.ENDED_PROBABILITY_ALIVE;
        } else if (policy.endedAfterInactiveDays().isPresent()
                && sinceLast >= policy.endedAfterInactiveDays().getAsInt()) {
            return LifecycleRule.ENDED_INACTIVE;
        } else if (f.tenureDays < policy.windowDays()) {
            return LifecycleRule.EXPLORATION_TENURE;
        } else if (f.occasions - 1 < policy.minRepeatPurchases()) {
            return LifecycleRule.EXPLORATION_REPEATS;
        } else if (known && alive < policy.declineBelowAlive()) {
            return LifecycleRule.DECLINE_PROBABILITY_ALIVE;
        } else if (compareScaled(f.latestMinor, f.priorWindows, BigDecimal.ONE.subtract(policy.growth()), f.priorMinor) < 0) {
            return LifecycleRule.DECLINE_SPEND;
        } else if (compareScaled(f.latestMinor, f.priorWindows, BigDecimal.ONE.add(policy.growth()), f.priorMinor) > 0) {
            return LifecycleRule.FORMATION_SPEND;
        }
        return LifecycleRule.STABILITY_SPEND;
    }

    /**
     * Compares latest × windows with factor × prior exactly (amounts in minor units, both at least 0): in
     * {@code long} arithmetic while the products fit, with {@link BigDecimal} beyond.
     */
    static int compareScaled(long latest, int windows, BigDecimal factor, long prior) {
        int scale = factor.scale();
        if (scale >= 0 && scale <= 18 && factor.unscaledValue().bitLength() < 63) {
            long unscaled = factor.unscaledValue().longValue();
            long power = LONG_POWERS_OF_TEN[scale];
            try {
                long left = Math.multiplyExact(Math.multiplyExact(latest, (long) windows), power);
                long right = Math.multiplyExact(unscaled, prior);
                return Long.compare(left, right);
            } catch (ArithmeticException overflow) {
                // exact decimal comparison below
            }
        }
        return BigDecimal.valueOf(latest).multiply(BigDecimal.valueOf(windows))
                .compareTo(factor.multiply(BigDecimal.valueOf(prior)));
    }

    private static final long[] LONG_POWERS_OF_TEN = new long[19];

    static {
        LONG_POWERS_OF_TEN[0] = 1L;
        for (int i = 1; i < LONG_POWERS_OF_TEN.length; i++) {
            LONG_POWERS_OF_TEN[i] = LONG_POWERS_OF_TEN[i - 1] * 10L;
        }
    }

    private LifecycleClassification decide(Transactions t, Figures f, LocalDate asOf, OptionalDouble alive) {
        if (alive.isPresent() && Double.isNaN(alive.getAsDouble())) {
            throw new ValidationException("probabilityAlive", "must lie in [0, 1]", alive.getAsDouble());
        }
        LifecycleRule rule = rule(f, alive.isPresent() ? alive.getAsDouble() : Double.NaN);
        long sinceLast = f.tenureDays - (f.lastDay - f.firstDay);
        BigDecimal latest = t.amountOf(f.latestMinor);
        BigDecimal prior = t.amountOf(f.priorMinor);
        return new LifecycleClassification(t.customerId(f.customer), asOf, rule.stage(), rule, f.tenureDays, sinceLast,
                f.occasions - 1, latest, prior, f.priorWindows,
                LifecycleClassification.average(prior, f.priorWindows), alive, policy);
    }

    /** One customer's raw figures; amounts in minor units, net of refunds and floored at 0. */
    private record Figures(int customer, long firstDay, long lastDay, int occasions, long tenureDays,
                           long latestMinor, long priorMinor, int priorWindows) {
    }
}
