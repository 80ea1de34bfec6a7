package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The BG/NBD fit's analytic gradient, the quasi-Newton search that uses it, and the batch scoring that
 * reuses the hypergeometric part per distinct (x, T).
 */
class BgNbdGradientAndScoringTest {

    @Test
    void digammaMatchesKnownValues() {
        // ψ(1) = -γ, ψ(1/2) = -γ - 2 ln 2, ψ(10) = H_9 - γ (Abramowitz and Stegun 6.3.2, 6.3.3)
        double gamma = 0.5772156649015329;
        assertThat(SpecialFunctions.digamma(1.0)).isCloseTo(-gamma, within(1e-14));
        assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-gamma - 2 * Math.log(2), within(1e-14));
        double h9 = 1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0 + 1 / 5.0 + 1 / 6.0 + 1 / 7.0 + 1 / 8.0 + 1 / 9.0;
        assertThat(SpecialFunctions.digamma(10.0)).isCloseTo(h9 - gamma, within(1e-14));
        assertThat(SpecialFunctions.digamma(0.0)).isNaN();
    }

    @Test
    void digammaIsTheDerivativeOfLogGamma() {
        qt().withExamples(300).withFixedSeed(11L).forAll(doubles().between(0.01, 500.0)).checkAssert(x -> {
            double h = 1e-5 * Math.max(1.0, x);
            double numeric = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h);
            assertThat(SpecialFunctions.digamma(x)).isCloseTo(numeric, within(1e-6 * (1 + Math.abs(numeric))));
        });
    }

    @Test
    void theAnalyticGradientAgreesWithCentralDifferencesOnCdnow() {
        PurchaseHistories data = PurchaseHistories.of(Cdnow.customers());
        qt().withExamples(60).withFixedSeed(5L)
                .forAll(doubles().between(0.05, 3.0), doubles().between(0.5, 30.0), doubles().between(0.05, 3.0),
                        doubles().between(0.2, 10.0))
                .checkAssert((r, alpha, a, b) -> {
                    double[] p = {r, alpha, a, b};
                    double[] gradient = new double[4];
                    double ll = BgNbdModel.logLikelihood(r, alpha, a, b, data, gradient);
                    assertThat(ll).isCloseTo(BgNbdModel.logLikelihood(r, alpha, a, b, data), within(1e-9 * Math.abs(ll)));
                    for (int i = 0; i < 4; i++) {
                        double h = 1e-6 * p[i];
                        double[] up = p.clone();
                        double[] down = p.clone();
                        up[i] += h;
                        down[i] -= h;
                        double numeric = (BgNbdModel.logLikelihood(up[0], up[1], up[2], up[3], data)
                                - BgNbdModel.logLikelihood(down[0], down[1], down[2], down[3], data)) / (2 * h);
                        assertThat(gradient[i]).as("d lnL / d param %d at %s", i, java.util.Arrays.toString(p))
                                .isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
                    }
                });
    }

    @Test
    void theQuasiNewtonFitReachesTheNelderMeadMaximumOrHigher() {
        PurchaseHistories data = PurchaseHistories.of(Cdnow.customers());
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(data);
        ModelFit<BgNbdModel> simplex = Fitting.maximise("BG/NBD", new String[] {"r", "alpha", "a", "b"},
                new double[][] {{1.0, 1.0, 1.0, 1.0}}, p -> BgNbdModel.logLikelihood(p[0], p[1], p[2], p[3], data),
                data.customers(), p -> new BgNbdModel(p[0], p[1], p[2], p[3]));

        assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(simplex.logLikelihood() - 1e-6);
        // Fader, Hardie and Lee (2005), section 4: r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = -9582.4
        assertThat(fit.model().r()).isCloseTo(0.243, within(0.243 * 0.01));
        assertThat(fit.model().alpha()).isCloseTo(4.414, within(4.414 * 0.01));
        assertThat(fit.model().a()).isCloseTo(0.793, within(0.793 * 0.01));
        assertThat(fit.model().b()).isCloseTo(2.426, within(2.426 * 0.01));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.1));
        // the derivative-based search needs far fewer evaluations than the simplex
        assertThat(fit.evaluations()).isLessThan(simplex.evaluations());
        assertThat(fit.standardErrors()).containsKeys("r", "alpha", "a", "b");
    }

    @Test
    void quasiNewtonFindsTheMinimumOfTheRosenbrockFunction() {
        QuasiNewton.Result r = QuasiNewton.minimise((x, g) -> {
            double u = 1 - x[0];
            double v = x[1] - x[0] * x[0];
            g[0] = -2 * u - 400 * x[0] * v;
            g[1] = 200 * v;
            return u * u + 100 * v * v;
        }, new double[] {-1.2, 1.0}, 500, 1e-10, 10.0);

        assertThat(r.converged()).as(r.outcome()).isTrue();
        assertThat(r.point()[0]).isCloseTo(1.0, within(1e-8));
        assertThat(r.point()[1]).isCloseTo(1.0, within(1e-8));
    }

    @Test
    void quasiNewtonStepsBackFromPointsTheObjectiveCannotEvaluate() {
        // f = (x - 3)^2 defined only for x < 4: a full step from 0 overshoots into the hole
        QuasiNewton.Result r = QuasiNewton.minimise((x, g) -> {
            if (x[0] >= 4) {
                return Double.POSITIVE_INFINITY;
            }
            g[0] = 2 * (x[0] - 3);
            return (x[0] - 3) * (x[0] - 3);
        }, new double[] {0.0}, 100, 1e-12, 100.0);

        assertThat(r.converged()).as(r.outcome()).isTrue();
        assertThat(r.point()[0]).isCloseTo(3.0, within(1e-9));
    }

    @Test
    void batchScoringEqualsScoringOneByOneToTheLastBit() {
        BgNbdModel model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        qt().withExamples(40).withFixedSeed(9L)
                .forAll(integers().between(1, 3000), integers().between(0, Integer.MAX_VALUE), doubles().between(0.5, 80.0))
                .checkAssert((n, seed, horizon) -> {
                    Random random = new Random(seed);
                    double[] x = new double[n];
                    double[] tx = new double[n];
                    double[] t = new double[n];
                    for (int i = 0; i < n; i++) {
                        t[i] = (1 + random.nextInt(273)) / 7.0; // by day, as transactions are
                        x[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(20);
                        tx[i] = x[i] == 0 ? 0 : random.nextInt((int) Math.round(t[i] * 7) + 1) / 7.0;
                    }
                    double[] batch = model.conditionalExpectedPurchases(horizon, x, tx, t);
                    BatchScores both = model.score(horizon, x, tx, t);
                    assertThat(both.size()).isEqualTo(n);
                    assertThat(both.horizon()).isEqualTo(horizon);
                    for (int i = 0; i < n; i++) {
                        double expected = model.conditionalExpectedPurchases(horizon, x[i], tx[i], t[i]);
                        assertThat(batch[i]).isEqualTo(expected);
                        assertThat(both.expectedPurchases()[i]).isEqualTo(expected);
                        assertThat(both.probabilityAlive()[i]).isEqualTo(model.probabilityAlive(x[i], tx[i], t[i]));
                    }
                });
    }

    @Test
    void batchScoringRefusesBadInputLikeScoringOneByOne() {
        BgNbdModel model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.score(1, new double[] {1}, new double[] {2}, new double[] {1}))
                .isInstanceOf(org.crmkit.spi.ValidationException.class).hasMessageStartingWith("recency:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.score(1, new double[] {1}, new double[0], new double[] {1}))
                .isInstanceOf(org.crmkit.spi.ValidationException.class).hasMessageStartingWith("histories:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> model.score(-1, new double[0], new double[0], new double[0]))
                .isInstanceOf(org.crmkit.spi.ValidationException.class).hasMessageStartingWith("t:");
    }

    @Test
    void batchScoringStillWorksWhenThePairsOutnumberTheCache() {
        BgNbdModel model = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        int n = 70_000;
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + i % 3;
            t[i] = 1 + i * 1e-4; // every pair distinct
            tx[i] = t[i] / 2;
        }
        double[] batch = model.conditionalExpectedPurchases(10.0, x, tx, t);
        List<Integer> probes = new ArrayList<>(List.of(0, 1, 32_767, 32_768, 50_000, n - 1));
        for (int i : probes) {
            assertThat(batch[i]).isEqualTo(model.conditionalExpectedPurchases(10.0, x[i], tx[i], t[i]));
        }
    }
}
