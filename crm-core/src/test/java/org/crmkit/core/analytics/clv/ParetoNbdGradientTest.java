package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD likelihood summed per distinct (x, time) pair, its analytic gradient, and the series
 * derivatives behind it, each checked against an independent computation: the per-customer sum, central
 * differences, and {@link Hypergeometric#log2F1}.
 */
class ParetoNbdGradientTest {

    @Test
    void theShiftedSeriesAgreesWithTheGeneralOneAndItsDerivativesWithCentralDifferences() {
        // both branches: Euler's form when |a+1-b| < a b, the direct series otherwise
        qt().withExamples(400).withFixedSeed(3L)
                .forAll(doubles().between(0.05, 60.0), doubles().between(0.02, 0.98), doubles().between(0.0, 0.97))
                .checkAssert((a, bShare, z) -> {
                    double b = bShare * (a + 1.0); // keeps a + 1 - b > 0
                    double[] partials = new double[3];
                    double value = Hypergeometric.log2F1Shifted(a, b, z, 1_000_000, partials);
                    double reference = Hypergeometric.log2F1(a, b, a + 1.0, z);
                    assertThat(value).isCloseTo(reference, within(1e-12 * (1 + Math.abs(reference))));

                    double ha = 1e-6 * a;
                    double da = (Hypergeometric.log2F1(a + ha, b, a + ha + 1.0, z)
                            - Hypergeometric.log2F1(a - ha, b, a - ha + 1.0, z)) / (2 * ha);
                    double hb = 1e-6 * b;
                    double db = (Hypergeometric.log2F1(a, b + hb, a + 1.0, z)
                            - Hypergeometric.log2F1(a, b - hb, a + 1.0, z)) / (2 * hb);
                    double hz = 1e-7 * Math.max(z, 1e-3);
                    double dz = (Hypergeometric.log2F1(a, b, a + 1.0, z + hz)
                            - Hypergeometric.log2F1(a, b, a + 1.0, Math.max(0.0, z - hz))) / (z + hz - Math.max(0.0, z - hz));
                    String at = "a=" + a + ", b=" + b + ", z=" + z;
                    assertThat(partials[0]).as("d/da at %s", at).isCloseTo(da, within(1e-5 * (1 + Math.abs(da))));
                    assertThat(partials[1]).as("d/db at %s", at).isCloseTo(db, within(1e-5 * (1 + Math.abs(db))));
                    assertThat(partials[2]).as("d/dz at %s", at).isCloseTo(dz, within(1e-4 * (1 + Math.abs(dz))));
                });
    }

    @Test
    void atZeroTheSeriesIsOneWithTheFirstTermAsSlope() {
        double[] partials = new double[3];
        assertThat(Hypergeometric.log2F1Shifted(2.0, 1.5, 0.0, 10, partials)).isZero();
        // d/dz 2F1(a, b; c; z) at 0 is a b / c
        assertThat(partials).containsExactly(0.0, 0.0, 2.0 * 1.5 / 3.0);
    }

    @Test
    void theShiftedSeriesRefusesArgumentsOutsideItsDomainAndSeriesThatDoNotSettle() {
        double[] partials = new double[3];
        assertThatThrownBy(() -> Hypergeometric.log2F1Shifted(1.0, 2.5, 0.5, 100, partials))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("a+1-b > 0");
        assertThatThrownBy(() -> Hypergeometric.log2F1Shifted(1.0, 0.5, 1.0, 100, partials))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("0 <= z < 1");
        assertThatThrownBy(() -> Hypergeometric.log2F1Shifted(1.0, 0.5, 0.9999, 100, partials))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("did not converge within 100 terms");
    }

    @Test
    void thePairwiseSumEqualsTheCustomerByCustomerSum() {
        qt().withExamples(40).withFixedSeed(17L)
                .forAll(doubles().between(0.1, 3.0), doubles().between(1.0, 40.0),
                        doubles().between(0.1, 3.0), doubles().between(1.0, 40.0))
                .checkAssert((r, alpha, s, beta) -> {
                    long seed = Double.doubleToLongBits(r) ^ Double.doubleToLongBits(beta);
                    PurchaseHistories data = randomBase(seed, 300);
                    double pairwise = ParetoNbdModel.logLikelihood(r, alpha, s, beta, data);
                    double byCustomer = ParetoNbdModel.logLikelihoodByCustomer(r, alpha, s, beta, data);
                    assertThat(pairwise).isCloseTo(byCustomer, within(1e-10 * Math.abs(byCustomer)));
                });
    }

    @Test
    void theAnalyticGradientAgreesWithCentralDifferences() {
        PurchaseHistories cdnow = PurchaseHistories.of(Cdnow.customers());
        qt().withExamples(60).withFixedSeed(23L)
                .forAll(doubles().between(0.1, 3.0), doubles().between(1.0, 40.0),
                        doubles().between(0.1, 3.0), doubles().between(1.0, 40.0))
                .checkAssert((r, alpha, s, beta) -> {
                    long seed = Double.doubleToLongBits(r) ^ Double.doubleToLongBits(beta);
                    PurchaseHistories data = Math.floorMod(seed, 3) == 0 ? cdnow : randomBase(seed, 200);
                    ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(data);
                    double[] p = {r, alpha, s, beta};
                    double[] gradient = new double[4];
                    double value = likelihood.evaluate(p, gradient);
                    assertThat(value).isCloseTo(likelihood.value(p), within(1e-12 * Math.abs(value)));
                    for (int i = 0; i < 4; i++) {
                        double h = 1e-6 * p[i];
                        double[] up = p.clone();
                        double[] down = p.clone();
                        up[i] += h;
                        down[i] -= h;
                        double numeric = (likelihood.value(up) - likelihood.value(down)) / (2 * h);
                        assertThat(gradient[i]).as("d lnL / d param %d at %s", i, Arrays.toString(p))
                                .isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
                    }
                });
    }

    @Test
    void theQuasiNewtonFitReachesTheNelderMeadMaximumOnCdnow() {
        PurchaseHistories data = PurchaseHistories.of(Cdnow.customers());
        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(data);
        ModelFit<ParetoNbdModel> simplex = Fitting.maximise("Pareto/NBD", new String[] {"r", "alpha", "s", "beta"},
                new double[][] {{1.0, 1.0, 1.0, 1.0}},
                p -> ParetoNbdModel.logLikelihoodByCustomer(p[0], p[1], p[2], p[3], data), data.customers(),
                p -> new ParetoNbdModel(p[0], p[1], p[2], p[3]));

        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(simplex.logLikelihood() - 1e-6);
        assertThat(fit.model().r()).isCloseTo(simplex.model().r(), within(1e-3 * simplex.model().r()));
        assertThat(fit.model().s()).isCloseTo(simplex.model().s(), within(1e-3 * simplex.model().s()));
        // Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", section 4:
        // Pareto/NBD r = 0.553, α = 10.578, s = 0.606, β = 11.669, LL = -9595.0
        assertThat(fit.model().alpha()).isCloseTo(10.578, within(10.578 * 0.01));
        assertThat(fit.model().beta()).isCloseTo(11.669, within(11.669 * 0.01));
        assertThat(fit.evaluations()).isLessThan(simplex.evaluations());
        // standard errors from the gradient's differences agree with those from the values' differences
        assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "s", "beta");
        assertThat(fit.standardErrors().get("r")).isCloseTo(simplex.standardErrors().get("r"),
                within(0.02 * simplex.standardErrors().get("r")));
        assertThat(fit.standardErrors().get("beta")).isCloseTo(simplex.standardErrors().get("beta"),
                within(0.02 * simplex.standardErrors().get("beta")));
    }

    @Test
    void theGradientIsContinuousWhereAlphaAndBetaSwapRoles() {
        // the series switches between b = s + 1 (α >= β) and b = r + x (α < β) at α = β
        PurchaseHistories data = PurchaseHistories.of(Cdnow.customers());
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(data);
        double[] below = new double[4];
        double[] above = new double[4];
        double low = likelihood.evaluate(new double[] {0.55, 10.0 - 1e-7, 0.6, 10.0}, below);
        double high = likelihood.evaluate(new double[] {0.55, 10.0 + 1e-7, 0.6, 10.0}, above);
        assertThat(low).isCloseTo(high, within(1e-4));
        for (int i = 0; i < 4; i++) {
            assertThat(below[i]).isCloseTo(above[i], within(1e-4 * (1 + Math.abs(above[i]))));
        }
    }

    @Test
    void customersSharingTimesShareSeries() {
        // CDNOW's 2,357 customers have about 1,400 distinct (x, t_x, T) rows, but t_x and T are whole
        // days in weeks, so the series are far fewer than two per row
        PurchaseHistories data = PurchaseHistories.of(Cdnow.customers());
        ParetoNbdLikelihood likelihood = new ParetoNbdLikelihood(data);
        assertThat(likelihood.pairs()).isLessThan(2 * data.size());
    }

    /** Histories on a day grid in weeks, as read from transactions, so that rows share times. */
    private static PurchaseHistories randomBase(long seed, int customers) {
        Random random = new Random(seed);
        double[] x = new double[customers];
        double[] tx = new double[customers];
        double[] t = new double[customers];
        for (int i = 0; i < customers; i++) {
            int ageDays = 1 + random.nextInt(500);
            int frequency = random.nextInt(4) == 0 ? 0 : random.nextInt(1 + random.nextInt(60));
            int recencyDays = frequency == 0 ? 0 : 1 + random.nextInt(ageDays);
            x[i] = Math.min(frequency, recencyDays);
            tx[i] = recencyDays / 7.0;
            t[i] = ageDays / 7.0;
        }
        return PurchaseHistories.of(x, tx, t);
    }
}
