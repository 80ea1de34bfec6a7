package org.crmkit.core.analytics.clv;

/**
 * Log-gamma, log-beta and log-sum-exp on primitives, allocation-free. Package-private.
 */
final class SpecialFunctions {

    private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2.0 * Math.PI);

    /** Below this argument the recurrence shifts x up before the asymptotic series is used. */
    private static final double STIRLING_THRESHOLD = 15.0;

    private SpecialFunctions() {
    }

    /**
     * ln Γ(x) for x > 0, absolute error about 1e-15 for moderate x.
     *
     * <p>For x >= 15 the Stirling series ln Γ(x) = (x - 1/2) ln x - x + ln(2π)/2 + Σ B_{2k}/(2k(2k-1)x^{2k-1})
     * with the Bernoulli numbers B_2..B_12; below, the recurrence Γ(x) = Γ(x + n) / (x (x+1) ... (x+n-1)).
     */
    static double logGamma(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            return x == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        double shiftLog = 0.0;
        if (x < STIRLING_THRESHOLD) {
            double product = 1.0;
            while (x < STIRLING_THRESHOLD) {
                product *= x;
                x += 1.0;
            }
            shiftLog = Math.log(product);
        }
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // Bernoulli terms B_2k / (2k (2k-1)): 1/12, -1/360, 1/1260, -1/1680, 1/1188, -691/360360
        double series = inv * (1.0 / 12.0 + inv2 * (-1.0 / 360.0 + inv2 * (1.0 / 1260.0 + inv2 * (-1.0 / 1680.0
                + inv2 * (1.0 / 1188.0 + inv2 * (-691.0 / 360360.0))))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series - shiftLog;
    }

    /**
     * ψ(x) = d ln Γ(x) / dx for x > 0, absolute error about 1e-15 for moderate x.
     *
     * <p>For x >= 10 the asymptotic series ψ(x) = ln x - 1/(2x) - Σ B_{2k}/(2k x^{2k}) with B_2..B_12;
     * below, the recurrence ψ(x) = ψ(x + 1) - 1/x.
     */
    static double digamma(double x) {
        if (!(x > 0.0) || x == Double.POSITIVE_INFINITY) {
            return x == Double.POSITIVE_INFINITY ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        double shift = 0.0;
        while (x < 10.0) {
            shift -= 1.0 / x;
            x += 1.0;
        }
        double inv2 = 1.0 / (x * x);
        // B_2k / (2k): 1/12, -1/120, 1/252, -1/240, 1/132, -691/32760
        double series = inv2 * (1.0 / 12.0 + inv2 * (-1.0 / 120.0 + inv2 * (1.0 / 252.0 + inv2 * (-1.0 / 240.0
                + inv2 * (1.0 / 132.0 + inv2 * (-691.0 / 32760.0))))));
        return Math.log(x) - 0.5 / x - series + shift;
    }

    /** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), for a, b > 0. */
    static double logBeta(double a, double b) {
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    }

    /** ln(e^u + e^v) without overflow; either may be -∞. */
    static double logSumExp(double u, double v) {
        double max = Math.max(u, v);
        if (max == Double.NEGATIVE_INFINITY) {
            return Double.NEGATIVE_INFINITY;
        }
        return max + Math.log1p(Math.exp(Math.min(u, v) - max));
    }

    /**
     * ln(e^u - e^v) for u >= v; -∞ when they are equal. A v slightly above u (rounding) also gives -∞,
     * the difference being below the resolution of the inputs.
     */
    static double logDiffExp(double u, double v) {
        if (v >= u) {
            return Double.NEGATIVE_INFINITY;
        }
        double d = v - u;
        // log1p(-e^d) loses accuracy as d -> 0; log(-expm1(d)) does not
        return u + (d > -0.6931471805599453 ? Math.log(-Math.expm1(d)) : Math.log1p(-Math.exp(d)));
    }

    /**
     * -expm1(-k u) / k for u >= 0, the limit u as k -> 0. Appears in Pareto/NBD's
     * (1 - (β/(β+t))^(s-1)) / (s-1) and BG/NBD's conditional expectation.
     */
    static double oneMinusExpOverK(double k, double u) {
        double ku = k * u;
        if (Math.abs(ku) < 1e-8) {
            return u * (1.0 - 0.5 * ku + ku * ku / 6.0);
        }
        return -Math.expm1(-ku) / k;
    }
}
