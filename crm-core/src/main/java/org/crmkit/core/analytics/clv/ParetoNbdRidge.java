package org.crmkit.core.analytics.clv;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Tells a Pareto/NBD fit that follows the ridge s, β → ∞ (at a nearly fixed m = s/β) to no interior
 * maximum, quickly. Package-private; one instance watches one fit and is not thread-safe.
 *
 * <p>On such data the likelihood keeps rising as the dropout rates' gamma distribution narrows to the
 * point m, and the search would follow the ridge until the hypergeometric series stop evaluating (tens
 * of seconds), ending on that edge without a maximum. Instead the fit is watched: the first time the
 * search finds a point with s above {@link #RIDGE_SHAPE} that beats every point it found so far, it is
 * stopped and the boundary is examined with {@link ParetoNbdLimit}, the likelihood at s = ∞:
 * <ol>
 *   <li>the limiting model (r, α, m) is fitted by Nelder-Mead, starting from where the search stopped;</li>
 *   <li>at its maximum, the slope of the Pareto/NBD log-likelihood in 1/s is computed;</li>
 *   <li>if the slope is negative and no point with finite s that the search found scored higher, the
 *       boundary point is a maximum of the likelihood over the closed region 1/s &ge; 0 that nothing
 *       found inside beats: the verdict is {@link NoInteriorMaximumException}.</li>
 * </ol>
 * Otherwise (a positive slope means some heterogeneity in dropout raises the likelihood, so the maximum
 * lies at a finite s) the fit starts again without the watch.
 */
final class ParetoNbdRidge {

    /**
     * A search with s above this (the dropout rates' coefficient of variation 1/√s below 0.22) that keeps
     * improving is taken to be on the ridge. Only decides when the boundary is examined, not the verdict.
     */
    static final double RIDGE_SHAPE = 20.0;

    private double best = Double.NEGATIVE_INFINITY;
    private int evaluations;

    /** Thrown through the optimiser to stop it when its search enters the ridge. */
    static final class Entered extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient double[] point;
        final double logLikelihood;
        final double bestBefore;
        final int evaluations;

        Entered(double[] point, double logLikelihood, double bestBefore, int evaluations) {
            super("the search entered the ridge s, beta -> infinity", null, false, false);
            this.point = point;
            this.logLikelihood = logLikelihood;
            this.bestBefore = bestBefore;
            this.evaluations = evaluations;
        }
    }

    /** @return the likelihood with its gradient, watched */
    Fitting.SmoothLogLikelihood watch(Fitting.SmoothLogLikelihood smooth) {
        return (params, gradient) -> observe(params, smooth.at(params, gradient));
    }

    /** @return the likelihood, watched */
    ToDoubleFunction<double[]> watch(ToDoubleFunction<double[]> value) {
        return params -> observe(params, value.applyAsDouble(params));
    }

    private double observe(double[] params, double logLikelihood) {
        evaluations++;
        if (logLikelihood > best) {
            if (params[2] > RIDGE_SHAPE) {
                throw new Entered(params.clone(), logLikelihood, best, evaluations);
            }
            best = logLikelihood;
        }
        return logLikelihood;
    }

    /**
     * Examines the boundary the search was heading for.
     *
     * @param data    the customers the fit is on
     * @param entered where the search was stopped
     * @return the likelihood evaluations spent, if the boundary is not the maximum
     * @throws NoInteriorMaximumException if it is
     */
    static int judge(String model, PurchaseHistories data, Entered entered) {
        double[] p = entered.point;
        double ratio = p[2] / p[3];
        ParetoNbdLimit limit = new ParetoNbdLimit(data);
        ModelFit<double[]> fit;
        try {
            fit = Fitting.maximise(model, new String[] {"r", "alpha", "s/beta"}, new double[][] {{p[0], p[1], ratio}},
                    limit::value, data.customers(), double[]::clone);
        } catch (ModelFitException | ArithmeticException e) {
            // the limiting model has no maximum of its own (s/beta running to 0: no dropout at all);
            // no verdict here, the full search decides
            return entered.evaluations;
        }
        double[] q = fit.model();
        double slope = limit.heterogeneitySlope(q[0], q[1], q[2]);
        double bestFinite = Math.max(entered.bestBefore, entered.logLikelihood);
        if (!(slope < 0.0) || !(fit.logLikelihood() >= bestFinite)) {
            return entered.evaluations + fit.evaluations();
        }
        Map<String, Double> estimates = new LinkedHashMap<>();
        estimates.put("r", q[0]);
        estimates.put("alpha", q[1]);
        estimates.put("s/beta", q[2]);
        String boundary = "s, beta -> infinity with s/beta = " + fmt(q[2])
                + " (every customer's dropout rate the same)";
        String attempts = String.format(Locale.ROOT,
                "Quasi-Newton (BFGS) on log-parameters followed the ridge where s and beta grow together: after %d"
                        + " evaluations it reached s = %s, beta = %s (s/beta = %s) with log-likelihood %s, above every"
                        + " point with smaller s. The limit model (s = infinity), fitted by Nelder-Mead in %d"
                        + " evaluations, has r = %s, alpha = %s, s/beta = %s and log-likelihood %s; there the"
                        + " log-likelihood's slope in 1/s is %s < 0, so no spread in the dropout rates raises it,"
                        + " and no point with finite s scored higher (best %s).",
                entered.evaluations, fmt(p[2]), fmt(p[3]), fmt(ratio), logLik(entered.logLikelihood), fit.evaluations(),
                fmt(q[0]), fmt(q[1]), fmt(q[2]), logLik(fit.logLikelihood()), fmt(slope), logLik(bestFinite));
        throw new NoInteriorMaximumException(model, boundary, estimates, fit.logLikelihood(), attempts);
    }

    private static String logLik(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
