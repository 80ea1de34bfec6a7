package org.crmkit.core.analytics.clv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Maximum likelihood over positive parameters, shared by the models: Nelder-Mead on the logarithms of the
 * parameters (so positivity needs no constraint), restarted from its own optimum until a restart no
 * longer improves, trying further starting points only if a start fails. Points where the likelihood is
 * not finite or cannot be evaluated count as +∞. Package-private.
 */
final class Fitting {

    /** Log-parameters beyond this magnitude (parameters outside about [1e-13, 1e13]) count as infeasible. */
    private static final double LOG_BOUND = 30.0;
    private static final int MAX_RUNS = 12;
    private static final int EVALS_PER_DIMENSION = 4000;
    private static final double F_TOL = 1e-12;
    private static final double X_TOL = 1e-7;
    private static final double HESSIAN_STEP = 1e-3;

    private Fitting() {
    }

    /**
     * @param model     the model's name, for messages
     * @param names     the parameter names, in order
     * @param starts    starting points (natural scale), tried in order until one converges
     * @param logLik    the total (weighted) log-likelihood at natural-scale parameters
     * @param customers the total weight, to scale the objective to a per-customer mean
     * @param build     the model from natural-scale parameters
     */
    static <M> ModelFit<M> maximise(String model, String[] names, double[][] starts,
            ToDoubleFunction<double[]> logLik, double customers, Function<double[], M> build) {
        int dims = names.length;
        double[] natural = new double[dims];
        ToDoubleFunction<double[]> objective = phi -> {
            for (int i = 0; i < dims; i++) {
                if (!(Math.abs(phi[i]) <= LOG_BOUND)) {
                    return Double.POSITIVE_INFINITY;
                }
                natural[i] = Math.exp(phi[i]);
            }
            double ll;
            try {
                ll = logLik.applyAsDouble(natural);
            } catch (ArithmeticException seriesFailed) {
                // a hypergeometric series that cannot settle (argument within ~1e-5 of 1): an extreme
                // corner of the parameter space, treated like an infeasible point
                return Double.POSITIVE_INFINITY;
            }
            return Double.isFinite(ll) ? -ll / customers : Double.POSITIVE_INFINITY;
        };
        StringBuilder tried = new StringBuilder();
        int totalEvals = 0;
        for (double[] start : starts) {
            double[] phi = new double[dims];
            for (int i = 0; i < dims; i++) {
                phi[i] = Math.log(start[i]);
            }
            double best = Double.POSITIVE_INFINITY;
            String outcome = "no run converged within " + (EVALS_PER_DIMENSION * dims) + " evaluations";
            boolean ok = false;
            for (int run = 0; run < MAX_RUNS; run++) {
                NelderMead.Result r = NelderMead.minimise(objective, phi, run == 0 ? 1.0 : 0.1,
                        EVALS_PER_DIMENSION * dims, F_TOL, X_TOL);
                totalEvals += r.evaluations();
                if (!r.converged()) {
                    outcome = "run " + (run + 1) + " did not settle within " + r.evaluations()
                            + " evaluations (best mean log-likelihood " + (-r.value()) + ")";
                    break;
                }
                boolean stable = best - r.value() <= F_TOL * (1.0 + Math.abs(r.value()));
                if (r.value() <= best) {
                    best = r.value();
                    phi = r.point();
                }
                if (run > 0 && stable) {
                    ok = true;
                    break;
                }
                outcome = "still improving after " + MAX_RUNS + " restarts";
            }
            int edge = atBoundary(phi);
            if (ok && edge >= 0) {
                ok = false;
                outcome = "the likelihood has no interior maximum: " + names[edge] + " ran to " + Math.exp(phi[edge])
                        + " (the data cannot identify the model)";
            }
            if (ok) {
                double[] params = new double[dims];
                for (int i = 0; i < dims; i++) {
                    params[i] = Math.exp(phi[i]);
                }
                double ll = logLik.applyAsDouble(params);
                Map<String, Double> errors;
                try {
                    errors = standardErrors(names, phi, logLik);
                } catch (ArithmeticException e) {
                    errors = Map.of(); // the Hessian's probes left the region where the likelihood evaluates
                }
                return new ModelFit<>(build.apply(params), ll, errors, totalEvals + 1);
            }
            tried.append(tried.length() == 0 ? "" : "; ").append("start ").append(java.util.Arrays.toString(start))
                    .append(": ").append(outcome);
        }
        throw new ModelFitException(model, "Nelder-Mead on log-parameters from " + starts.length + " start(s), "
                + totalEvals + " evaluations: " + tried);
    }

    /** A log-likelihood with its gradient. */
    interface SmoothLogLikelihood {
        /**
         * @param params   natural-scale parameters
         * @param gradient receives ∂ ln L / ∂θ for each natural-scale parameter θ
         * @return ln L, total over the (weighted) customers
         */
        double at(double[] params, double[] gradient);
    }

    /** Iterations of one quasi-Newton run. */
    private static final int QUASI_NEWTON_ITERATIONS = 500;
    /** Converged when no component of the gradient of the mean log-likelihood in φ exceeds this. */
    private static final double GRADIENT_TOL = 1e-9;
    /** The largest change of a log-parameter in one quasi-Newton step. */
    private static final double MAX_LOG_STEP = 3.0;
    /**
     * A quasi-Newton result with a log-parameter beyond this (a parameter outside about [3e-7, 3e6]) is
     * not trusted: the gradient in φ = ln θ vanishes as θ runs to 0 or ∞ on a flat likelihood, so the
     * gradient test can pass on the way to the edge. Such a fit goes to the simplex search, which
     * tells a far interior maximum from a runaway.
     */
    private static final double TRUSTED_LOG_BOUND = 15.0;

    /**
     * Maximises a smooth likelihood by BFGS on the log-parameters φ = ln θ with the analytic gradient
     * ∂/∂φ = θ ∂/∂θ, from each start in turn; the first run that meets the gradient test inside the
     * feasible box, with an observed information matrix that is positive definite there (so that the
     * point is a maximum the data identify, and the standard errors exist), wins. If none does, falls
     * back to {@link #maximise} (Nelder-Mead with restarts from the same starts), so a likelihood with a
     * rough surface or no interior maximum still gets the derivative-free search and its diagnosis. A run that stops inside the box without converging (no
     * step lowers the objective: a ridge, or the edge of the region where the likelihood evaluates)
     * ends the quasi-Newton phase, since the other starts lead there too. The parameters are the
     * same maximum either way; only the number of evaluations differs.
     */
    static <M> ModelFit<M> maximiseSmooth(String model, String[] names, double[][] starts, SmoothLogLikelihood smooth,
            ToDoubleFunction<double[]> logLik, double customers, Function<double[], M> build) {
        int dims = names.length;
        double[] natural = new double[dims];
        double[] naturalGradient = new double[dims];
        QuasiNewton.Objective objective = (phi, gradient) -> {
            for (int i = 0; i < dims; i++) {
                if (!(Math.abs(phi[i]) <= LOG_BOUND)) {
                    return Double.POSITIVE_INFINITY;
                }
                natural[i] = Math.exp(phi[i]);
            }
            double ll;
            try {
                ll = smooth.at(natural, naturalGradient);
            } catch (ArithmeticException seriesFailed) {
                return Double.POSITIVE_INFINITY;
            }
            for (int i = 0; i < dims; i++) {
                gradient[i] = -natural[i] * naturalGradient[i] / customers;
                if (!Double.isFinite(gradient[i])) {
                    return Double.POSITIVE_INFINITY;
                }
            }
            return Double.isFinite(ll) ? -ll / customers : Double.POSITIVE_INFINITY;
        };
        StringBuilder tried = new StringBuilder();
        int evaluations = 0;
        for (double[] start : starts) {
            double[] phi = new double[dims];
            for (int i = 0; i < dims; i++) {
                phi[i] = Math.log(start[i]);
            }
            QuasiNewton.Result r = QuasiNewton.minimise(objective, phi, QUASI_NEWTON_ITERATIONS, GRADIENT_TOL, MAX_LOG_STEP);
            evaluations += r.evaluations();
            int edge = beyond(r.point(), TRUSTED_LOG_BOUND);
            String outcome = r.outcome();
            if (r.converged() && edge >= 0) {
                outcome = names[edge] + " ran to " + Math.exp(r.point()[edge]);
            } else if (r.converged()) {
                double[] params = new double[dims];
                for (int i = 0; i < dims; i++) {
                    params[i] = Math.exp(r.point()[i]);
                }
                Map<String, Double> errors;
                try {
                    errors = standardErrorsFromGradient(names, r.point(), smooth);
                } catch (ArithmeticException e) {
                    errors = Map.of();
                }
                if (!errors.isEmpty()) {
                    return new ModelFit<>(build.apply(params), logLik.applyAsDouble(params), errors, evaluations + 1);
                }
                // no curvature in some direction: a flat ridge, not a maximum the data identify
                outcome = "the gradient vanished where the likelihood is flat in some direction";
            }
            tried.append(tried.length() == 0 ? "" : "; ").append("start ").append(java.util.Arrays.toString(start))
                    .append(": ").append(outcome);
            if (!r.converged() && edge < 0 && r.value() < Double.POSITIVE_INFINITY) {
                // stuck inside the box where no step helps (a ridge, or the edge of the region where the
                // likelihood evaluates): other starts end there too, so go on to the simplex search
                break;
            }
        }
        try {
            ModelFit<M> fit = maximise(model, names, starts, logLik, customers, build);
            return new ModelFit<>(fit.model(), fit.logLikelihood(), fit.standardErrors(), fit.evaluations() + evaluations);
        } catch (ModelFitException e) {
            throw new ModelFitException(model, "quasi-Newton (BFGS) on log-parameters, " + evaluations
                    + " evaluations: " + tried + "; then " + e.getMessage().substring(e.getMessage().indexOf(": ") + 2));
        }
    }

    /** @return the index of a log-parameter at the edge of the feasible box, or -1 */
    private static int atBoundary(double[] phi) {
        return beyond(phi, LOG_BOUND - 2.0);
    }

    /** @return the index of the first log-parameter beyond ±bound, or -1 */
    private static int beyond(double[] phi, double bound) {
        for (int i = 0; i < phi.length; i++) {
            if (Math.abs(phi[i]) > bound) {
                return i;
            }
        }
        return -1;
    }

    /** Standard errors from the observed information in log-parameters, mapped by θ = e^φ. */
    private static Map<String, Double> standardErrors(String[] names, double[] phi, ToDoubleFunction<double[]> logLik) {
        int n = phi.length;
        double h = HESSIAN_STEP;
        double f0 = at(logLik, phi, -1, 0, -1, 0);
        double[][] info = new double[n][n];
        for (int i = 0; i < n; i++) {
            double fp = at(logLik, phi, i, h, -1, 0);
            double fm = at(logLik, phi, i, -h, -1, 0);
            info[i][i] = -(fp - 2.0 * f0 + fm) / (h * h);
            for (int j = 0; j < i; j++) {
                double fpp = at(logLik, phi, i, h, j, h);
                double fpm = at(logLik, phi, i, h, j, -h);
                double fmp = at(logLik, phi, i, -h, j, h);
                double fmm = at(logLik, phi, i, -h, j, -h);
                info[i][j] = -(fpp - fpm - fmp + fmm) / (4.0 * h * h);
                info[j][i] = info[i][j];
            }
        }
        return errorsFromInformation(names, phi, info);
    }

    /**
     * Standard errors as in {@link #standardErrors}, with the observed information in log-parameters from
     * central differences of the analytic gradient (2n gradient evaluations instead of about 2n² values),
     * symmetrised: I_ij = -(∂²lnL/∂φ_i∂φ_j), where ∂lnL/∂φ_j = θ_j ∂lnL/∂θ_j.
     */
    private static Map<String, Double> standardErrorsFromGradient(String[] names, double[] phi,
            SmoothLogLikelihood smooth) {
        int n = phi.length;
        double h = HESSIAN_STEP;
        double[][] info = new double[n][n];
        double[] up = new double[n];
        double[] down = new double[n];
        for (int i = 0; i < n; i++) {
            gradientInPhi(smooth, phi, i, h, up);
            gradientInPhi(smooth, phi, i, -h, down);
            for (int j = 0; j < n; j++) {
                info[i][j] = -(up[j] - down[j]) / (2.0 * h);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double mean = 0.5 * (info[i][j] + info[j][i]);
                info[i][j] = mean;
                info[j][i] = mean;
            }
        }
        return errorsFromInformation(names, phi, info);
    }

    /**
     * The delta-method standard errors θ_i sqrt((I⁻¹)_ii) from the observed information I in the
     * log-parameters; empty when I is not positive definite or an error is not finite.
     */
    private static Map<String, Double> errorsFromInformation(String[] names, double[] phi, double[][] info) {
        double[][] cov = Matrices.inverseOfPositiveDefinite(info);
        Map<String, Double> errors = new LinkedHashMap<>();
        if (cov == null) {
            return errors;
        }
        for (int i = 0; i < phi.length; i++) {
            double se = Math.exp(phi[i]) * Math.sqrt(cov[i][i]);
            if (!Double.isFinite(se)) {
                return new LinkedHashMap<>();
            }
            errors.put(names[i], se);
        }
        return errors;
    }

    /** ∂lnL/∂φ at φ with φ_i moved by di, into {@code out}; throws ArithmeticException if not finite. */
    private static void gradientInPhi(SmoothLogLikelihood smooth, double[] phi, int i, double di, double[] out) {
        double[] theta = new double[phi.length];
        for (int k = 0; k < phi.length; k++) {
            theta[k] = Math.exp(phi[k] + (k == i ? di : 0.0));
        }
        double[] gradient = new double[phi.length];
        double ll = smooth.at(theta, gradient);
        for (int k = 0; k < phi.length; k++) {
            out[k] = theta[k] * gradient[k];
            if (!Double.isFinite(out[k]) || !Double.isFinite(ll)) {
                throw new ArithmeticException("the likelihood cannot be evaluated next to the maximum");
            }
        }
    }

    private static double at(ToDoubleFunction<double[]> logLik, double[] phi, int i, double di, int j, double dj) {
        double[] p = new double[phi.length];
        for (int k = 0; k < phi.length; k++) {
            double v = phi[k] + (k == i ? di : 0.0) + (k == j ? dj : 0.0);
            p[k] = Math.exp(v);
        }
        return logLik.applyAsDouble(p);
    }
}
