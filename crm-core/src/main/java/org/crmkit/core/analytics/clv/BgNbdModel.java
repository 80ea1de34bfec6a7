package org.crmkit.core.analytics.clv;

import java.util.Objects;

/**
 * The BG/NBD model (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way: An Alternative to
 * the Pareto/NBD Model", Marketing Science 24(2)): while active, a customer buys as a Poisson process with
 * rate λ ~ Gamma(r, α); after each purchase the customer drops out with probability p ~ Beta(a, b).
 * Immutable and thread-safe.
 *
 * <p>All quantities are computed in log space (log-gamma, log-sum-exp), and the expectations through
 * Euler's transformation of their Gauss hypergeometric function, so that customers with many thousands of
 * purchases neither overflow nor lose precision.
 *
 * @param r     shape of the purchase-rate gamma distribution, > 0
 * @param alpha scale (in time units) of the purchase-rate gamma distribution, > 0
 * @param a     first shape of the dropout-probability beta distribution, > 0
 * @param b     second shape of the dropout-probability beta distribution, > 0
 * @since 0.1
 */
public record BgNbdModel(double r, double alpha, double a, double b) implements TransactionModel {

    private static final String[] NAMES = {"r", "alpha", "a", "b"};

    /** Validates the parameters: each finite and positive. */
    public BgNbdModel {
        Checks.parameter("r", r);
        Checks.parameter("alpha", alpha);
        Checks.parameter("a", a);
        Checks.parameter("b", b);
    }

    /**
     * Fits the model by maximum likelihood (Fader, Hardie and Lee 2005, equation 6): BFGS on the
     * log-parameters with the analytic gradient, falling back to Nelder-Mead if that does not converge.
     * Deterministic.
     *
     * @param data the customers; not null
     * @return the fit, with standard errors where the Hessian allows
     * @throws ModelFitException if no start converges
     */
    public static ModelFit<BgNbdModel> fit(PurchaseHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        double scale = Math.max(data.maxAge(), 1e-6);
        double[][] starts = {{1.0, 1.0, 1.0, 1.0}, {0.5, scale / 4.0, 1.0, 2.0}, {1.0, scale, 0.5, 5.0}};
        return Fitting.maximiseSmooth("BG/NBD", NAMES, starts,
                (p, gradient) -> logLikelihood(p[0], p[1], p[2], p[3], data, gradient),
                p -> logLikelihood(p[0], p[1], p[2], p[3], data),
                data.customers(), p -> new BgNbdModel(p[0], p[1], p[2], p[3]));
    }

    @Override
    public double logLikelihood(PurchaseHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        return logLikelihood(r, alpha, a, b, data);
    }

    @Override
    public double logLikelihood(double frequency, double recency, double age) {
        PurchaseHistory.check(frequency, recency, age, "");
        double logBetaAB = SpecialFunctions.logBeta(a, b);
        return rowLogLikelihood(r, alpha, a, b, SpecialFunctions.logGamma(r), Math.log(alpha), logBetaAB,
                SpecialFunctions.logGamma(a), frequency, recency, age);
    }

    static double logLikelihood(double r, double alpha, double a, double b, PurchaseHistories d) {
        double logGammaR = SpecialFunctions.logGamma(r);
        double logAlpha = Math.log(alpha);
        double logBetaAB = SpecialFunctions.logBeta(a, b);
        double logGammaA = SpecialFunctions.logGamma(a);
        // the terms that depend on x only, once per distinct x
        double[] distinct = d.distinctX;
        double[] common = new double[distinct.length];
        double[] logOdds = new double[distinct.length];
        for (int k = 0; k < distinct.length; k++) {
            double x = distinct[k];
            common[k] = commonTerm(r, a, b, logGammaR, logAlpha, logBetaAB, logGammaA, x);
            logOdds[k] = x == 0.0 ? Double.NEGATIVE_INFINITY : Math.log(a / (b + x - 1.0));
        }
        double[] logAt = logsOfAlphaPlus(alpha, d.times);
        double sum = 0.0;
        double[] x = d.x;
        double[] w = d.weight;
        int[] xIndex = d.xIndex;
        int[] ageTime = d.ageTime;
        int[] recencyTime = d.recencyTime;
        for (int i = 0; i < x.length; i++) {
            int k = xIndex[i];
            double rx = r + x[i];
            double stay = -rx * logAt[ageTime[i]];
            double ll = x[i] == 0.0 ? stay
                    : SpecialFunctions.logSumExp(stay, logOdds[k] - rx * logAt[recencyTime[i]]);
            sum += w[i] * (common[k] + ll);
        }
        return sum;
    }

    /**
     * The log-likelihood and its gradient with respect to (r, α, a, b). Per row, with the common term
     * C = ln Γ(r+x) - ln Γ(r) + r ln α + ln Γ(b+x) - ln Γ(a+b+x) - ln Γ(b) + ln Γ(a+b) and the two
     * branches S = -(r+x) ln(α+T) and D = ln a - ln(b+x-1) - (r+x) ln(α+t_x) (only when x > 0), ln L = C
     * + ln(e^S + e^D); so ∂ ln L = ∂C + p ∂S + (1-p) ∂D with p = e^(S - ln L + C), where
     * ∂C/∂r = ψ(r+x) - ψ(r) + ln α, ∂C/∂α = r/α, ∂C/∂a = ψ(a+b) - ψ(a+b+x),
     * ∂C/∂b = ψ(b+x) - ψ(a+b+x) - ψ(b) + ψ(a+b), ∂S/∂r = -ln(α+T), ∂S/∂α = -(r+x)/(α+T),
     * ∂D/∂r = -ln(α+t_x), ∂D/∂α = -(r+x)/(α+t_x), ∂D/∂a = 1/a, ∂D/∂b = -1/(b+x-1).
     */
    static double logLikelihood(double r, double alpha, double a, double b, PurchaseHistories d, double[] gradient) {
        double logGammaR = SpecialFunctions.logGamma(r);
        double logAlpha = Math.log(alpha);
        double logBetaAB = SpecialFunctions.logBeta(a, b);
        double logGammaA = SpecialFunctions.logGamma(a);
        double psiR = SpecialFunctions.digamma(r);
        double psiB = SpecialFunctions.digamma(b);
        double psiAB = SpecialFunctions.digamma(a + b);
        double[] distinct = d.distinctX;
        double[] common = new double[distinct.length];
        double[] logOdds = new double[distinct.length];
        double[] dCr = new double[distinct.length];
        double[] dCa = new double[distinct.length];
        double[] dCb = new double[distinct.length];
        for (int k = 0; k < distinct.length; k++) {
            double x = distinct[k];
            common[k] = commonTerm(r, a, b, logGammaR, logAlpha, logBetaAB, logGammaA, x);
            logOdds[k] = x == 0.0 ? Double.NEGATIVE_INFINITY : Math.log(a / (b + x - 1.0));
            double psiABX = SpecialFunctions.digamma(a + b + x);
            dCr[k] = SpecialFunctions.digamma(r + x) - psiR + logAlpha;
            dCa[k] = psiAB - psiABX;
            dCb[k] = SpecialFunctions.digamma(b + x) - psiABX - psiB + psiAB;
        }
        double sum = 0.0;
        double gr = 0.0;
        double galpha = 0.0;
        double ga = 0.0;
        double gb = 0.0;
        double[] times = d.times;
        double[] alphaPlus = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            alphaPlus[k] = alpha + times[k];
        }
        double[] logAt = logsOfAlphaPlus(alpha, times);
        double[] x = d.x;
        double[] w = d.weight;
        int[] xIndex = d.xIndex;
        int[] ageTime = d.ageTime;
        int[] recencyTime = d.recencyTime;
        for (int i = 0; i < x.length; i++) {
            int k = xIndex[i];
            double rx = r + x[i];
            int ti = ageTime[i];
            double logAlphaT = logAt[ti];
            double stay = -rx * logAlphaT;
            double wi = w[i];
            double rowR = dCr[k];
            double rowAlpha = r / alpha;
            double rowA = dCa[k];
            double rowB = dCb[k];
            double ll;
            if (x[i] == 0.0) {
                ll = stay;
                rowR -= logAlphaT;
                rowAlpha -= rx / alphaPlus[ti];
            } else {
                int txi = recencyTime[i];
                double logAlphaTx = logAt[txi];
                double dropped = logOdds[k] - rx * logAlphaTx;
                // ln(e^S + e^D) = max + ln(1 + e), e = e^(min - max); the two shares are 1/(1+e) and e/(1+e)
                double e = Math.exp(-Math.abs(stay - dropped));
                ll = Math.max(stay, dropped) + Math.log1p(e);
                double major = 1.0 / (1.0 + e);
                double minor = e * major;
                double p = stay >= dropped ? major : minor;
                double q = stay >= dropped ? minor : major;
                rowR -= p * logAlphaT + q * logAlphaTx;
                rowAlpha -= p * rx / alphaPlus[ti] + q * rx / alphaPlus[txi];
                rowA += q / a;
                rowB -= q / (b + x[i] - 1.0);
            }
            sum += wi * (common[k] + ll);
            gr += wi * rowR;
            galpha += wi * rowAlpha;
            ga += wi * rowA;
            gb += wi * rowB;
        }
        gradient[0] = gr;
        gradient[1] = galpha;
        gradient[2] = ga;
        gradient[3] = gb;
        return sum;
    }

    /** @return ln(α + t) for each of the distinct times */
    private static double[] logsOfAlphaPlus(double alpha, double[] times) {
        double[] logs = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            logs[k] = Math.log(alpha + times[k]);
        }
        return logs;
    }

    /** ln Γ(r+x) - ln Γ(r) + r ln α + ln B(a, b+x) - ln B(a, b). */
    private static double commonTerm(double r, double a, double b, double logGammaR, double logAlpha,
            double logBetaAB, double logGammaA, double x) {
        return SpecialFunctions.logGamma(r + x) - logGammaR + r * logAlpha + logGammaA
                + SpecialFunctions.logGamma(b + x) - SpecialFunctions.logGamma(a + b + x) - logBetaAB;
    }

    /**
     * ln L = ln Γ(r+x) - ln Γ(r) + r ln α + ln[ B(a, b+x)/B(a,b) (α+T)^-(r+x)
     * + δ(x>0) B(a+1, b+x-1)/B(a,b) (α+t_x)^-(r+x) ], Fader, Hardie and Lee (2005), equation 6, with
     * B(a+1, b+x-1) = B(a, b+x) a / (b+x-1).
     */
    private static double rowLogLikelihood(double r, double alpha, double a, double b, double logGammaR,
            double logAlpha, double logBetaAB, double logGammaA, double x, double tx, double t) {
        double rx = r + x;
        double common = commonTerm(r, a, b, logGammaR, logAlpha, logBetaAB, logGammaA, x);
        double stay = -rx * Math.log(alpha + t);
        if (x == 0.0) {
            return common + stay;
        }
        double dropped = Math.log(a / (b + x - 1.0)) - rx * Math.log(alpha + tx);
        return common + SpecialFunctions.logSumExp(stay, dropped);
    }

    /**
     * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x)) (Fader, Hardie and Lee 2005,
     * equation 11); 1 for x = 0, because in this model a customer can only drop out right after a purchase.
     */
    @Override
    public double probabilityAlive(double frequency, double recency, double age) {
        PurchaseHistory.check(frequency, recency, age, "");
        if (frequency == 0.0) {
            return 1.0;
        }
        return 1.0 / (1.0 + Math.exp(logOddsDead(frequency, recency, age)));
    }

    private double logOddsDead(double x, double tx, double t) {
        return Math.log(a / (b + x - 1.0)) + (r + x) * Math.log1p((t - tx) / (alpha + tx));
    }

    /**
     * E[X(t)] = (a+b-1)/(a-1) [1 - (α/(α+t))^r 2F1(r, b; a+b-1; t/(α+t))] (Fader, Hardie and Lee 2005,
     * equation 9), the conditional expectation below at x = t_x = T = 0.
     */
    @Override
    public double expectedPurchases(double t) {
        Checks.horizon(t);
        return expectation(t, 0.0, 0.0);
    }

    /**
     * E[Y(t) | x, t_x, T] = (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)]
     * / (1 + δ(x>0) a/(b+x-1) ((α+T)/(α+t_x))^(r+x)), z = t/(α+T+t) (Fader, Hardie and Lee 2005,
     * equation 10).
     */
    @Override
    public double conditionalExpectedPurchases(double t, double frequency, double recency, double age) {
        Checks.horizon(t);
        PurchaseHistory.check(frequency, recency, age, "");
        double e = expectation(t, frequency, age);
        if (frequency == 0.0) {
            return e;
        }
        return e / (1.0 + Math.exp(logOddsDead(frequency, recency, age)));
    }

    /**
     * Scores many customers. The same as calling {@link #conditionalExpectedPurchases(double, double,
     * double, double)} per index, with the same results to the last bit, but the hypergeometric part
     * depends on x and T only, so it is computed once per distinct (x, T) pair (purchases counted by
     * day give few of them) and reused. It is {@link #score} without the P(alive) array.
     */
    @Override
    public double[] conditionalExpectedPurchases(double t, double[] frequency, double[] recency, double[] age) {
        return score(t, frequency, recency, age).expectedPurchases();
    }

    /**
     * Scores many customers in one pass: P(alive) and E[Y(t) | x, t_x, T] for each index, the same
     * values to the last bit as {@link #probabilityAlive(double, double, double)} and
     * {@link #conditionalExpectedPurchases(double, double, double, double)} one by one. The odds of having
     * dropped out are computed once per customer for both, and the hypergeometric part of the
     * expectation once per distinct (x, T).
     *
     * @param t         the horizon, in the model's time unit; finite and at least 0
     * @param frequency x per customer; not null
     * @param recency   t_x per customer; not null, same length
     * @param age       T per customer; not null, same length
     * @return the scores, in new arrays
     * @throws org.crmkit.spi.ValidationException if the arrays differ in length or a history is invalid
     */
    public BatchScores score(double t, double[] frequency, double[] recency, double[] age) {
        Checks.horizon(t);
        Objects.requireNonNull(frequency, "frequency must not be null");
        Objects.requireNonNull(recency, "recency must not be null");
        Objects.requireNonNull(age, "age must not be null");
        if (recency.length != frequency.length || age.length != frequency.length) {
            throw new org.crmkit.spi.ValidationException("histories", "arrays must have the same length");
        }
        int n = frequency.length;
        double[] alive = new double[n];
        double[] expected = new double[n];
        PairCache cache = new PairCache(n);
        for (int i = 0; i < n; i++) {
            double x = frequency[i];
            double tx = recency[i];
            double big = age[i];
            PurchaseHistory.check(x, tx, big, "");
            double e = cache.get(x, big);
            if (Double.isNaN(e)) {
                e = expectation(t, x, big);
                cache.put(x, big, e);
            }
            if (x == 0.0) {
                alive[i] = 1.0;
                expected[i] = e;
            } else {
                double oddsPlusOne = 1.0 + Math.exp(logOddsDead(x, tx, big));
                alive[i] = 1.0 / oddsPlusOne;
                expected[i] = e / oddsPlusOne;
            }
        }
        return new BatchScores(t, alive, expected);
    }

    /**
     * An open-addressing map from a pair of non-negative doubles to a double, growing to at most 2^15
     * pairs; NaN means absent. Keys and value share one array, slot by slot, for locality.
     */
    private static final class PairCache {
        private static final int MAX_PAIRS = 1 << 15;
        /** No valid x or T (non-negative, finite) has these bits: they are a negative NaN. */
        private static final long EMPTY = -1L;
        private long[] slots;
        private int mask;
        private int size;

        PairCache(int rows) {
            int capacity = Math.min(1 << 10, Integer.highestOneBit(Math.max(8, rows)) << 1);
            allocate(capacity);
        }

        private void allocate(int capacity) {
            slots = new long[3 * capacity];
            java.util.Arrays.fill(slots, EMPTY);
            mask = capacity - 1;
        }

        double get(double u, double v) {
            long p = Double.doubleToRawLongBits(u);
            long q = Double.doubleToRawLongBits(v);
            for (int slot = slot(p, q); ; slot = (slot + 1) & mask) {
                int i = 3 * slot;
                long key = slots[i];
                if (key == EMPTY) {
                    return Double.NaN;
                }
                if (key == p && slots[i + 1] == q) {
                    return Double.longBitsToDouble(slots[i + 2]);
                }
            }
        }

        void put(double u, double v, double value) {
            if (size >= MAX_PAIRS) {
                return; // full: later pairs are computed each time
            }
            if (2 * (size + 1) > mask + 1) {
                long[] old = slots;
                allocate(2 * (mask + 1));
                for (int i = 0; i < old.length; i += 3) {
                    if (old[i] != EMPTY) {
                        insert(old[i], old[i + 1], old[i + 2]);
                    }
                }
            }
            insert(Double.doubleToRawLongBits(u), Double.doubleToRawLongBits(v), Double.doubleToRawLongBits(value));
            size++;
        }

        private void insert(long p, long q, long valueBits) {
            int slot = slot(p, q);
            while (slots[3 * slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
            int i = 3 * slot;
            slots[i] = p;
            slots[i + 1] = q;
            slots[i + 2] = valueBits;
        }

        /** Mixes both keys' bits (the finaliser of MurmurHash3), so that the low bits used vary. */
        private int slot(long p, long q) {
            return (int) TupleIndex.mix(p ^ Long.rotateLeft(q, 32) * 0x9E3779B97F4A7C15L) & mask;
        }
    }

    /** E[Y(t) | x, T] of a customer known to be alive at T: equation 10 without its P(alive) divisor. */
    double expectedPurchasesIfAlive(double t, double x, double age) {
        return expectation(t, x, age);
    }

    /** The divisor of equation 10 as a factor: 1 for x = 0, else 1 / (1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)). */
    double aliveFactor(double x, double tx, double age) {
        return x == 0.0 ? 1.0 : 1.0 / (1.0 + Math.exp(logOddsDead(x, tx, age)));
    }

    /**
     * The bracket of equation 10 times its prefactor. Euler's transformation turns 2F1(r+x, b+x; c; z),
     * c = a+b+x-1, into (1-z)^(a-1-r-x) 2F1(c-r-x, a-1; c; z); with (1-z)^(r+x) in front this leaves
     * c/(a-1) [1 - (1-z)^(a-1) 2F1(a+b-1-r, a-1; c; z)] = c (1 - (1-z)^ε)/ε - (1-z)^ε c (2F1 - 1)/ε with
     * ε = a-1: small numerator parameters whatever x is, and no 0/0 at a = 1.
     */
    private double expectation(double t, double x, double age) {
        if (t == 0.0) {
            return 0.0;
        }
        double eps = a - 1.0;
        double c = a + b + x - 1.0;
        double z = t / (alpha + age + t);
        double logOneMinusZ = -Math.log1p(t / (alpha + age));
        double first = c * SpecialFunctions.oneMinusExpOverK(eps, -logOneMinusZ);
        double second = Math.exp(eps * logOneMinusZ) * Hypergeometric.scaledTail(a + b - 1.0 - r, eps, c, z);
        return Math.max(0.0, first - second);
    }
}
