package org.crmkit.core.analytics.clv;

/**
 * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 &le; z &lt; 1, in log space. Package-private.
 *
 * <p>The series Σ (a)_n (b)_n / ((c)_n n!) z^n is summed with a running scale so that terms far beyond
 * the double range (large a and b, as in BG/NBD with thousands of purchases) neither overflow nor
 * underflow. Before summing, Euler's transformation 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z)
 * (Abramowitz and Stegun 15.3.3) is applied whenever it makes the numerator parameters smaller: with
 * c close to a, as in the Pareto/NBD likelihood where c = a + 1, the transformed series has a
 * numerator parameter of 1 and shrinks geometrically from its first term, where the original one
 * would first grow over thousands of terms.
 */
final class Hypergeometric {

    /** Relative accuracy asked of the series tail. */
    private static final double TOLERANCE = 1e-16;

    /** Terms summed at most; reached only for z within about 1e-5 of 1. */
    static final int MAX_TERMS = 2_000_000;

    private static final double RESCALE_ABOVE = 1e250;

    private Hypergeometric() {
    }

    /**
     * ln 2F1(a, b; c; z) for 0 &le; z &lt; 1 and c > 0, where the function is positive.
     *
     * @throws ArithmeticException if the series does not settle within {@link #MAX_TERMS} terms or the
     *                             value is not positive
     */
    static double log2F1(double a, double b, double c, double z) {
        return log2F1(a, b, c, z, MAX_TERMS);
    }

    /** Same as {@link #log2F1(double, double, double, double)}, giving up after {@code maxTerms} terms. */
    static double log2F1(double a, double b, double c, double z, int maxTerms) {
        if (!(z >= 0.0 && z < 1.0) || !(c > 0.0)) {
            throw new ArithmeticException("2F1 needs 0 <= z < 1 and c > 0 (was a=" + a + ", b=" + b + ", c=" + c
                    + ", z=" + z + ")");
        }
        if (z == 0.0) {
            return 0.0;
        }
        double ca = c - a;
        double cb = c - b;
        if (Math.abs(ca * cb) < Math.abs(a * b)) {
            return (c - a - b) * Math.log1p(-z) + logSeries(ca, cb, c, z, maxTerms);
        }
        return logSeries(a, b, c, z, maxTerms);
    }

    /**
     * ln of Σ_{n>=0} (a)_n (b)_n / ((c)_n n!) z^n, summed directly with rescaling.
     */
    static double logSeries(double a, double b, double c, double z) {
        return logSeries(a, b, c, z, MAX_TERMS);
    }

    static double logSeries(double a, double b, double c, double z, int maxTerms) {
        double term = 1.0;
        double sum = 1.0;
        double logScale = 0.0;
        for (int n = 0; n < maxTerms; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            if (ratio == 0.0) {
                // z is 0, or a or b is a non-positive integer and the series a polynomial: it has ended
                return positiveLog(sum, logScale, a, b, c, z);
            }
            term *= ratio;
            sum += term;
            if (Math.abs(sum) > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                logScale += Math.log(RESCALE_ABOVE);
            }
            // Past the peak the ratio tends to z; the tail is at most term * q / (1 - q).
            double q = Math.max(Math.abs(ratio), z);
            if (q < 1.0 && Math.abs(term) * q <= TOLERANCE * (1.0 - q) * Math.abs(sum)) {
                return positiveLog(sum, logScale, a, b, c, z);
            }
        }
        if (Math.abs(term) <= TOLERANCE * Math.abs(sum)) {
            return positiveLog(sum, logScale, a, b, c, z);
        }
        throw new ArithmeticException("2F1 series did not converge within " + maxTerms + " terms (a=" + a
                + ", b=" + b + ", c=" + c + ", z=" + z + ")");
    }

    /**
     * ln 2F1(a, b; a + 1; z) and its partial derivatives, for a > 0, b > 0, a + 1 - b > 0 and
     * 0 &le; z &lt; 1: the form in the Pareto/NBD likelihood, where c = a + 1 moves with a. On return
     * {@code out[0]} = ∂/∂a (with c = a + 1), {@code out[1]} = ∂/∂b and {@code out[2]} = ∂/∂z of the
     * logarithm.
     *
     * <p>The series is summed in whichever of the direct and Euler-transformed forms
     * {@link #log2F1(double, double, double, double)} would use, with the derivative of each term
     * carried alongside: in the direct form, term n is a/(a+n) (b)_n z^n / n!, whose log-derivatives
     * are 1/a - 1/(a+n), Σ_{k&lt;n} 1/(b+k) and n/z; in the transformed form
     * (1-z)^(1-b) Σ (a+1-b)_n / (a+1)_n z^n they are Σ_{k&lt;n} [1/(a+1-b+k) - 1/(a+1+k)],
     * -ln(1-z) - Σ_{k&lt;n} 1/(a+1-b+k) and n/z - (1-b)/(1-z). All terms are positive, so the sums
     * neither cancel nor change sign.
     *
     * @param maxTerms terms summed at most
     * @return the logarithm
     * @throws ArithmeticException if the series does not settle within {@code maxTerms} terms
     */
    static double log2F1Shifted(double a, double b, double z, int maxTerms, double[] out) {
        if (!(a > 0.0 && b > 0.0 && a + 1.0 - b > 0.0 && z >= 0.0 && z < 1.0)) {
            throw new ArithmeticException("2F1(a, b; a+1; z) needs a > 0, b > 0, a+1-b > 0 and 0 <= z < 1 (was a="
                    + a + ", b=" + b + ", z=" + z + ")");
        }
        double c = a + 1.0;
        if (z == 0.0) {
            out[0] = 0.0;
            out[1] = 0.0;
            out[2] = a * b / c;
            return 0.0;
        }
        boolean euler = Math.abs(c - b) < Math.abs(a * b);
        // Euler: Σ (p)_n / (c)_n z^n with p = c - b; direct: Σ (a)_n (b)_n / ((c)_n n!) z^n
        double p = c - b;
        double term = 1.0;
        double sum = 1.0;
        double sumA = 0.0;
        double sumB = 0.0;
        double sumN = 0.0;
        double logA = 0.0;
        double logB = 0.0;
        double logScale = 0.0;
        for (int n = 0; n < maxTerms; n++) {
            double ratio;
            if (euler) {
                logA += 1.0 / (p + n) - 1.0 / (c + n);
                logB -= 1.0 / (p + n);
                ratio = (p + n) / (c + n) * z;
            } else {
                logB += 1.0 / (b + n);
                ratio = (a + n) * (b + n) / ((c + n) * (n + 1.0)) * z;
            }
            term *= ratio;
            int k = n + 1;
            double dA = euler ? logA : 1.0 / a - 1.0 / (a + k);
            sum += term;
            sumA += term * dA;
            sumB += term * logB;
            sumN += term * k;
            if (sum > RESCALE_ABOVE) {
                sum /= RESCALE_ABOVE;
                sumA /= RESCALE_ABOVE;
                sumB /= RESCALE_ABOVE;
                sumN /= RESCALE_ABOVE;
                term /= RESCALE_ABOVE;
                logScale += Math.log(RESCALE_ABOVE);
            }
            // the n-weighted sum converges slowest: its tail after term k is at most
            // term (k+1) q / (1-q)^2 once the ratio stays below q
            double q = Math.max(ratio, z);
            if (q < 1.0 && term * (k + 1.0) * q <= TOLERANCE * (1.0 - q) * (1.0 - q) * sumN) {
                double logSum = Math.log(sum) + logScale;
                if (euler) {
                    double log1mz = Math.log1p(-z);
                    out[0] = sumA / sum;
                    out[1] = -log1mz + sumB / sum;
                    out[2] = sumN / (z * sum) - (1.0 - b) / (1.0 - z);
                    return (1.0 - b) * log1mz + logSum;
                }
                out[0] = sumA / sum;
                out[1] = sumB / sum;
                out[2] = sumN / (z * sum);
                return logSum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge within " + maxTerms + " terms (a=" + a
                + ", b=" + b + ", c=" + c + ", z=" + z + ")");
    }

    /**
     * c (2F1(a, eps; c; z) - 1) / eps = Σ_{n>=1} (a)_n (1+eps)_{n-1} / ((c+1)_{n-1} n!) z^n, free of the
     * cancellation on the left as eps -> 0 and of the pole at c = 0. Used for BG/NBD's expectations, whose
     * prefactor (a+b+x-1)/(a-1) is singular at a = 1 and vanishes at a+b+x = 1. Needs c > -1 and
     * moderate a and eps (no rescaling).
     */
    static double scaledTail(double a, double eps, double c, double z) {
        if (z == 0.0) {
            return 0.0;
        }
        double term = a * z;
        double sum = term;
        for (int n = 1; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (eps + n) / ((c + n) * (n + 1.0)) * z;
            term *= ratio;
            sum += term;
            double q = Math.max(Math.abs(ratio), z);
            if (q < 1.0 && Math.abs(term) * q <= TOLERANCE * (1.0 - q) * Math.abs(sum)) {
                return sum;
            }
            if (term == 0.0) {
                return sum;
            }
        }
        throw new ArithmeticException("2F1 series did not converge within " + MAX_TERMS + " terms (a=" + a
                + ", b=" + eps + ", c=" + c + ", z=" + z + ")");
    }

    private static double positiveLog(double sum, double logScale, double a, double b, double c, double z) {
        if (!(sum > 0.0)) {
            throw new ArithmeticException("2F1 is not positive here (a=" + a + ", b=" + b + ", c=" + c + ", z="
                    + z + ")");
        }
        return Math.log(sum) + logScale;
    }
}
