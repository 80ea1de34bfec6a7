package org.crmkit.core.analytics.clv;

import java.util.function.DoubleUnaryOperator;

/**
 * The Pareto/NBD likelihood on its boundary s, β → ∞ with m = s/β held fixed, and the slope with which
 * the likelihood leaves that boundary. Package-private; immutable, and thread-safe.
 *
 * <p>The dropout rate μ ~ Gamma(s, β) has mean m = s/β and variance m²/s. As s grows at fixed m its
 * distribution shrinks to the point m: every customer drops out at the same rate, and the likelihood
 * tends to that of the limiting model (the same integral as in Fader, Hardie and Lee 2005, "A Note on
 * Deriving the Pareto/NBD Model and Related Expressions", with a point mass for μ). With k = r + x,
 * <pre>
 * L∞ = Γ(r+x)/Γ(r) α^r g(m),   g(μ) = (α+T)^-k e^(-μT) + μ ∫_{t_x}^T (α+τ)^-k e^(-μτ) dτ
 * </pre>
 * the first term for a customer alive at T, the second for one who dropped out at τ between t_x and T.
 * No hypergeometric series is involved; the integral is computed by adaptive Gauss-Legendre quadrature
 * in u = ln(α+τ), where the integrand e^(-(k-1)u - m(e^u - α)) is log-concave and so has a single peak.
 *
 * <p><b>Leaving the boundary.</b> Write ε = 1/s, so Var μ = m² ε. Since the Pareto/NBD likelihood of a
 * customer is E[g(μ)] over the gamma distribution, a Taylor expansion of g about m gives
 * E[g(μ)] = g(m) + g''(m) m² ε / 2 + O(ε²) (the third central moment of the gamma is 2m³ε²). So the
 * derivative of the total log-likelihood in ε at ε = 0, with r, α and m fixed, is
 * <pre>
 * ∂ ln L / ∂ε |ε=0 = Σ (m²/2) g''(m) / g(m),   g''(μ) = T² (α+T)^-k e^(-μT) - 2 I1(μ) + μ I2(μ)
 * </pre>
 * where I_j(μ) = ∫_{t_x}^T τ^j (α+τ)^-k e^(-μτ) dτ. At a maximum (r̂, α̂, m̂) of L∞, a negative slope
 * means that no dropout heterogeneity, however small, raises the likelihood: the boundary point is a
 * local maximum of the Pareto/NBD likelihood over the closed region ε &ge; 0 (a one-sided score test
 * for a variance component at zero), and along s at fixed m the likelihood keeps rising toward it.
 */
final class ParetoNbdLimit {

    /** Gauss-Legendre nodes and weights on [-1, 1]. */
    private static final double[] NODES;
    private static final double[] WEIGHTS;
    private static final int ORDER = 10;
    /** A panel is accepted when its two halves agree with it to this share of the whole integral. */
    private static final double RELATIVE_TOLERANCE = 1e-13;
    private static final int MAX_DEPTH = 40;

    static {
        // roots of P_n by Newton's method from Chebyshev-like guesses; weights 2 / ((1 - x²) P_n'(x)²)
        NODES = new double[ORDER];
        WEIGHTS = new double[ORDER];
        for (int i = 0; i < ORDER; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (ORDER + 0.5));
            double derivative = 0.0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1.0;
                double p1 = x;
                for (int k = 2; k <= ORDER; k++) {
                    double p2 = ((2.0 * k - 1.0) * x * p1 - (k - 1.0) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = ORDER * (x * p1 - p0) / (x * x - 1.0);
                double dx = p1 / derivative;
                x -= dx;
                if (Math.abs(dx) < 1e-16) {
                    break;
                }
            }
            NODES[i] = x;
            WEIGHTS[i] = 2.0 / ((1.0 - x * x) * derivative * derivative);
        }
    }

    private final PurchaseHistories d;

    ParetoNbdLimit(PurchaseHistories d) {
        this.d = d;
    }

    /**
     * @param params (r, α, m)
     * @return ln L∞ summed over the weighted customers
     */
    double value(double[] params) {
        double r = params[0];
        double alpha = params[1];
        double m = params[2];
        double logGammaR = SpecialFunctions.logGamma(r);
        double logAlpha = Math.log(alpha);
        double logM = Math.log(m);
        double sum = 0.0;
        for (int i = 0; i < d.x.length; i++) {
            double k = r + d.x[i];
            double alive = -k * Math.log(alpha + d.t[i]) - m * d.t[i];
            double died = logM + logMoment(0, k, alpha, m, d.tx[i], d.t[i]);
            sum += d.weight[i] * (SpecialFunctions.logGamma(k) - logGammaR + r * logAlpha
                    + SpecialFunctions.logSumExp(alive, died));
        }
        return sum;
    }

    /**
     * @return ∂ ln L / ∂(1/s) at 1/s = 0 with r, α and m = s/β fixed: negative when the likelihood rises
     *         toward the boundary as s grows
     */
    double heterogeneitySlope(double r, double alpha, double m) {
        double logM = Math.log(m);
        double sum = 0.0;
        for (int i = 0; i < d.x.length; i++) {
            double k = r + d.x[i];
            double t = d.t[i];
            double alive = -k * Math.log(alpha + t) - m * t;
            double i0 = logMoment(0, k, alpha, m, d.tx[i], t);
            double logG = SpecialFunctions.logSumExp(alive, logM + i0);
            double i1 = logMoment(1, k, alpha, m, d.tx[i], t);
            double i2 = logMoment(2, k, alpha, m, d.tx[i], t);
            double secondOverG = t * t * Math.exp(alive - logG) - 2.0 * Math.exp(i1 - logG)
                    + m * Math.exp(i2 - logG);
            sum += d.weight[i] * 0.5 * m * m * secondOverG;
        }
        return sum;
    }

    /**
     * ln ∫_{from}^{to} τ^j (α+τ)^-k e^(-mτ) dτ, -∞ for an empty interval; in u = ln(α+τ) the integrand
     * is e^(-(k-1)u - mτ) τ^j with τ = e^u - α, log-concave in u.
     */
    static double logMoment(int j, double k, double alpha, double m, double from, double to) {
        if (!(to > from)) {
            return Double.NEGATIVE_INFINITY;
        }
        double u0 = Math.log(alpha + from);
        double u1 = Math.log(alpha + to);
        double base = alpha + from;
        // the peak of e^(-(k-1)u - mτ): at u0 when k >= 1, else where e^u = (1-k)/m, kept in [u0, u1]
        double peak = k >= 1.0 ? u0 : Math.min(u1, Math.max(u0, Math.log((1.0 - k) / m)));
        double peakTau = from + base * Math.expm1(peak - u0);
        double scale = -(k - 1.0) * peak - m * peakTau + j * Math.log(Math.max(to, 1e-300));
        DoubleUnaryOperator f = u -> {
            double tau = from + base * Math.expm1(u - u0);
            double log = -(k - 1.0) * u - m * tau - scale;
            return j == 0 ? Math.exp(log) : Math.exp(log) * Math.pow(tau, j);
        };
        double whole = panel(f, u0, u1);
        double integral = refine(f, u0, u1, whole, RELATIVE_TOLERANCE * Math.abs(whole), 0);
        if (!(Math.abs(integral) <= 2.0 * Math.abs(whole) && Math.abs(whole) <= 2.0 * Math.abs(integral))) {
            // the first look misjudged the size (a peak narrower than its nodes): again, with the tolerance
            // set by the better estimate
            integral = refine(f, u0, u1, whole, RELATIVE_TOLERANCE * Math.abs(integral), 0);
        }
        return integral > 0.0 ? Math.log(integral) + scale : Double.NEGATIVE_INFINITY;
    }

    private static double refine(DoubleUnaryOperator f, double a, double b, double estimate, double tolerance,
            int depth) {
        double mid = 0.5 * (a + b);
        double left = panel(f, a, mid);
        double right = panel(f, mid, b);
        double both = left + right;
        if (depth >= MAX_DEPTH || Math.abs(both - estimate) <= tolerance) {
            return both;
        }
        return refine(f, a, mid, left, tolerance, depth + 1) + refine(f, mid, b, right, tolerance, depth + 1);
    }

    private static double panel(DoubleUnaryOperator f, double a, double b) {
        double half = 0.5 * (b - a);
        double centre = 0.5 * (a + b);
        double sum = 0.0;
        for (int i = 0; i < ORDER; i++) {
            sum += WEIGHTS[i] * f.applyAsDouble(centre + half * NODES[i]);
        }
        return sum * half;
    }
}
