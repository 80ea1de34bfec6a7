package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;

/**
 * Pareto/NBD quantities (Schmittlein, Morrison and Colombo 1987; likelihood as in Fader, Hardie and Lee
 * 2005, "A Note on Deriving the Pareto/NBD Model and Related Expressions") with the parameters Fader, Hardie
 * and Lee (2005, Marketing Science 24(2)) report for CDNOW: r = 0.553, α = 10.578, s = 0.606, β = 11.669.
 */
class ParetoNbdModelTest {

    private static final ParetoNbdModel PUBLISHED = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);

    /**
     * The likelihood without the hypergeometric function: integrating λ and μ out of
     * λ^x e^-(λ+μ)T + ∫_{t_x}^T λ^x e^-λτ μ e^-μτ dτ leaves
     * Γ(r+x)/Γ(r) α^r [(α+T)^-(r+x) (β/(β+T))^s + s β^s ∫_{t_x}^T (α+τ)^-(r+x) (β+τ)^-(s+1) dτ],
     * whose remaining integral Simpson's rule computes.
     */
    private static double logLikelihoodByQuadrature(ParetoNbdModel m, double x, double tx, double t) {
        double r = m.r();
        double alpha = m.alpha();
        double s = m.s();
        double beta = m.beta();
        int n = 20_000;
        double h = (t - tx) / n;
        // integrand scaled by its value at tx, where it is largest
        double logPeak = -(r + x) * Math.log(alpha + tx) - (s + 1) * Math.log(beta + tx);
        double integral = 0;
        for (int i = 0; i <= n; i++) {
            double tau = tx + i * h;
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            integral += weight * Math.exp(-(r + x) * Math.log(alpha + tau) - (s + 1) * Math.log(beta + tau) - logPeak);
        }
        integral *= h / 3;
        double alive = -(r + x) * Math.log(alpha + t) + s * Math.log(beta / (beta + t));
        double dead = integral > 0 ? Math.log(s) + s * Math.log(beta) + logPeak + Math.log(integral)
                : Double.NEGATIVE_INFINITY;
        return SpecialFunctions.logGamma(r + x) - SpecialFunctions.logGamma(r) + r * Math.log(alpha)
                + SpecialFunctions.logSumExp(alive, dead);
    }

    @Test
    void likelihoodAgreesWithDirectQuadratureOnBothSidesOfAlphaEqualsBeta() {
        qt().withExamples(60).withFixedSeed(12L)
                .forAll(integers().between(0, 40), doubles().between(0.0, 1.0), doubles().between(0.5, 80.0),
                        doubles().between(0.3, 3.0))
                .checkAssert((x, share, age, ratio) -> {
                    ParetoNbdModel m = new ParetoNbdModel(0.553, 10.578, 0.606, 10.578 * ratio);
                    double tx = x == 0 ? 0 : share * age;
                    double expected = logLikelihoodByQuadrature(m, x, tx, age);
                    assertThat(m.logLikelihood(x, tx, age)).isCloseTo(expected, within(1e-8 * (1 + Math.abs(expected))));
                });
    }

    @Test
    void likelihoodIsContinuousWhereTheFormulaSwitchesBranch() {
        for (double x : new double[] {0, 1, 7, 500}) {
            double tx = x == 0 ? 0 : 20;
            double at = new ParetoNbdModel(0.5, 10, 0.6, 10).logLikelihood(x, tx, 38);
            double below = new ParetoNbdModel(0.5, 10 - 1e-7, 0.6, 10).logLikelihood(x, tx, 38);
            double above = new ParetoNbdModel(0.5, 10 + 1e-7, 0.6, 10).logLikelihood(x, tx, 38);
            assertThat(below).isCloseTo(at, within(1e-5));
            assertThat(above).isCloseTo(at, within(1e-5));
        }
    }

    @Test
    void logLikelihoodOfCdnowWithThePublishedParameters() {
        assertThat(PUBLISHED.logLikelihood(PurchaseHistories.of(Cdnow.summary()))).isCloseTo(-9595.0, within(0.5));
    }

    @Test
    void probabilityAliveIsAProbabilityAndExpectationsGrowWithTheHorizon() {
        qt().withExamples(500).withFixedSeed(13L)
                .forAll(Generators.logUniformCount(), doubles().between(0.0, 1.0), doubles().between(0.0, 10_000.0),
                        doubles().between(0.01, 500.0))
                .checkAssert((x, share, age, t) -> {
                    double tx = x == 0 ? 0 : share * age;
                    double p = PUBLISHED.probabilityAlive(x, tx, age);
                    assertThat(p).isBetween(0.0, 1.0);
                    assertThat(PUBLISHED.logLikelihood(x, tx, age)).isFinite();
                    double shorter = PUBLISHED.conditionalExpectedPurchases(t, x, tx, age);
                    double longer = PUBLISHED.conditionalExpectedPurchases(2 * t, x, tx, age);
                    assertThat(shorter).isFinite().isNotNegative();
                    if (shorter > 1e-300) {
                        assertThat(longer).isGreaterThan(shorter);
                    }
                    assertThat(PUBLISHED.expectedPurchases(2 * t)).isGreaterThan(PUBLISHED.expectedPurchases(t));
                });
    }

    @Test
    void aCustomerWhoJustBoughtIsMoreLikelyAliveThanOneSilentSinceLongAgo() {
        assertThat(PUBLISHED.probabilityAlive(5, 38, 38)).isGreaterThan(PUBLISHED.probabilityAlive(5, 10, 38));
        assertThat(PUBLISHED.probabilityAlive(0, 0, 0)).isEqualTo(1.0);
        assertThat(PUBLISHED.probabilityAlive(10_000, 1, 10_000)).isZero();
        assertThat(PUBLISHED.probabilityAlive(10_000, 10_000, 10_000)).isEqualTo(1.0);
    }

    @Test
    void expectationsAreContinuousAtSEqualsOne() {
        double at = new ParetoNbdModel(0.5, 10, 1, 12).conditionalExpectedPurchases(39, 3, 20, 38);
        double near = new ParetoNbdModel(0.5, 10, 1 + 1e-9, 12).conditionalExpectedPurchases(39, 3, 20, 38);
        assertThat(at).isFinite().isPositive().isCloseTo(near, within(1e-7));
        assertThat(new ParetoNbdModel(0.5, 10, 1, 12).expectedPurchases(52))
                .isCloseTo(0.5 * 12 / 10 * Math.log((12 + 52) / 12.0), within(1e-12));
    }

}
