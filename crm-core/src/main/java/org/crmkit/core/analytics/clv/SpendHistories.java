package org.crmkit.core.analytics.clv;

import java.util.Collection;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * The data of the Gamma-Gamma spend model in compact form: for each customer with at least one repeat
 * purchase, the number of repeat purchases x and their mean value z̄, with identical (x, z̄) pairs
 * collapsed into weights and rows ordered by x. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class SpendHistories {

    final double[] x;
    final double[] meanSpend;
    final double[] weight;
    private final double customers;

    private SpendHistories(double[] x, double[] meanSpend, double[] weight) {
        this.x = x;
        this.meanSpend = meanSpend;
        this.weight = weight;
        double sum = 0.0;
        for (double w : weight) {
            sum += w;
        }
        this.customers = sum;
    }

    /**
     * The customers with x > 0 and a mean spend; the others carry no information about spend and are
     * skipped.
     *
     * @throws ValidationException if no customer qualifies, or a qualifying mean spend is not > 0
     */
    public static SpendHistories of(Collection<PurchaseHistory> histories) {
        Objects.requireNonNull(histories, "histories must not be null");
        double[] x = new double[histories.size()];
        double[] m = new double[histories.size()];
        int n = 0;
        int index = 0;
        for (PurchaseHistory h : histories) {
            if (h == null) {
                throw new org.crmkit.spi.ValidationException("histories[" + index + "]", "must not be null");
            }
            if (h.frequency() > 0.0 && h.meanSpend().isPresent()) {
                x[n] = h.frequency();
                m[n] = h.meanSpend().getAsDouble();
                if (!(m[n] > 0.0)) {
                    throw new ValidationException("histories[" + index + "].meanSpend",
                            "must be > 0 for the Gamma-Gamma model", m[n]);
                }
                n++;
            }
            index++;
        }
        return of(java.util.Arrays.copyOf(x, n), java.util.Arrays.copyOf(m, n));
    }

    /**
     * @param frequency the number of repeat purchases per customer, whole numbers > 0
     * @param meanSpend their mean value per customer, finite and > 0
     */
    public static SpendHistories of(double[] frequency, double[] meanSpend) {
        Objects.requireNonNull(frequency, "frequency must not be null");
        Objects.requireNonNull(meanSpend, "meanSpend must not be null");
        int n = frequency.length;
        if (meanSpend.length != n) {
            throw new ValidationException("histories", "arrays must have the same length");
        }
        if (n == 0) {
            throw new ValidationException("histories", "must contain a customer with repeat purchases and a mean spend");
        }
        TupleIndex rows = new TupleIndex(2, Math.min(n, 1 << 16));
        double[] uw = new double[Math.min(n, 1 << 16)];
        for (int i = 0; i < n; i++) {
            double xi = frequency[i];
            double mi = meanSpend[i];
            if (!Double.isFinite(xi) || xi < 1.0 || Math.rint(xi) != xi) {
                throw new ValidationException("frequency[" + i + "]", "must be a whole number > 0", xi);
            }
            if (!Double.isFinite(mi) || mi <= 0.0) {
                throw new ValidationException("meanSpend[" + i + "]", "must be finite and > 0", mi);
            }
            int unique = rows.size();
            int row = rows.rowOf(xi, mi, 0.0);
            if (row == unique) {
                if (row == uw.length) {
                    uw = java.util.Arrays.copyOf(uw, Math.min(n, uw.length * 2));
                }
                uw[row] = 1.0;
            } else {
                uw[row] += 1.0;
            }
        }
        int unique = rows.size();
        // rows sorted by x, in first-seen order within one x, so
        // that per-x terms can be computed once per run of equal x
        boolean packable = true;
        for (int r = 0; r < unique && packable; r++) {
            packable = rows.component(r, 0) < (1L << 31);
        }
        int[] order = new int[unique];
        if (packable) {
            // x (a whole number below 2^31) in the high half, the row number in the low half
            long[] keyed = new long[unique];
            for (int r = 0; r < unique; r++) {
                keyed[r] = ((long) rows.component(r, 0) << 32) | r;
            }
            java.util.Arrays.sort(keyed);
            for (int i = 0; i < unique; i++) {
                order[i] = (int) keyed[i];
            }
        } else {
            Integer[] boxed = new Integer[unique];
            for (int i = 0; i < unique; i++) {
                boxed[i] = i;
            }
            java.util.Arrays.sort(boxed, java.util.Comparator.comparingDouble(i -> rows.component(i, 0)));
            for (int i = 0; i < unique; i++) {
                order[i] = boxed[i];
            }
        }
        double[] sx = new double[unique];
        double[] sm = new double[unique];
        double[] sw = new double[unique];
        for (int i = 0; i < unique; i++) {
            sx[i] = rows.component(order[i], 0);
            sm[i] = rows.component(order[i], 1);
            sw[i] = uw[order[i]];
        }
        return new SpendHistories(sx, sm, sw);
    }

    /** @return the number of distinct (x, z̄) rows */
    public int size() {
        return x.length;
    }

    /** @return the number of customers */
    public double customers() {
        return customers;
    }

    /** @return the weighted mean of the customers' mean spends */
    double meanOfMeans() {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += weight[i] * meanSpend[i];
        }
        return s / customers;
    }

}
