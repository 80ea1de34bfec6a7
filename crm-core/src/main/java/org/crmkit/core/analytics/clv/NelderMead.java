package org.crmkit.core.analytics.clv;

import java.util.function.ToDoubleFunction;

/**
 * A deterministic Nelder-Mead simplex minimiser (Nelder and Mead 1965, with the standard coefficients:
 * reflection 1, expansion 2, contraction 1/2, shrink 1/2). Non-finite objective values are treated as
 * +∞, so the simplex walks away from them and never returns them. Package-private.
 */
final class NelderMead {

    /** The outcome of one run. */
    record Result(double[] point, double value, int evaluations, boolean converged) {
    }

    private NelderMead() {
    }

    /**
     * @param f        the objective
     * @param start    the first vertex; the others are start + step along each axis
     * @param step     the initial edge length
     * @param maxEvals evaluations allowed
     * @param fTol     stop when all vertex values are within fTol * (1 + |best|) of the best ...
     * @param xTol     ... and every vertex is within xTol of the best in every coordinate
     */
    static Result minimise(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvals, double fTol,
            double xTol) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        int evals = 0;
        for (int i = 0; i <= n; i++) {
            simplex[i] = start.clone();
            if (i > 0) {
                simplex[i][i - 1] += step;
            }
            values[i] = safe(f, simplex[i]);
            evals++;
        }
        double[] centroid = new double[n];
        double[] reflected = new double[n];
        double[] trial = new double[n];
        while (true) {
            sort(simplex, values);
            if (settled(simplex, values, fTol, xTol)) {
                return new Result(simplex[0].clone(), values[0], evals, Double.isFinite(values[0]));
            }
            if (evals >= maxEvals) {
                return new Result(simplex[0].clone(), values[0], evals, false);
            }
            java.util.Arrays.fill(centroid, 0.0);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] worst = simplex[n];
            along(centroid, worst, 1.0, reflected);
            double fr = safe(f, reflected);
            evals++;
            if (fr < values[0]) {
                along(centroid, worst, 2.0, trial);
                double fe = safe(f, trial);
                evals++;
                if (fe < fr) {
                    replaceWorst(simplex, values, trial, fe);
                } else {
                    replaceWorst(simplex, values, reflected, fr);
                }
            } else if (fr < values[n - 1]) {
                replaceWorst(simplex, values, reflected, fr);
            } else {
                boolean outside = fr < values[n];
                along(centroid, worst, outside ? 0.5 : -0.5, trial);
                double fc = safe(f, trial);
                evals++;
                if (outside ? fc <= fr : fc < values[n]) {
                    replaceWorst(simplex, values, trial, fc);
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        }
                        values[i] = safe(f, simplex[i]);
                        evals++;
                    }
                }
            }
        }
    }

    private static double safe(ToDoubleFunction<double[]> f, double[] x) {
        double v = f.applyAsDouble(x);
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    /** out = centroid + coefficient * (centroid - worst). */
    private static void along(double[] centroid, double[] worst, double coefficient, double[] out) {
        for (int j = 0; j < centroid.length; j++) {
            out[j] = centroid[j] + coefficient * (centroid[j] - worst[j]);
        }
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        int n = values.length - 1;
        System.arraycopy(point, 0, simplex[n], 0, point.length);
        values[n] = value;
    }

    private static boolean settled(double[][] simplex, double[] values, double fTol, double xTol) {
        double best = values[0];
        if (!Double.isFinite(best)) {
            return false;
        }
        for (int i = 1; i < values.length; i++) {
            if (!(values[i] - best <= fTol * (1.0 + Math.abs(best)))) {
                return false;
            }
            for (int j = 0; j < simplex[0].length; j++) {
                if (Math.abs(simplex[i][j] - simplex[0][j]) > xTol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Insertion sort by value, stable, so ties keep their order and runs are reproducible. */
    private static void sort(double[][] simplex, double[] values) {
        for (int i = 1; i < values.length; i++) {
            double v = values[i];
            double[] p = simplex[i];
            int j = i - 1;
            while (j >= 0 && values[j] > v) {
                values[j + 1] = values[j];
                simplex[j + 1] = simplex[j];
                j--;
            }
            values[j + 1] = v;
            simplex[j + 1] = p;
        }
    }
}
