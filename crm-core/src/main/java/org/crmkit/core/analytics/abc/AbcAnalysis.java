package org.crmkit.core.analytics.abc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * ABC (Pareto) analysis of customer value.
 *
 * <p>Customers are ranked by value, highest first (equal values by customer key). With thresholds
 * {@code a} and {@code b} (80 % and 15 % by default), a customer is in class A if the customers
 * ranked strictly above its <em>group of equal values</em> hold less than {@code a} of the total
 * value, in B if they hold less than {@code a + b}, otherwise in C. So the customer who crosses the
 * 80 % line is still in A, A is never empty, and equal values always share a class.
 *
 * <p>The Lorenz curve runs through {@code (k / n, L(k))} for k = 0..n, where {@code L(k)} is the
 * share of value of the k least valuable customers. The Gini coefficient is the sample formula
 * <pre>  G = 2 * sum(i * x(i)) / (n * sum(x)) - (n + 1) / n,   x(1) &lt;= ... &lt;= x(n)</pre>
 * which equals 1 - 2 * (area under the piecewise-linear Lorenz curve): 0 when all values are equal,
 * (n - 1) / n when one customer has everything, always in [0, 1).
 *
 * <p>Values must not be negative and must not all be zero. Sums are exact ({@link BigDecimal});
 * shares are reported as {@code double}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AbcAnalysis {

    private final List<AbcCustomer> customers;
    private final Map<String, AbcCustomer> byId;
    private final BigDecimal total;
    private final BigDecimal[] ascendingCumulative;
    private final double gini;

    private AbcAnalysis(List<AbcCustomer> customers, BigDecimal total, BigDecimal[] ascendingCumulative,
                        double gini) {
        this.customers = customers;
        this.total = total;
        this.ascendingCumulative = ascendingCumulative;
        this.gini = gini;
        this.byId = new HashMap<>(Math.max(16, (int) (customers.size() / 0.75f) + 1));
        customers.forEach(c -> byId.put(c.customerId(), c));
    }

    /** Analyses {@code values} (customer key to value) with the default 80 / 15 / 5 thresholds. */
    public static AbcAnalysis of(Map<String, BigDecimal> values) {
        return of(values, AbcThresholds.DEFAULT);
    }

    /**
     * Analyses the net spend of every customer in a batch (refunds included). A customer whose
     * refunds exceed its purchases brought no value: its value is 0, not negative.
     */
    public static AbcAnalysis ofNetSpend(Transactions transactions, AbcThresholds thresholds) {
        if (transactions == null) {
            throw new ValidationException("transactions", "must not be null");
        }
        Map<String, BigDecimal> values = new HashMap<>();
        for (int c = 0; c < transactions.customerCount(); c++) {
            long sum = 0;
            for (int i = transactions.start(c); i < transactions.end(c); i++) {
                sum = Math.addExact(sum, transactions.amountMinor(i));
            }
            values.put(transactions.customerId(c), transactions.amountOf(Math.max(0, sum)));
        }
        return of(values, thresholds);
    }

    /**
     * @param values     customer key to value; not empty, no negative or null value, not all zero
     * @param thresholds the class shares; not null
     * @return the analysis
     * @throws ValidationException on field {@code values} if the values break a rule
     */
    public static AbcAnalysis of(Map<String, BigDecimal> values, AbcThresholds thresholds) {
        if (values == null || values.isEmpty()) {
            throw new ValidationException("values", "must not be empty");
        }
        if (thresholds == null) {
            throw new ValidationException("thresholds", "must not be null");
        }
        List<Map.Entry<String, BigDecimal>> ranked = new ArrayList<>(values.entrySet());
        BigDecimal total = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : ranked) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().signum() < 0) {
                throw new ValidationException("values", "must map every customer to a value of at least 0",
                        e.getKey() + "=" + e.getValue());
            }
            total = total.add(e.getValue());
        }
        if (total.signum() == 0) {
            throw new ValidationException("values", "must not all be zero");
        }
        ranked.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()));
        int n = ranked.size();
        BigDecimal aLine = total.multiply(BigDecimal.valueOf(thresholds.a()));
        // the decimal forms of a and b, added exactly: 0.8 + 0.15 is 0.95, not 0.9500000000000001
        BigDecimal bLine = total.multiply(BigDecimal.valueOf(thresholds.a()).add(BigDecimal.valueOf(thresholds.b())));
        List<AbcCustomer> out = new ArrayList<>(n);
        BigDecimal above = BigDecimal.ZERO;
        BigDecimal aboveGroup = BigDecimal.ZERO;
        // the cumulative share as a double: from whole units of the values' finest scale when the sums
        // fit in 53 bits (exact, one rounding), else by decimal division
        int scale = Math.max(0, total.scale());
        double totalUnits = -1.0;
        try {
            long units = total.movePointRight(scale).longValueExact();
            totalUnits = units < (1L << 53) ? units : -1.0;
        } catch (ArithmeticException tooLarge) {
            // keep the decimal division
        }
        for (int i = 0; i < n; i++) {
            BigDecimal v = ranked.get(i).getValue();
            if (i == 0 || v.compareTo(ranked.get(i - 1).getValue()) != 0) {
                aboveGroup = above;
            }
            AbcClass cls = aboveGroup.compareTo(aLine) < 0 ? AbcClass.A
                    : aboveGroup.compareTo(bLine) < 0 ? AbcClass.B : AbcClass.C;
            above = above.add(v);
            double share = totalUnits > 0 ? above.movePointRight(scale).longValue() / totalUnits : share(above, total);
            out.add(new AbcCustomer(ranked.get(i).getKey(), v, i + 1, share, cls));
        }
        BigDecimal[] ascending = new BigDecimal[n + 1];
        ascending[0] = BigDecimal.ZERO;
        // Σ k x(k) in whole units of the finest scale while it fits in a long, exactly; decimal beyond
        long weightedUnits = 0;
        BigDecimal weighted = null;
        for (int k = 1; k <= n; k++) {
            BigDecimal x = ranked.get(n - k).getValue();
            ascending[k] = ascending[k - 1].add(x);
            if (weighted == null && totalUnits > 0) {
                try {
                    weightedUnits = Math.addExact(weightedUnits,
                            Math.multiplyExact(x.movePointRight(scale).longValueExact(), (long) k));
                    continue;
                } catch (ArithmeticException overflow) {
                    weighted = BigDecimal.valueOf(weightedUnits, scale);
                }
            } else if (weighted == null) {
                weighted = BigDecimal.ZERO;
            }
            weighted = weighted.add(x.multiply(BigDecimal.valueOf(k)));
        }
        if (weighted == null) {
            weighted = BigDecimal.valueOf(weightedUnits, scale);
        }
        // G = 2 * sum(i * x(i)) / (n * total) - (n + 1) / n = (2 * sum(i * x(i)) - (n + 1) * total) / (n * total)
        BigDecimal numerator = weighted.multiply(BigDecimal.valueOf(2))
                .subtract(total.multiply(BigDecimal.valueOf(n + 1L)));
        double gini = numerator.divide(total.multiply(BigDecimal.valueOf(n)), MathContext.DECIMAL64).doubleValue();
        return new AbcAnalysis(Collections.unmodifiableList(out), total, ascending, Math.max(0, gini));
    }

    private static double share(BigDecimal part, BigDecimal total) {
        return part.divide(total, MathContext.DECIMAL64).doubleValue();
    }

    /** @return every customer, most valuable first; unmodifiable */
    public List<AbcCustomer> customers() {
        return customers;
    }

    /** @return the customer with this key, if analysed */
    public Optional<AbcCustomer> customer(String customerId) {
        return Optional.ofNullable(byId.get(customerId));
    }

    /** @return the total value */
    public BigDecimal total() {
        return total;
    }

    /** @return the number of customers per class, every class present (possibly 0); unmodifiable */
    public Map<AbcClass, Integer> classCounts() {
        Map<AbcClass, Integer> counts = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            counts.put(c, 0);
        }
        customers.forEach(c -> counts.merge(c.abcClass(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }

    /** @return the share of value per class, every class present; unmodifiable */
    public Map<AbcClass, Double> classValueShares() {
        Map<AbcClass, BigDecimal> sums = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            sums.put(c, BigDecimal.ZERO);
        }
        customers.forEach(c -> sums.merge(c.abcClass(), c.value(), BigDecimal::add));
        Map<AbcClass, Double> shares = new EnumMap<>(AbcClass.class);
        sums.forEach((c, s) -> shares.put(c, share(s, total)));
        return Collections.unmodifiableMap(shares);
    }

    /**
     * The smallest share of customers, taken from the most valuable down, that brings at least
     * {@code valueShare} of the value ({@code 0.8} for the 80/20 rule).
     *
     * @param valueShare a fraction in (0, 1]
     * @return k / n for the smallest such k
     */
    public double shareOfCustomersFor(double valueShare) {
        if (!(valueShare > 0 && valueShare <= 1)) {
            throw new ValidationException("valueShare", "must be a fraction in (0, 1]", valueShare);
        }
        int n = customers.size();
        BigDecimal line = total.multiply(BigDecimal.valueOf(valueShare));
        // ascendingCumulative[n] - ascendingCumulative[n - k] is the value of the top k customers
        for (int k = 1; k <= n; k++) {
            if (total.subtract(ascendingCumulative[n - k]).compareTo(line) >= 0) {
                return (double) k / n;
            }
        }
        return 1.0;
    }

    /** @return the share of customers that brings 80 % of the value */
    public double paretoShare() {
        return shareOfCustomersFor(0.8);
    }

    /** @return the n + 1 points of the Lorenz curve from (0, 0) to (1, 1); unmodifiable */
    public List<LorenzPoint> lorenzCurve() {
        int n = customers.size();
        List<LorenzPoint> points = new ArrayList<>(n + 1);
        for (int k = 0; k <= n; k++) {
            points.add(new LorenzPoint((double) k / n, share(ascendingCumulative[k], total)));
        }
        return Collections.unmodifiableList(points);
    }

    /** @return the Gini coefficient, in [0, 1) (see the class comment for the formula) */
    public double gini() {
        return gini;
    }
}
