package org.crmkit.core.analytics.clv;

import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * Many customers' purchase histories in compact form: customers with identical (x, t_x, T) are
 * collapsed into one row with a weight (the number of such customers), so that fitting and the
 * log-likelihood cost time in the number of distinct triples. Rows keep the order in which each triple
 * was first seen. Held in primitive arrays; immutable and thread-safe.
 *
 * @since 0.1
 */
public final class PurchaseHistories {

    final double[] x;
    final double[] tx;
    final double[] t;
    final double[] weight;
    /** The distinct frequencies, so that per-frequency terms (log-gamma) are computed once per value. */
    final double[] distinctX;
    /** For each row, the index of its frequency in {@link #distinctX}. */
    final int[] xIndex;
    /**
     * The distinct values of t_x and T together, ascending: terms such as ln(α + t) are computed once per
     * value per evaluation (days or weeks of a calibration period give a few hundred), not once per row.
     */
    final double[] times;
    /** For each row, the index of its t_x and of its T in {@link #times}. */
    final int[] recencyTime;
    final int[] ageTime;
    private final double customers;

    private PurchaseHistories(double[] x, double[] tx, double[] t, double[] weight) {
        this.x = x;
        this.tx = tx;
        this.t = t;
        this.weight = weight;
        TupleIndex seen = new TupleIndex(1, 64);
        this.xIndex = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            xIndex[i] = seen.rowOf(x[i], 0.0, 0.0);
        }
        double[] distinct = new double[seen.size()];
        for (int k = 0; k < distinct.length; k++) {
            distinct[k] = seen.component(k, 0);
        }
        this.distinctX = distinct;
        // number the distinct times as first seen, then renumber them in ascending order
        int n = x.length;
        TupleIndex seenTimes = new TupleIndex(1, 1024);
        this.recencyTime = new int[n];
        this.ageTime = new int[n];
        for (int i = 0; i < n; i++) {
            recencyTime[i] = seenTimes.rowOf(tx[i], 0.0, 0.0);
            ageTime[i] = seenTimes.rowOf(t[i], 0.0, 0.0);
        }
        double[] firstSeen = new double[seenTimes.size()];
        for (int k = 0; k < firstSeen.length; k++) {
            firstSeen[k] = seenTimes.component(k, 0);
        }
        this.times = firstSeen.clone();
        Arrays.sort(times);
        int[] rank = new int[firstSeen.length];
        for (int k = 0; k < rank.length; k++) {
            rank[k] = Arrays.binarySearch(times, firstSeen[k]);
        }
        for (int i = 0; i < n; i++) {
            recencyTime[i] = rank[recencyTime[i]];
            ageTime[i] = rank[ageTime[i]];
        }
        double sum = 0.0;
        for (double w : weight) {
            sum += w;
        }
        this.customers = sum;
    }

    /**
     * @param histories the customers; not null, not empty, no null element
     * @return them collapsed by (x, t_x, T)
     */
    public static PurchaseHistories of(Collection<PurchaseHistory> histories) {
        Objects.requireNonNull(histories, "histories must not be null");
        int n = histories.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        int i = 0;
        for (PurchaseHistory h : histories) {
            Objects.requireNonNull(h, "histories must not contain null");
            x[i] = h.frequency();
            tx[i] = h.recency();
            t[i] = h.age();
            i++;
        }
        return collapse(x, tx, t, null);
    }

    /**
     * Histories from parallel arrays, one customer per index; each triple is validated as in
     * {@link PurchaseHistory}, naming the index (for example {@code "recency[17]"}).
     *
     * @return them collapsed by (x, t_x, T); the arrays are not kept
     */
    public static PurchaseHistories of(double[] frequency, double[] recency, double[] age) {
        return collapse(frequency, recency, age, null);
    }

    /**
     * Histories from parallel arrays with a weight per row (a count of customers, or any positive
     * finite weight); rows with the same triple are merged and their weights added.
     */
    public static PurchaseHistories weighted(double[] frequency, double[] recency, double[] age, double[] weight) {
        Objects.requireNonNull(weight, "weight must not be null");
        return collapse(frequency, recency, age, weight);
    }

    private static PurchaseHistories collapse(double[] x, double[] tx, double[] t, double[] w) {
        Objects.requireNonNull(x, "frequency must not be null");
        Objects.requireNonNull(tx, "recency must not be null");
        Objects.requireNonNull(t, "age must not be null");
        int n = x.length;
        if (tx.length != n || t.length != n || (w != null && w.length != n)) {
            throw new ValidationException("histories", "arrays must have the same length");
        }
        if (n == 0) {
            throw new ValidationException("histories", "must not be empty");
        }
        TupleIndex rows = new TupleIndex(3, Math.min(n, 1 << 16));
        double[] uw = new double[Math.min(n, 1 << 16)];
        for (int i = 0; i < n; i++) {
            PurchaseHistory.check(x[i], tx[i], t[i], i);
            double wi = w == null ? 1.0 : w[i];
            if (!Double.isFinite(wi) || wi <= 0.0) {
                throw new ValidationException("weight[" + i + "]", "must be finite and > 0", wi);
            }
            // the index turns -0.0 into 0.0, so that both land in the same row
            int unique = rows.size();
            int row = rows.rowOf(x[i], tx[i], t[i]);
            if (row == unique) {
                if (row == uw.length) {
                    uw = java.util.Arrays.copyOf(uw, Math.min(n, uw.length * 2));
                }
                uw[row] = wi;
            } else {
                uw[row] += wi;
            }
        }
        int unique = rows.size();
        double[] ux = new double[unique];
        double[] utx = new double[unique];
        double[] ut = new double[unique];
        for (int r = 0; r < unique; r++) {
            ux[r] = rows.component(r, 0);
            utx[r] = rows.component(r, 1);
            ut[r] = rows.component(r, 2);
        }
        return new PurchaseHistories(ux, utx, ut, java.util.Arrays.copyOf(uw, unique));
    }

    /** @return the number of distinct (x, t_x, T) rows */
    public int size() {
        return x.length;
    }

    /** @return the total weight, the number of customers when unweighted */
    public double customers() {
        return customers;
    }

    /** @return x of row i */
    public double frequency(int i) {
        return x[i];
    }

    /** @return t_x of row i */
    public double recency(int i) {
        return tx[i];
    }

    /** @return T of row i */
    public double age(int i) {
        return t[i];
    }

    /** @return the weight of row i */
    public double weight(int i) {
        return weight[i];
    }

    /** @return the largest T, which bounds the time scale of the data */
    double maxAge() {
        double m = 0.0;
        for (double v : t) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** @return the weighted mean of x */
    double meanFrequency() {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += weight[i] * x[i];
        }
        return s / customers;
    }

}
