package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * The Gauss hypergeometric function against closed forms (Abramowitz and Stegun 15.1.3, 15.1.4, 15.1.6,
 * 15.1.8, and the terminating series) and against itself under Euler's transformation (A&S 15.3.3). These
 * are the checks the Pareto/NBD likelihood (Fader, Hardie and Lee 2005) relies on.
 */
class HypergeometricTest {

    private static double f(double a, double b, double c, double z) {
        return Math.exp(Hypergeometric.log2F1(a, b, c, z));
    }

    @Test
    void matchesTheElementaryClosedForms() {
        qt().withExamples(500).withFixedSeed(1L)
                .forAll(doubles().between(0.0, 0.999), doubles().between(0.05, 40.0), doubles().between(0.05, 40.0))
                .checkAssert((z, a, b) -> {
                    // A&S 15.1.8: 2F1(a, b; b; z) = (1-z)^-a, in logs since it overflows for large a
                    assertThat(Hypergeometric.log2F1(a, b, b, z)).isCloseTo(-a * Math.log1p(-z),
                            within(1e-12 * (1 + a * -Math.log1p(-z))));
                    // A&S 15.1.3: 2F1(1, 1; 2; z) = -ln(1-z)/z
                    double expected = z == 0 ? 1 : -Math.log1p(-z) / z;
                    assertThat(f(1, 1, 2, z)).isCloseTo(expected, within(1e-12 * expected));
                    double w = Math.sqrt(z);
                    // A&S 15.1.4: 2F1(1/2, 1; 3/2; w^2) = artanh(w)/w
                    double atanh = w == 0 ? 1 : 0.5 * Math.log((1 + w) / (1 - w)) / w;
                    assertThat(f(0.5, 1, 1.5, z)).isCloseTo(atanh, within(1e-12 * atanh));
                    // A&S 15.1.6: 2F1(1/2, 1/2; 3/2; w^2) = arcsin(w)/w
                    double asin = w == 0 ? 1 : Math.asin(w) / w;
                    assertThat(f(0.5, 0.5, 1.5, z)).isCloseTo(asin, within(1e-12 * asin));
                });
    }

    @Test
    void terminatesForANegativeIntegerNumeratorParameter() {
        qt().withExamples(300).withFixedSeed(2L)
                .forAll(doubles().between(0.0, 0.99), doubles().between(0.1, 20.0), doubles().between(0.1, 20.0))
                .checkAssert((z, b, c) -> {
                    // 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1)), positive when z <= 1 and b, c > 0
                    double poly = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
                    if (poly > 1e-3) {
                        assertThat(Math.exp(Hypergeometric.logSeries(-2, b, c, z))).isCloseTo(poly,
                                within(1e-12 * (1 + Math.abs(poly))));
                    }
                });
    }

    @Test
    void eulerTransformationAndTheRescaledDirectSeriesAgreeForHugeParameters() {
        // BG/NBD's 2F1(r+x, b+x; a+b+x-1; z) for x up to 5,000: the direct series climbs past 1e300 before it
        // settles, so it only survives with rescaling; the transformed one stays small.
        qt().withExamples(200).withFixedSeed(4L)
                .forAll(integers().between(0, 5_000), doubles().between(0.0, 0.9), doubles().between(0.1, 3.0),
                        doubles().between(0.1, 3.0))
                .checkAssert((x, z, r, b) -> {
                    double a = 0.8;
                    double c = a + b + x - 1 + 1e-3;
                    if (c <= 0) {
                        return;
                    }
                    double direct = Hypergeometric.logSeries(r + x, b + x, c, z);
                    double transformed = Hypergeometric.log2F1(r + x, b + x, c, z);
                    assertThat(transformed).isCloseTo(direct, within(1e-10 * (1 + Math.abs(direct))));
                });
    }

    @Test
    void theDirectSeriesSurvivesTermsBeyondTheDoubleRange() {
        // 2F1(a, b; b; z) = (1-z)^-a with a = 10,000, z = 0.9: ln = 23,025.85..., e^that overflows a double
        double expected = -10_000 * Math.log1p(-0.9);
        assertThat(Hypergeometric.logSeries(10_000, 3, 3, 0.9)).isCloseTo(expected, within(1e-9 * expected));
        assertThat(Hypergeometric.log2F1(10_000, 3, 3, 0.9)).isCloseTo(expected, within(1e-9 * expected));
    }

    @Test
    void theParetoNbdFormHasAGeometricTailEvenForManyPurchases() {
        // 2F1(r+s+x, s+1; r+s+x+1; z) as in the Pareto/NBD likelihood, checked against its defining series
        qt().withExamples(200).withFixedSeed(6L)
                .forAll(integers().between(0, 10_000), doubles().between(0.0, 0.95), doubles().between(0.05, 5.0),
                        doubles().between(0.05, 5.0))
                .checkAssert((x, z, r, s) -> {
                    double a = r + s + x;
                    assertThat(Hypergeometric.log2F1(a, s + 1, a + 1, z))
                            .isCloseTo(Hypergeometric.logSeries(a, s + 1, a + 1, z), within(1e-10 * (1 + a)));
                });
    }

    @Test
    void theScaledTailIsTheSeriesMinusOneTimesCOverEpsilon() {
        qt().withExamples(300).withFixedSeed(8L)
                .forAll(doubles().between(0.0, 0.95), doubles().between(-0.9, 3.0), doubles().between(0.2, 30.0),
                        doubles().between(-0.5, 3.0))
                .checkAssert((z, eps, c, a) -> {
                    if (Math.abs(eps) < 0.05) {
                        return; // the identity itself loses digits there; that is why scaledTail exists
                    }
                    double full = Math.exp(Hypergeometric.logSeries(a, eps, c, z));
                    double expected = c * (full - 1) / eps;
                    assertThat(Hypergeometric.scaledTail(a, eps, c, z)).isCloseTo(expected,
                            within(1e-9 * (1 + Math.abs(expected))));
                });
    }

    @Test
    void refusesArgumentsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> Hypergeometric.log2F1(1, 1, 2, 1.0)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Hypergeometric.log2F1(1, 1, 2, -0.1)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Hypergeometric.log2F1(1, 1, 2, Double.NaN)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void logGammaMatchesFactorialsAndTheHalfIntegerValue() {
        double logFactorial = 0;
        for (int n = 1; n <= 170; n++) {
            assertThat(SpecialFunctions.logGamma(n)).isCloseTo(logFactorial, within(1e-13 * (1 + logFactorial)));
            logFactorial += Math.log(n);
        }
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-14));
        // Γ(x+1) = x Γ(x) across the switch to the asymptotic series
        qt().withExamples(500).withFixedSeed(10L).forAll(doubles().between(1e-6, 1e6)).checkAssert(x ->
                assertThat(SpecialFunctions.logGamma(x + 1)).isCloseTo(SpecialFunctions.logGamma(x) + Math.log(x),
                        within(1e-13 * (1 + Math.abs(SpecialFunctions.logGamma(x + 1))))));
    }

    @Test
    void logSumExpAndLogDiffExpNeitherOverflowNorUnderflow() {
        assertThat(SpecialFunctions.logSumExp(1000, 1000)).isCloseTo(1000 + Math.log(2), within(1e-12));
        assertThat(SpecialFunctions.logSumExp(-1000, Double.NEGATIVE_INFINITY)).isEqualTo(-1000);
        assertThat(SpecialFunctions.logDiffExp(1000, 1000 - Math.log(2))).isCloseTo(1000 - Math.log(2), within(1e-12));
        assertThat(SpecialFunctions.logDiffExp(5, 5)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(SpecialFunctions.logDiffExp(0, -1e-12)).isCloseTo(Math.log(1e-12), within(1e-9));
    }
}
