package org.crmkit.core.analytics.clv;

/**
 * Small dense symmetric matrices. Package-private.
 */
final class Matrices {

    private Matrices() {
    }

    /**
     * The inverse of a symmetric positive definite matrix by Cholesky factorisation, or null if the matrix
     * is not positive definite (or not finite).
     */
    static double[][] inverseOfPositiveDefinite(double[][] m) {
        int n = m.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = m[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0.0) || !Double.isFinite(s)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        // inverse = L^-T L^-1, column by column: solve L y = e_c, then L^T x = y
        double[][] inv = new double[n][n];
        double[] y = new double[n];
        for (int c = 0; c < n; c++) {
            for (int i = 0; i < n; i++) {
                double s = i == c ? 1.0 : 0.0;
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * y[k];
                }
                y[i] = s / l[i][i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = y[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * inv[k][c];
                }
                inv[i][c] = s / l[i][i];
            }
        }
        return inv;
    }
}
