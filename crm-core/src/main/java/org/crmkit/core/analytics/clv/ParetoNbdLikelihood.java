package org.crmkit.core.analytics.clv;

import java.util.Arrays;

/**
 * The Pareto/NBD log-likelihood of many customers and its analytic gradient, arranged so that the
 * hypergeometric series are summed once per distinct (x, time) pair rather than twice per customer.
 * Package-private; immutable once built, and each evaluation allocates its own scratch, so it is
 * thread-safe.
 *
 * <p>Per customer (Fader, Hardie and Lee 2005, "A Note on Deriving the Pareto/NBD Model and Related
 * Expressions"), with m = r + s + x,
 * <pre>
 * ln L = ln Γ(r+x) - ln Γ(r) + r ln α + s ln β + ln(e^A + e^B)
 * A    = -(r+x) ln(α+T) - s ln(β+T)
 * B    = ln(s/m) + ln(e^G(t_x) - e^G(T))
 * G(t) = ln 2F1(m, b; m+1; z(t)) - m ln(c+t),  z(t) = (c-d)/(c+t)
 * </pre>
 * where c = max(α, β), d = min(α, β), and b = s+1 when α &ge; β, r+x otherwise. G depends on the
 * customer only through (x, t), so with time measured in days-turned-weeks (a few hundred distinct
 * values) a million customers share a few thousand series. The gradient follows by the chain rule,
 * with the series' own derivatives from {@link Hypergeometric#log2F1Shifted}.
 */
final class ParetoNbdLikelihood {

    private final PurchaseHistories d;
    /** Distinct values of t_x and T together, ascending ({@code d.times}). */
    private final double[] times;
    /** Per row, the index in {@link #times} of its T. */
    private final int[] ageTime;
    /** Per row, the pair index of (x, t_x) and of (x, T). */
    private final int[] recencyPair;
    private final int[] agePair;
    /** Per pair, the index of its x in {@code d.distinctX} and of its time in {@link #times}. */
    private final int[] pairX;
    private final int[] pairTime;

    ParetoNbdLikelihood(PurchaseHistories d) {
        this.d = d;
        int n = d.size();
        this.times = d.times;
        this.ageTime = d.ageTime;
        this.recencyPair = new int[n];
        this.agePair = new int[n];
        PairIndex pairs = new PairIndex(Math.min(2 * n, 1 << 20));
        for (int i = 0; i < n; i++) {
            recencyPair[i] = pairs.indexOf(d.xIndex[i], d.recencyTime[i], times.length);
            agePair[i] = pairs.indexOf(d.xIndex[i], d.ageTime[i], times.length);
        }
        this.pairX = Arrays.copyOf(pairs.x, pairs.size);
        this.pairTime = Arrays.copyOf(pairs.time, pairs.size);
    }

    /** @return the number of distinct (x, time) pairs whose series an evaluation sums */
    int pairs() {
        return pairX.length;
    }

    /** ln L summed over the weighted customers. */
    double value(double[] params) {
        return evaluate(params, null);
    }

    /**
     * @param params   (r, α, s, β)
     * @param gradient receives ∂ ln L / ∂(r, α, s, β), or null for the value alone
     * @return ln L summed over the weighted customers
     * @throws ArithmeticException if a series does not settle within
     *                             {@link ParetoNbdModel#LIKELIHOOD_TERMS} terms
     */
    double evaluate(double[] params, double[] gradient) {
        double r = params[0];
        double alpha = params[1];
        double s = params[2];
        double beta = params[3];
        boolean alphaLarger = alpha >= beta;
        double c = alphaLarger ? alpha : beta;
        double diff = Math.abs(alpha - beta);
        boolean withGradient = gradient != null;

        // per time: ln(α+t), ln(β+t), ln(c+t)
        double[] logAlphaT = new double[times.length];
        double[] logBetaT = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            logAlphaT[k] = Math.log(alpha + times[k]);
            logBetaT[k] = Math.log(beta + times[k]);
        }
        // per pair: G and its derivatives in (r, α, s, β)
        int pairCount = pairX.length;
        double[] g = new double[pairCount];
        double[] gr = withGradient ? new double[pairCount] : null;
        double[] ga = withGradient ? new double[pairCount] : null;
        double[] gs = withGradient ? new double[pairCount] : null;
        double[] gb = withGradient ? new double[pairCount] : null;
        double[] partials = new double[3];
        for (int k = 0; k < pairCount; k++) {
            double x = d.distinctX[pairX[k]];
            int time = pairTime[k];
            double t = times[time];
            double m = r + s + x;
            double second = alphaLarger ? s + 1.0 : r + x;
            double ct = c + t;
            double logCt = alphaLarger ? logAlphaT[time] : logBetaT[time];
            double z = diff / ct;
            g[k] = Hypergeometric.log2F1Shifted(m, second, z, ParetoNbdModel.LIKELIHOOD_TERMS, partials)
                    - m * logCt;
            if (withGradient) {
                double fa = partials[0];
                double fb = partials[1];
                double fz = partials[2];
                if (alphaLarger) {
                    // z = (α-β)/(α+t): ∂z/∂α = (β+t)/(α+t)², ∂z/∂β = -1/(α+t)
                    gr[k] = fa - logCt;
                    gs[k] = fa + fb - logCt;
                    ga[k] = fz * (beta + t) / (ct * ct) - m / ct;
                    gb[k] = -fz / ct;
                } else {
                    // z = (β-α)/(β+t): ∂z/∂β = (α+t)/(β+t)², ∂z/∂α = -1/(β+t)
                    gr[k] = fa + fb - logCt;
                    gs[k] = fa - logCt;
                    gb[k] = fz * (alpha + t) / (ct * ct) - m / ct;
                    ga[k] = -fz / ct;
                }
            }
        }
        // per distinct x: ln Γ(r+x) - ln Γ(r) + r ln α + s ln β, its r-derivative, and ln(r+s+x)
        double[] distinctX = d.distinctX;
        double logGammaR = SpecialFunctions.logGamma(r);
        double digammaR = withGradient ? SpecialFunctions.digamma(r) : 0.0;
        double logAlpha = Math.log(alpha);
        double logBeta = Math.log(beta);
        double[] prefix = new double[distinctX.length];
        double[] prefixR = withGradient ? new double[distinctX.length] : null;
        double[] logM = new double[distinctX.length];
        for (int k = 0; k < distinctX.length; k++) {
            double x = distinctX[k];
            prefix[k] = SpecialFunctions.logGamma(r + x) - logGammaR + r * logAlpha + s * logBeta;
            logM[k] = Math.log(r + s + x);
            if (withGradient) {
                prefixR[k] = SpecialFunctions.digamma(r + x) - digammaR + logAlpha;
            }
        }
        double logS = Math.log(s);
        double sum = 0.0;
        double compensation = 0.0;
        double dr = 0.0;
        double da = 0.0;
        double ds = 0.0;
        double db = 0.0;
        double[] x = d.x;
        double[] weight = d.weight;
        for (int i = 0; i < x.length; i++) {
            int xi = d.xIndex[i];
            int ti = ageTime[i];
            double aTerm = -(r + x[i]) * logAlphaT[ti] - s * logBetaT[ti];
            int p1 = recencyPair[i];
            int p2 = agePair[i];
            double gRecency = g[p1];
            double gAge = g[p2];
            double diffTerm = SpecialFunctions.logDiffExp(gRecency, gAge);
            double bTerm = logS - logM[xi] + diffTerm;
            double total = SpecialFunctions.logSumExp(aTerm, bTerm);
            double w = weight[i];
            // Neumaier's compensated sum: the fit compares sums over millions of customers whose
            // differences near the maximum are far below the rounding of a plain running sum
            double term = w * (prefix[xi] + total);
            double next = sum + term;
            compensation += Math.abs(sum) >= Math.abs(term) ? (sum - next) + term : (term - next) + sum;
            sum = next;
            if (withGradient) {
                double pAlive = Math.exp(aTerm - total);
                double pDied = 1.0 - pAlive;
                double m = r + s + x[i];
                double aR = -logAlphaT[ti];
                double aA = -(r + x[i]) / (alpha + d.t[i]);
                double aS = -logBetaT[ti];
                double aB = -s / (beta + d.t[i]);
                double bR = 0.0;
                double bA = 0.0;
                double bS = 0.0;
                double bB = 0.0;
                if (diffTerm != Double.NEGATIVE_INFINITY) {
                    // ∂ ln(e^G1 - e^G2) = (∂G1 - v ∂G2) / (1 - v), v = e^(G2 - G1)
                    double v = Math.exp(gAge - gRecency);
                    double inv = 1.0 / (1.0 - v);
                    bR = -1.0 / m + (gr[p1] - v * gr[p2]) * inv;
                    bA = (ga[p1] - v * ga[p2]) * inv;
                    bS = 1.0 / s - 1.0 / m + (gs[p1] - v * gs[p2]) * inv;
                    bB = (gb[p1] - v * gb[p2]) * inv;
                } else {
                    pDied = 0.0;
                    pAlive = 1.0;
                }
                dr += w * (prefixR[xi] + pAlive * aR + pDied * bR);
                da += w * (r / alpha + pAlive * aA + pDied * bA);
                ds += w * (logBeta + pAlive * aS + pDied * bS);
                db += w * (s / beta + pAlive * aB + pDied * bB);
            }
        }
        if (withGradient) {
            gradient[0] = dr;
            gradient[1] = da;
            gradient[2] = ds;
            gradient[3] = db;
        }
        return sum + compensation;
    }

    /** Open addressing from (x index, time index) to a dense pair index. */
    private static final class PairIndex {
        private long[] keys;
        private int[] values;
        private int mask;
        int[] x = new int[16];
        int[] time = new int[16];
        int size;

        PairIndex(int expected) {
            int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
            keys = new long[capacity];
            values = new int[capacity];
            Arrays.fill(keys, -1L);
            mask = capacity - 1;
        }

        int indexOf(int xIndex, int timeIndex, int timeCount) {
            long key = (long) xIndex * timeCount + timeIndex;
            int slot = mix(key) & mask;
            while (keys[slot] != -1L) {
                if (keys[slot] == key) {
                    return values[slot];
                }
                slot = (slot + 1) & mask;
            }
            if (size == x.length) {
                x = Arrays.copyOf(x, size * 2);
                time = Arrays.copyOf(time, size * 2);
            }
            x[size] = xIndex;
            time[size] = timeIndex;
            keys[slot] = key;
            values[slot] = size;
            size++;
            if (2 * size > keys.length) {
                grow();
            }
            return size - 1;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[oldKeys.length * 2];
            Arrays.fill(keys, -1L);
            mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != -1L) {
                    int slot = mix(oldKeys[i]) & mask;
                    while (keys[slot] != -1L) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    values[slot] = oldValues[i];
                }
            }
        }

        private static int mix(long key) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }
}
