package org.crmkit.core.analytics.clv;

/**
 * Unconstrained minimisation of a smooth function with its gradient by BFGS (Nocedal and Wright,
 * <i>Numerical Optimization</i>, 2nd ed., 2006, algorithm 6.1), with a backtracking line search on the
 * Armijo condition. The inverse Hessian approximation starts as the identity scaled by
 * sᵀy / yᵀy after the first step (their equation 6.20), skips an update when the curvature sᵀy is not
 * positive, and restarts from the identity when the direction is not one of descent. A step that lowers
 * neither f nor the largest gradient component counts as no step (so a run cannot stall in place until
 * its iterations are spent). Near the minimum of a large sum, where rounding hides the decrease a step
 * brings, a trial point whose value cannot be told from the current one is taken if its gradient is
 * smaller, and the line search gives up after a few such trials instead of halving the step for
 * dozens of evaluations.
 *
 * <p>Converged when no gradient component exceeds the tolerance, or, on large sums whose rounding
 * keeps the gradient from getting that small, when no component exceeds {@value #PRECISION_LIMITED_TOL}
 * and the objective stops changing in double precision.
 *
 * <p>An objective may answer {@code +∞} for a point it cannot evaluate; the line search then shortens
 * the step. Deterministic; not thread-safe per call (the objective's buffers are its own).
 */
final class QuasiNewton {

    /** The function to minimise. */
    interface Objective {
        /**
         * @param x        the point; not to be changed
         * @param gradient receives ∇f(x) when the value is finite
         * @return f(x), or {@code +∞} if it cannot be evaluated there
         */
        double valueAndGradient(double[] x, double[] gradient);
    }

    /**
     * @param point       the last accepted point
     * @param value       f there
     * @param gradientMax the largest absolute component of the gradient there
     * @param evaluations how many times the objective was called
     * @param converged   whether the gradient test was met
     * @param outcome     how it ended, in words
     */
    record Result(double[] point, double value, double gradientMax, int evaluations, boolean converged, String outcome) {
    }

    private static final double ARMIJO = 1e-4;
    /**
     * When no step along the steepest descent lowers the objective any more and no gradient component
     * exceeds this, the search has reached the precision of double arithmetic: converged.
     */
    static final double PRECISION_LIMITED_TOL = 1e-6;
    /** A step that lowers the objective by at most this share of its size makes no progress. */
    private static final double STALL = 1e-15;
    /** After this many steps in a row without progress, with a small gradient, the search has converged. */
    private static final int STALLED_STEPS = 5;
    private static final int LINE_SEARCH_STEPS = 60;
    /**
     * Objective values closer than this share of their size count as equal: below it, the rounding of
     * a large likelihood sum decides which is smaller, not the function.
     */
    static final double INDISTINGUISHABLE = 1e-14;
    /**
     * Trials of one line search whose values equal the start's before it gives up: shorter steps only
     * come closer to the start, so they cannot tell the points apart either.
     */
    private static final int FLAT_TRIALS = 3;

    private QuasiNewton() {
    }

    /**
     * @param f             the objective
     * @param start         where to start; not changed
     * @param maxIterations the most iterations
     * @param gradientTol   converged when every gradient component is at most this in absolute value
     * @param maxStep       the largest change of any coordinate in one step
     */
    static Result minimise(Objective f, double[] start, int maxIterations, double gradientTol, double maxStep) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!(fx < Double.POSITIVE_INFINITY)) {
            return new Result(x, fx, Double.NaN, evaluations, false, "the objective cannot be evaluated at the start");
        }
        double[][] h = identity(n, 1.0);
        boolean fresh = true;
        int stalled = 0;
        double[] d = new double[n];
        double[] xn = new double[n];
        double[] gn = new double[n];
        double[] s = new double[n];
        double[] y = new double[n];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double gMax = maxAbs(g);
            if (gMax <= gradientTol) {
                return new Result(x, fx, gMax, evaluations, true, "gradient below " + gradientTol + " after "
                        + iteration + " iterations");
            }
            multiply(h, g, d);
            double slope = 0.0;
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
                slope += g[i] * d[i];
            }
            if (!(slope < 0.0)) {
                h = identity(n, 1.0);
                fresh = true;
                slope = 0.0;
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i];
                    slope -= g[i] * g[i];
                }
            }
            double longest = maxAbs(d);
            if (longest > maxStep) {
                double shrink = maxStep / longest;
                for (int i = 0; i < n; i++) {
                    d[i] *= shrink;
                }
                slope *= shrink;
            }
            double step = 1.0;
            double fn = Double.POSITIVE_INFINITY;
            boolean accepted = false;
            int flat = 0;
            for (int ls = 0; ls < LINE_SEARCH_STEPS; ls++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * d[i];
                }
                fn = f.valueAndGradient(xn, gn);
                evaluations++;
                if (fn < Double.POSITIVE_INFINITY && fn <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                if (Math.abs(fn - fx) <= INDISTINGUISHABLE * (1.0 + Math.abs(fx))) {
                    // f cannot tell the points apart: the gradient is the only guide left
                    if (maxAbs(gn) < gMax) {
                        accepted = true;
                        break;
                    }
                    if (++flat >= FLAT_TRIALS) {
                        break;
                    }
                }
                step *= fn < Double.POSITIVE_INFINITY ? interpolate(fx, slope, fn, step) : 0.1;
            }
            if (accepted && !(fn < fx) && !(maxAbs(gn) < gMax)) {
                // the Armijo test passed only because f could not tell the points apart, and the gradient
                // did not shrink either: no progress, so the step is refused rather than taken
                accepted = false;
            }
            if (!accepted) {
                if (!fresh) {
                    // the curvature model misled the search: start it again from the steepest descent
                    h = identity(n, 1.0);
                    fresh = true;
                    continue;
                }
                if (gMax <= PRECISION_LIMITED_TOL) {
                    // near the minimum the decrease a step could bring is below the objective's rounding
                    return new Result(x, fx, gMax, evaluations, true, "no step lowers the objective in double "
                            + "precision; largest gradient component " + gMax + " after " + iteration + " iterations");
                }
                return new Result(x, fx, gMax, evaluations, false, "no step along the steepest descent lowers the "
                        + "objective (largest gradient component " + gMax + ") after " + iteration + " iterations");
            }
            double sy = 0.0;
            double yy = 0.0;
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
                sy += s[i] * y[i];
                yy += y[i] * y[i];
            }
            if (sy > 1e-300 && yy > 0.0) {
                if (fresh) {
                    h = identity(n, sy / yy);
                }
                update(h, s, y, sy);
                fresh = false;
            }
            stalled = fx - fn <= STALL * Math.abs(fx) ? stalled + 1 : 0;
            System.arraycopy(xn, 0, x, 0, n);
            System.arraycopy(gn, 0, g, 0, n);
            fx = fn;
            double gNow = maxAbs(g);
            if (stalled >= STALLED_STEPS && gNow <= PRECISION_LIMITED_TOL) {
                return new Result(x, fx, gNow, evaluations, true, "the objective stopped changing in double precision "
                        + "with the largest gradient component " + gNow + " after " + (iteration + 1) + " iterations");
            }
        }
        double gMax = maxAbs(g);
        return new Result(x, fx, gMax, evaluations, false, "the gradient was still " + gMax + " after "
                + maxIterations + " iterations");
    }

    /**
     * The factor to shorten a rejected step by: the minimiser of the quadratic through f(0), f'(0) and
     * f(step), kept within [0.1, 0.5] of the step.
     */
    private static double interpolate(double f0, double slope, double fStep, double step) {
        double curvature = fStep - f0 - slope * step;
        if (!(curvature > 0.0)) {
            return 0.5;
        }
        double best = -slope * step * step / (2.0 * curvature);
        return Math.min(0.5, Math.max(0.1, best / step));
    }

    /** H ← (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ with ρ = 1 / sᵀy (Nocedal and Wright, equation 6.17). */
    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double rho = 1.0 / sy;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = 0.0;
        for (int i = 0; i < n; i++) {
            yhy += y[i] * hy[i];
        }
        double factor = (1.0 + rho * yhy) * rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += factor * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0.0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static double[][] identity(int n, double scale) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = scale;
        }
        return m;
    }

    private static double maxAbs(double[] v) {
        double m = 0.0;
        for (double e : v) {
            m = Math.max(m, Math.abs(e));
        }
        return m;
    }
}
