package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD likelihood at s = ∞ (every customer's dropout rate the same, m = s/β) and its slope in
 * 1/s there, checked against brute-force quadrature and against the Pareto/NBD likelihood itself at large s.
 */
class ParetoNbdLimitTest {

    /** ∫_{tx}^{T} τ^j (α+τ)^-k e^(-mτ) dτ by Simpson's rule with 200,000 panels. */
    private static double simpson(int j, double k, double alpha, double m, double tx, double t) {
        int n = 200_000;
        double h = (t - tx) / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double tau = tx + i * h;
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * Math.pow(tau, j) * Math.exp(-k * Math.log(alpha + tau) - m * tau);
        }
        return sum * h / 3;
    }

    @Test
    void momentsAgreeWithSimpsonsRule() {
        qt().withExamples(60).withFixedSeed(31L)
                .forAll(integers().between(0, 30), doubles().between(0.0, 1.0), doubles().between(0.5, 80.0),
                        doubles().between(0.001, 0.5))
                .checkAssert((x, share, age, m) -> {
                    double k = 0.45 + x;
                    double tx = x == 0 ? 0 : share * age;
                    for (int j = 0; j <= 2; j++) {
                        double expected = simpson(j, k, 4.0, m, tx, age);
                        double actual = Math.exp(ParetoNbdLimit.logMoment(j, k, 4.0, m, tx, age));
                        assertThat(actual).isCloseTo(expected, within(1e-7 * expected + 1e-300));
                    }
                });
    }

    @Test
    void anEmptyIntervalHasNoMoment() {
        assertThat(ParetoNbdLimit.logMoment(0, 3.5, 10, 0.02, 20, 20)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void theLimitIsThePointMassLikelihood() {
        // L∞ = Γ(r+x)/Γ(r) α^r [(α+T)^-(r+x) e^(-mT) + m ∫_{tx}^T (α+τ)^-(r+x) e^(-mτ) dτ]
        double r = 0.55;
        double alpha = 10.6;
        double m = 0.05;
        double[][] customers = {{0, 0, 38}, {2, 30.4, 38.9}, {7, 12, 39}, {1, 1, 1.5}};
        for (double[] c : customers) {
            double k = r + c[0];
            double expected = SpecialFunctions.logGamma(k) - SpecialFunctions.logGamma(r) + r * Math.log(alpha)
                    + Math.log(Math.exp(-k * Math.log(alpha + c[2]) - m * c[2]) + m * simpson(0, k, alpha, m, c[1], c[2]));
            double actual = new ParetoNbdLimit(PurchaseHistories.of(new double[] {c[0]}, new double[] {c[1]},
                    new double[] {c[2]})).value(new double[] {r, alpha, m});
            assertThat(actual).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void theParetoNbdLikelihoodApproachesTheLimitAtTheRateTheSlopePredicts() {
        // with m = s/β fixed, ln L(s) = ln L∞ + slope / s + O(1/s²)
        PurchaseHistories cdnow = PurchaseHistories.of(Cdnow.summary());
        double r = 0.553;
        double alpha = 10.578;
        double m = 0.606 / 11.669;
        ParetoNbdLimit limit = new ParetoNbdLimit(cdnow);
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(cdnow);
        double atInfinity = limit.value(new double[] {r, alpha, m});
        double slope = limit.heterogeneitySlope(r, alpha, m);
        double errorAt25 = 25 * (likelihood.value(new double[] {r, alpha, 25, 25 / m}) - atInfinity) - slope;
        double errorAt100 = 100 * (likelihood.value(new double[] {r, alpha, 100, 100 / m}) - atInfinity) - slope;
        assertThat(slope).isPositive(); // on CDNOW a spread in the dropout rates raises the likelihood
        assertThat(Math.abs(errorAt100)).isLessThan(0.05 * Math.abs(slope));
        assertThat(Math.abs(errorAt100)).isLessThan(0.5 * Math.abs(errorAt25));
    }
}
