package org.crmkit.core.analytics.clv;

import java.util.Objects;
import java.util.function.Function;

/**
 * The Pareto/NBD model (Schmittlein, Morrison and Colombo 1987, "Counting Your Customers: Who Are They and
 * What Will They Do Next?", Management Science 33(1)): while active, a customer buys as a Poisson process
 * with rate λ ~ Gamma(r, α) and stays active for an exponential lifetime with rate μ ~ Gamma(s, β).
 * Immutable and thread-safe.
 *
 * <p>The likelihood is the form given by Fader, Hardie and Lee (2005, "A Note on Deriving the Pareto/NBD
 * Model and Related Expressions", and Hardie's implementation notes), with its Gauss hypergeometric
 * function summed in log space after Euler's transformation (see {@link Hypergeometric}).
 *
 * @param r     shape of the purchase-rate gamma distribution, > 0
 * @param alpha scale (in time units) of the purchase-rate gamma distribution, > 0
 * @param s     shape of the dropout-rate gamma distribution, > 0
 * @param beta  scale (in time units) of the dropout-rate gamma distribution, > 0
 * @since 0.1
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta) implements TransactionModel {

    private static final String NAME = "Pareto/NBD";
    private static final String[] NAMES = {"r", "alpha", "s", "beta"};

    public ParetoNbdModel {
        Checks.parameter("r", r);
        Checks.parameter("alpha", alpha);
        Checks.parameter("s", s);
        Checks.parameter("beta", beta);
    }

    /**
     * Fits the model by maximum likelihood: BFGS on the log-parameters with the analytic gradient, the
     * hypergeometric series summed once per distinct (x, time) pair (see {@link ParetoNbdLikelihood});
     * where that finds no maximum with a positive definite information matrix, Nelder-Mead with restarts
     * and its diagnosis. Deterministic.
     *
     * <p>On some data the likelihood has no interior maximum: it keeps rising as s and β grow together,
     * the dropout rates' gamma distribution (mean s/β, variance s/β²) narrowing to a single rate. A search
     * that follows this ridge beyond s = 20 and keeps improving is stopped, and the limit s = ∞ is fitted
     * (a model in r, α and the common dropout rate s/β, whose likelihood needs no hypergeometric series).
     * If at the limit's maximum the likelihood falls as 1/s grows from 0, and no point with finite s scored
     * higher, the fit ends with {@link NoInteriorMaximumException}, which carries the limit's estimates;
     * otherwise the search starts again without stopping on the ridge.
     *
     * @param data the customers; not null
     * @return the fit, with standard errors where the Hessian allows
     * @throws NoInteriorMaximumException if the likelihood rises toward s, β → ∞ at a fixed s/β
     * @throws ModelFitException          if no start converges
     */
    public static ModelFit<ParetoNbdModel> fit(PurchaseHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        double scale = Math.max(data.maxAge(), 1e-6);
        double[][] starts = {{1.0, 1.0, 1.0, 1.0}, {0.5, scale / 4.0, 0.5, scale / 4.0}, {1.0, scale, 1.0, scale}};
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(data);
        Function<double[], ParetoNbdModel> build = p -> new ParetoNbdModel(p[0], p[1], p[2], p[3]);
        ParetoNbdRidge ridge = new ParetoNbdRidge();
        int spent;
        try {
            return Fitting.maximiseSmooth(NAME, NAMES, starts, ridge.watch(likelihood::evaluate),
                    ridge.watch(likelihood::value), data.customers(), build);
        } catch (ParetoNbdRidge.Entered entered) {
            spent = ParetoNbdRidge.judge(NAME, data, entered);
        }
        // the boundary is not the maximum: search again, following the ridge if need be
        ModelFit<ParetoNbdModel> fit = Fitting.maximiseSmooth(NAME, NAMES, starts, likelihood::evaluate,
                likelihood::value, data.customers(), build);
        return new ModelFit<>(fit.model(), fit.logLikelihood(), fit.standardErrors(), fit.evaluations() + spent);
    }

    @Override
    public double logLikelihood(PurchaseHistories data) {
        Objects.requireNonNull(data, "data must not be null");
        return logLikelihood(r, alpha, s, beta, data);
    }

    @Override
    public double logLikelihood(double frequency, double recency, double age) {
        PurchaseHistory.check(frequency, recency, age, "");
        double[] parts = new double[2];
        terms(r, alpha, s, beta, frequency, recency, age, parts);
        return prefix(r, alpha, s, beta, SpecialFunctions.logGamma(r), frequency)
                + SpecialFunctions.logSumExp(parts[0], parts[1]);
    }

    /**
     * Terms of the hypergeometric series the likelihood sums at most per customer. The series only needs
     * this many when its argument is within about 2e-3 of 1, far out on the ridge where s and β grow
     * together; there the likelihood is treated as not evaluable (the optimiser treats such points as
     * infeasible). Since the fit watches for that ridge and says when the maximum lies at its end
     * ({@link NoInteriorMaximumException}), the cap matters only when the fit runs again unwatched (the
     * watch found a finite maximum after all), where it keeps that run from spending hours far out.
     */
    static final int LIKELIHOOD_TERMS = 20_000;

    static double logLikelihood(double r, double alpha, double s, double beta, PurchaseHistories d) {
        return new ParetoNbdLikelihood(d).value(new double[] {r, alpha, s, beta});
    }

    /** The same sum, customer by customer with two series each: the reference the faster form is tested against. */
    static double logLikelihoodByCustomer(double r, double alpha, double s, double beta, PurchaseHistories d) {
        double logGammaR = SpecialFunctions.logGamma(r);
        double[] prefixes = new double[d.distinctX.length];
        for (int k = 0; k < prefixes.length; k++) {
            prefixes[k] = prefix(r, alpha, s, beta, logGammaR, d.distinctX[k]);
        }
        double[] parts = new double[2];
        double sum = 0.0;
        double[] x = d.x;
        for (int i = 0; i < x.length; i++) {
            terms(r, alpha, s, beta, x[i], d.tx[i], d.t[i], parts);
            sum += d.weight[i] * (prefixes[d.xIndex[i]] + SpecialFunctions.logSumExp(parts[0], parts[1]));
        }
        return sum;
    }

    /** ln[Γ(r+x) α^r β^s / Γ(r)]. */
    private static double prefix(double r, double alpha, double s, double beta, double logGammaR, double x) {
        return SpecialFunctions.logGamma(r + x) - logGammaR + r * Math.log(alpha) + s * Math.log(beta);
    }

    /**
     * The two terms of L / [Γ(r+x) α^r β^s / Γ(r)], in logs: out[0] = ln[(α+T)^-(r+x) (β+T)^-s] (alive at T)
     * and out[1] = ln[s/(r+s+x) A0] (died between t_x and T), where for α >= β
     * A0 = 2F1(r+s+x, s+1; r+s+x+1; (α-β)/(α+t_x)) / (α+t_x)^(r+s+x)
     * - 2F1(r+s+x, s+1; r+s+x+1; (α-β)/(α+T)) / (α+T)^(r+s+x),
     * and for α &lt; β the same with (s+1, α) replaced by (r+x, β).
     */
    private static void terms(double r, double alpha, double s, double beta, double x, double tx, double t,
            double[] out) {
        double rsx = r + s + x;
        out[0] = -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t);
        double larger;
        double second;
        double diff;
        if (alpha >= beta) {
            larger = alpha;
            second = s + 1.0;
            diff = alpha - beta;
        } else {
            larger = beta;
            second = r + x;
            diff = beta - alpha;
        }
        double atRecency = Hypergeometric.log2F1(rsx, second, rsx + 1.0, diff / (larger + tx), LIKELIHOOD_TERMS)
                - rsx * Math.log(larger + tx);
        double atAge = Hypergeometric.log2F1(rsx, second, rsx + 1.0, diff / (larger + t), LIKELIHOOD_TERMS) - rsx * Math.log(larger + t);
        out[1] = Math.log(s / rsx) + SpecialFunctions.logDiffExp(atRecency, atAge);
    }

    /**
     * P(alive | x, t_x, T): the share of the likelihood contributed by the "still alive at T" term
     * (Schmittlein, Morrison and Colombo 1987; Fader, Hardie and Lee 2005, note, equation 18).
     */
    @Override
    public double probabilityAlive(double frequency, double recency, double age) {
        PurchaseHistory.check(frequency, recency, age, "");
        double[] parts = new double[2];
        terms(r, alpha, s, beta, frequency, recency, age, parts);
        return Math.exp(parts[0] - SpecialFunctions.logSumExp(parts[0], parts[1]));
    }

    /** E[X(t)] = r β / (α (s-1)) [1 - (β/(β+t))^(s-1)], with its limit r β/α ln((β+t)/β) at s = 1. */
    @Override
    public double expectedPurchases(double t) {
        Checks.horizon(t);
        return r * beta / alpha * SpecialFunctions.oneMinusExpOverK(s - 1.0, Math.log1p(t / beta));
    }

    /** E[Y(t) | x, T] of a customer known to be alive at T: the formula below without its P(alive). */
    double expectedPurchasesIfAlive(double t, double x, double age) {
        return (r + x) * (beta + age) / (alpha + age) * SpecialFunctions.oneMinusExpOverK(s - 1.0, Math.log1p(t / (beta + age)));
    }

    /**
     * E[Y(t) | x, t_x, T] = (r+x)(β+T) / ((α+T)(s-1)) [1 - ((β+T)/(β+T+t))^(s-1)] P(alive | x, t_x, T)
     * (Schmittlein, Morrison and Colombo 1987), with its limit at s = 1.
     */
    @Override
    public double conditionalExpectedPurchases(double t, double frequency, double recency, double age) {
        Checks.horizon(t);
        double alive = probabilityAlive(frequency, recency, age);
        return expectedPurchasesIfAlive(t, frequency, age) * alive;
    }
}
