package org.crmkit.core.analytics.abc;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.IntFunction;

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
 * <p>Values must not be negative and must not all be zero. Sums are exact (whole units of the
 * values' finest scale in a {@code long} while they fit, {@link BigDecimal} beyond); shares are
 * reported as {@code double}.
 *
 * <p>The analysis is held column by column (the ranking, a class byte and the running sums in
 * primitive arrays), so a base of millions costs no object per customer; {@link #customers()} and
 * {@link #customer(String)} build each {@link AbcCustomer} when it is read.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class AbcAnalysis {

    private static final AbcClass[] CLASSES = AbcClass.values();

    private final int n;
    /** Index to key, in key order. */
    private final List<String> ids;
    /** Index to value; null when values are read off the running sums. */
    private final IntFunction<BigDecimal> valueAt;
    /** Rank (0 = most valuable) to index. */
    private final int[] order;
    /** Index to rank. */
    private final int[] rankOf;
    /** Rank to class ordinal. */
    private final byte[] classOf;
    private final Sums sums;
    private final BigDecimal total;
    private final double gini;
    private final List<AbcCustomer> customers;

    private AbcAnalysis(List<String> ids, IntFunction<BigDecimal> valueAt, int[] order, byte[] classOf, Sums sums,
                        double gini) {
        this.n = ids.size();
        this.ids = ids;
        this.valueAt = valueAt;
        this.order = order;
        this.rankOf = new int[n];
        for (int rank = 0; rank < n; rank++) {
            rankOf[order[rank]] = rank;
        }
        this.classOf = classOf;
        this.sums = sums;
        this.total = sums.ascending(n);
        this.gini = gini;
        this.customers = new Customers();
    }

    /** The customers by rank, each built when read. */
    private final class Customers extends AbstractList<AbcCustomer> implements RandomAccess {

        @Override
        public AbcCustomer get(int rank) {
            Objects.checkIndex(rank, n);
            return customerAt(rank);
        }

        @Override
        public int size() {
            return n;
        }
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
        checkBatch(transactions);
        long[] units = new long[transactions.customerCount()];
        for (int c = 0; c < units.length; c++) {
            long sum = 0;
            for (int i = transactions.start(c); i < transactions.end(c); i++) {
                sum = transactions.addAmount(c, sum, transactions.amountMinor(i));
            }
            units[c] = Math.max(0, sum);
        }
        return ofUnits(transactions.customerIds(), units, transactions.amountOf(0).scale(), thresholds);
    }

    /**
     * Analyses the net margin of every customer in a batch: the sum of the margins its transactions
     * carry (a refund's margin is negative), floored at 0 like {@link #ofNetSpend}. Transactions
     * without a margin add nothing, so a customer whose transactions carry none has value 0.
     *
     * @throws ValidationException on field {@code transactions} if no transaction carries a margin
     */
    public static AbcAnalysis ofNetMargin(Transactions transactions, AbcThresholds thresholds) {
        checkBatch(transactions);
        int scale = transactions.amountOf(0).scale();
        long[] units = new long[transactions.customerCount()];
        boolean any = false;
        for (int c = 0; c < units.length; c++) {
            long sum = 0;
            for (int i = transactions.start(c); i < transactions.end(c); i++) {
                if (transactions.hasMargin(i)) {
                    sum = transactions.addAmount(c, sum, transactions.marginMinor(i));
                    any = true;
                }
            }
            units[c] = Math.max(0, sum);
        }
        if (!any) {
            throw new ValidationException("transactions", "must carry a margin on some transaction to rank by margin");
        }
        return ofUnits(transactions.customerIds(), units, scale, thresholds);
    }

    private static void checkBatch(Transactions transactions) {
        if (transactions == null) {
            throw new ValidationException("transactions", "must not be null");
        }
        if (transactions.isEmpty()) {
            throw new ValidationException("transactions", "must not be empty");
        }
    }

    /**
     * Analyses values given as whole units of one decimal scale: customer {@code customerIds.get(i)}
     * has value {@code units[i] × 10^-scale} (cents with scale 2). This is the form for large bases: when
     * the keys come in key order ({@link String#compareTo}), as a batch's customers do, no object per
     * customer is made; the keys are copied into one array and the units are not kept. Keys in another
     * order are sorted first, and sums beyond a long are worked in decimals.
     *
     * @param customerIds the keys, distinct; not null, not empty
     * @param units       the values in whole units, each at least 0, not all 0; as long as the keys
     * @param scale       the decimal scale of the units, at least 0
     * @param thresholds  the class shares; not null
     * @throws ValidationException naming the field ({@code customerIds}, {@code units} with the index,
     *                             {@code scale}) and the rule that is broken
     */
    public static AbcAnalysis ofUnits(List<String> customerIds, long[] units, int scale, AbcThresholds thresholds) {
        if (customerIds == null || customerIds.isEmpty()) {
            throw new ValidationException("customerIds", "must not be empty");
        }
        if (units == null || units.length != customerIds.size()) {
            throw new ValidationException("units", "must have one value per customer (" + customerIds.size() + ")",
                    units == null ? null : units.length);
        }
        if (scale < 0) {
            throw new ValidationException("scale", "must be at least 0", scale);
        }
        if (thresholds == null) {
            throw new ValidationException("thresholds", "must not be null");
        }
        String[] keys = customerIds.toArray(new String[0]);
        long[] values = units;
        boolean ascending = true;
        boolean anyValue = false;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] == null) {
                throw new ValidationException("customerIds[" + i + "]", "must not be null");
            }
            if (units[i] < 0) {
                throw new ValidationException("units[" + i + "]", "must be at least 0", units[i]);
            }
            ascending &= i == 0 || keys[i - 1].compareTo(keys[i]) < 0;
            anyValue |= units[i] > 0;
        }
        if (!anyValue) {
            throw new ValidationException("units", "must not all be zero");
        }
        if (!ascending) {
            // equal values rank by key, and the rank order relies on the index order being key order
            Integer[] byKey = new Integer[keys.length];
            for (int i = 0; i < byKey.length; i++) {
                byKey[i] = i;
            }
            Arrays.sort(byKey, Comparator.comparing(i -> keys[i]));
            String[] sortedKeys = new String[keys.length];
            values = new long[keys.length];
            for (int i = 0; i < byKey.length; i++) {
                sortedKeys[i] = keys[byKey[i]];
                values[i] = units[byKey[i]];
                if (i > 0 && sortedKeys[i - 1].equals(sortedKeys[i])) {
                    throw new ValidationException("customerIds", "must not repeat a customer", sortedKeys[i]);
                }
            }
            System.arraycopy(sortedKeys, 0, keys, 0, keys.length);
        }
        List<String> ids = Collections.unmodifiableList(Arrays.asList(keys));
        AbcAnalysis fast = ofWholeUnits(ids, values, scale, thresholds, null);
        if (fast != null) {
            return fast;
        }
        BigDecimal[] decimals = new BigDecimal[values.length];
        for (int i = 0; i < values.length; i++) {
            decimals[i] = BigDecimal.valueOf(values[i], scale);
        }
        return ofDecimals(ids, decimals, thresholds);
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
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(values.entrySet());
        int scale = 0;
        for (Map.Entry<String, BigDecimal> e : entries) {
            if (e.getKey() == null || e.getValue() == null || e.getValue().signum() < 0) {
                throw new ValidationException("values", "must map every customer to a value of at least 0",
                        e.getKey() + "=" + e.getValue());
            }
            scale = Math.max(scale, e.getValue().scale());
        }
        entries.sort(Map.Entry.comparingByKey());
        int n = entries.size();
        String[] keys = new String[n];
        BigDecimal[] decimals = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            keys[i] = entries.get(i).getKey();
            decimals[i] = entries.get(i).getValue();
        }
        List<String> ids = Collections.unmodifiableList(Arrays.asList(keys));
        // whole units of the finest scale when every value fits in a long
        long[] units = new long[n];
        boolean fits = true;
        for (int i = 0; i < n && fits; i++) {
            try {
                units[i] = decimals[i].movePointRight(scale).longValueExact();
            } catch (ArithmeticException tooLarge) {
                fits = false;
            }
        }
        AbcAnalysis fast = fits ? ofWholeUnits(ids, units, scale, thresholds, decimals) : null;
        return fast != null ? fast : ofDecimals(ids, decimals, thresholds);
    }

    /**
     * The analysis in whole units; null if the total or a class line does not fit in a long (the
     * caller then works in decimals). {@code decimals}, when given, are the values as the caller gave them.
     */
    private static AbcAnalysis ofWholeUnits(List<String> ids, long[] units, int scale, AbcThresholds thresholds,
                                            BigDecimal[] decimals) {
        int n = units.length;
        long totalUnits = 0;
        long max = 0;
        try {
            for (long u : units) {
                totalUnits = Math.addExact(totalUnits, u);
                max = Math.max(max, u);
            }
        } catch (ArithmeticException overflow) {
            return null;
        }
        if (totalUnits == 0) {
            throw new ValidationException("values", "must not all be zero");
        }
        int[] order = rankOrder(units, max);
        BigDecimal total = BigDecimal.valueOf(totalUnits, scale);
        // a customer is in A while the value ranked above its group is below the line; for whole units u,
        // u < line exactly when u < ceil(line)
        long aLine;
        long bLine;
        try {
            aLine = unitsCeiling(total.multiply(BigDecimal.valueOf(thresholds.a())), scale);
            // the decimal forms of a and b, added exactly: 0.8 + 0.15 is 0.95, not 0.9500000000000001
            bLine = unitsCeiling(total.multiply(BigDecimal.valueOf(thresholds.a())
                    .add(BigDecimal.valueOf(thresholds.b()))), scale);
        } catch (ArithmeticException beyondLong) {
            // a + b may exceed 1 by rounding, and then a line near a long's limit does not fit in one
            return null;
        }
        byte[] classOf = new byte[n];
        long above = 0;
        long aboveGroup = 0;
        long previous = -1;
        for (int rank = 0; rank < n; rank++) {
            long v = units[order[rank]];
            if (v != previous) {
                aboveGroup = above;
                previous = v;
            }
            classOf[rank] = (byte) (aboveGroup < aLine ? 0 : aboveGroup < bLine ? 1 : 2);
            above += v;
        }
        long[] ascending = new long[n + 1];
        // Σ k x(k) in whole units while it fits in a long, exactly; decimal beyond
        long weightedUnits = 0;
        BigDecimal weighted = null;
        for (int k = 1; k <= n; k++) {
            long x = units[order[n - k]];
            ascending[k] = ascending[k - 1] + x;
            if (weighted == null) {
                try {
                    weightedUnits = Math.addExact(weightedUnits, Math.multiplyExact(x, (long) k));
                    continue;
                } catch (ArithmeticException overflow) {
                    weighted = BigDecimal.valueOf(weightedUnits, scale);
                }
            }
            weighted = weighted.add(BigDecimal.valueOf(x, scale).multiply(BigDecimal.valueOf(k)));
        }
        if (weighted == null) {
            weighted = BigDecimal.valueOf(weightedUnits, scale);
        }
        IntFunction<BigDecimal> valueAt = decimals == null ? null : i -> decimals[i];
        return new AbcAnalysis(ids, valueAt, order, classOf, new UnitSums(ascending, scale), gini(weighted, total, n));
    }

    /** The analysis in {@link BigDecimal}, for values or sums beyond a long. */
    private static AbcAnalysis ofDecimals(List<String> ids, BigDecimal[] values, AbcThresholds thresholds) {
        int n = values.length;
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            total = total.add(v);
        }
        if (total.signum() == 0) {
            throw new ValidationException("values", "must not all be zero");
        }
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        // stable: equal values keep index order, which is key order
        Arrays.sort(boxed, (i, j) -> values[j].compareTo(values[i]));
        int[] order = new int[n];
        for (int rank = 0; rank < n; rank++) {
            order[rank] = boxed[rank];
        }
        BigDecimal aLine = total.multiply(BigDecimal.valueOf(thresholds.a()));
        BigDecimal bLine = total.multiply(BigDecimal.valueOf(thresholds.a()).add(BigDecimal.valueOf(thresholds.b())));
        byte[] classOf = new byte[n];
        BigDecimal above = BigDecimal.ZERO;
        BigDecimal aboveGroup = BigDecimal.ZERO;
        for (int rank = 0; rank < n; rank++) {
            BigDecimal v = values[order[rank]];
            if (rank == 0 || v.compareTo(values[order[rank - 1]]) != 0) {
                aboveGroup = above;
            }
            classOf[rank] = (byte) (aboveGroup.compareTo(aLine) < 0 ? 0 : aboveGroup.compareTo(bLine) < 0 ? 1 : 2);
            above = above.add(v);
        }
        BigDecimal[] ascending = new BigDecimal[n + 1];
        ascending[0] = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
        for (int k = 1; k <= n; k++) {
            BigDecimal x = values[order[n - k]];
            ascending[k] = ascending[k - 1].add(x);
            weighted = weighted.add(x.multiply(BigDecimal.valueOf(k)));
        }
        return new AbcAnalysis(ids, i -> values[i], order, classOf, new DecimalSums(ascending), gini(weighted, total, n));
    }

    /** G = (2 Σ i x(i) − (n + 1) Σ x) / (n Σ x), floored at 0 against rounding. */
    private static double gini(BigDecimal weighted, BigDecimal total, int n) {
        BigDecimal numerator = weighted.multiply(BigDecimal.valueOf(2))
                .subtract(total.multiply(BigDecimal.valueOf(n + 1L)));
        double g = numerator.divide(total.multiply(BigDecimal.valueOf(n)), MathContext.DECIMAL64).doubleValue();
        return Math.max(0, g);
    }

    /** @return ceil(amount × 10^scale) */
    private static long unitsCeiling(BigDecimal amount, int scale) {
        return amount.movePointRight(scale).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /**
     * Indices ordered by value, highest first, equal values by index. When values and indices fit in one
     * long together, a primitive sort of (max − value, index) keys; otherwise a stable merge sort.
     */
    private static int[] rankOrder(long[] units, long max) {
        int n = units.length;
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        int[] order = new int[n];
        if (64 - Long.numberOfLeadingZeros(max) + indexBits <= 63) {
            long[] keys = new long[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ((max - units[i]) << indexBits) | i;
            }
            Arrays.sort(keys);
            long mask = (1L << indexBits) - 1;
            for (int rank = 0; rank < n; rank++) {
                order[rank] = (int) (keys[rank] & mask);
            }
            return order;
        }
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int from = 0; from < n; from += 2 * width) {
                int mid = Math.min(from + width, n);
                int to = Math.min(from + 2 * width, n);
                int left = from;
                int right = mid;
                int out = from;
                while (left < mid && right < to) {
                    // take from the right only when strictly more valuable: stable
                    buffer[out++] = units[order[right]] > units[order[left]] ? order[right++] : order[left++];
                }
                while (left < mid) {
                    buffer[out++] = order[left++];
                }
                while (right < to) {
                    buffer[out++] = order[right++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    private static double share(BigDecimal part, BigDecimal total) {
        return part.divide(total, MathContext.DECIMAL64).doubleValue();
    }

    private AbcCustomer customerAt(int rank) {
        int index = order[rank];
        BigDecimal value = valueAt != null ? valueAt.apply(index) : sums.ascending(n - rank).subtract(sums.ascending(n - rank - 1));
        return new AbcCustomer(ids.get(index), value, rank + 1, sums.topShare(rank + 1, total), CLASSES[classOf[rank]]);
    }

    /** @return every customer, most valuable first; unmodifiable, each element built when it is read */
    public List<AbcCustomer> customers() {
        return customers;
    }

    /** @return the customer with this key, if analysed */
    public Optional<AbcCustomer> customer(String customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        int index = Collections.binarySearch(ids, customerId);
        return index < 0 ? Optional.empty() : Optional.of(customerAt(rankOf[index]));
    }

    /** @return the total value */
    public BigDecimal total() {
        return total;
    }

    /** @return the number of customers per class, every class present (possibly 0); unmodifiable */
    public Map<AbcClass, Integer> classCounts() {
        int[] counts = new int[CLASSES.length];
        for (byte c : classOf) {
            counts[c]++;
        }
        Map<AbcClass, Integer> out = new EnumMap<>(AbcClass.class);
        for (AbcClass c : CLASSES) {
            out.put(c, counts[c.ordinal()]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the share of value per class, every class present; unmodifiable */
    public Map<AbcClass, Double> classValueShares() {
        // classes run in rank order (A, then B, then C), so each class's value is a difference of sums
        Map<AbcClass, Double> shares = new EnumMap<>(AbcClass.class);
        int from = 0;
        for (AbcClass c : CLASSES) {
            int to = from;
            while (to < n && classOf[to] == c.ordinal()) {
                to++;
            }
            BigDecimal sum = sums.ascending(n - from).subtract(sums.ascending(n - to));
            shares.put(c, share(sum, total));
            from = to;
        }
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
        BigDecimal line = total.multiply(BigDecimal.valueOf(valueShare));
        // the value of the top k customers grows with k: the first k whose value reaches the line
        int lo = 1;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sums.compareTop(mid, line) >= 0) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return (double) lo / n;
    }

    /** @return the share of customers that brings 80 % of the value */
    public double paretoShare() {
        return shareOfCustomersFor(0.8);
    }

    /** @return the n + 1 points of the Lorenz curve from (0, 0) to (1, 1); unmodifiable */
    public List<LorenzPoint> lorenzCurve() {
        List<LorenzPoint> points = new ArrayList<>(n + 1);
        for (int k = 0; k <= n; k++) {
            points.add(new LorenzPoint((double) k / n, share(sums.ascending(k), total)));
        }
        return Collections.unmodifiableList(points);
    }

    /** @return the Gini coefficient, in [0, 1) (see the class comment for the formula) */
    public double gini() {
        return gini;
    }

    /** The running sums of the values from the least valuable up: ascending(k) holds the k smallest. */
    private interface Sums {

        BigDecimal ascending(int k);

        /** @return the share of the total held by the k most valuable */
        double topShare(int k, BigDecimal total);

        /** @return the sign of (value of the k most valuable − line) */
        int compareTop(int k, BigDecimal line);
    }

    /** Sums in whole units of one scale. */
    private record UnitSums(long[] ascending, int scale) implements Sums {

        @Override
        public BigDecimal ascending(int k) {
            return BigDecimal.valueOf(ascending[k], scale);
        }

        @Override
        public double topShare(int k, BigDecimal total) {
            int n = ascending.length - 1;
            long top = ascending[n] - ascending[n - k];
            // from whole units when the total fits in 53 bits (exact, one rounding), else by decimal division
            return ascending[n] < (1L << 53) ? top / (double) ascending[n]
                    : share(BigDecimal.valueOf(top, scale), total);
        }

        @Override
        public int compareTop(int k, BigDecimal line) {
            int n = ascending.length - 1;
            return BigDecimal.valueOf(ascending[n] - ascending[n - k], scale).compareTo(line);
        }
    }

    /** Sums in decimals. */
    private record DecimalSums(BigDecimal[] ascending) implements Sums {

        @Override
        public BigDecimal ascending(int k) {
            return ascending[k];
        }

        @Override
        public double topShare(int k, BigDecimal total) {
            int n = ascending.length - 1;
            return share(ascending[n].subtract(ascending[n - k]), total);
        }

        @Override
        public int compareTop(int k, BigDecimal line) {
            int n = ascending.length - 1;
            return ascending[n].subtract(ascending[n - k]).compareTo(line);
        }
    }
}
