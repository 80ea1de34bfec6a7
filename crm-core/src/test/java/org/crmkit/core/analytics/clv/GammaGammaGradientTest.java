package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma fit's analytic gradient, and the BFGS search that uses it against the Nelder-Mead search
 * it replaced.
 */
class GammaGammaGradientTest {

    private static final String[] NAMES = {"p", "q", "gamma"};

    @Test
    void theAnalyticGradientAgreesWithCentralDifferencesOnCdnow() {
        SpendHistories data = SpendHistories.of(Cdnow.customers());
        qt().withExamples(60).withFixedSeed(3L)
                .forAll(doubles().between(0.2, 30.0), doubles().between(0.2, 20.0), doubles().between(0.5, 100.0))
                .checkAssert((p, q, gamma) -> assertGradientMatchesDifferences(data, p, q, gamma));
    }

    @Test
    void theAnalyticGradientAgreesWithCentralDifferencesOnRandomBases() {
        qt().withExamples(40).withFixedSeed(23L)
                .forAll(integers().between(1, 2000), integers().between(0, Integer.MAX_VALUE))
                .checkAssert((n, seed) -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    SpendHistories data = randomBase(n, random);
                    // parameters log-uniform: p in [0.1, 20], q in [0.2, 10], γ in [0.1, 500]
                    double p = 0.1 * Math.pow(200.0, random.nextDouble());
                    double q = 0.2 * Math.pow(50.0, random.nextDouble());
                    double gamma = 0.1 * Math.pow(5000.0, random.nextDouble());
                    assertGradientMatchesDifferences(data, p, q, gamma);
                });
    }

    @Test
    void theGradientIsZeroAtTheFittedMaximum() {
        SpendHistories data = SpendHistories.of(Cdnow.customers());
        GammaGammaModel m = GammaGammaModel.fit(data).model();
        double[] gradient = new double[3];
        GammaGammaModel.logLikelihood(m.p(), m.q(), m.gamma(), data, gradient);
        double[] params = {m.p(), m.q(), m.gamma()};
        for (int i = 0; i < 3; i++) {
            // the fit's test is on the mean log-likelihood in log-parameters, θ ∂/∂θ / customers
            assertThat(params[i] * gradient[i] / data.customers()).as(NAMES[i]).isCloseTo(0.0, within(1e-6));
        }
    }

    @Test
    void theBfgsFitReproducesTheIsoValuePaperAndTheNelderMeadMaximumOnCdnow() {
        SpendHistories data = SpendHistories.of(Cdnow.customers());
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(data);
        ModelFit<GammaGammaModel> simplex = nelderMead(data);

        // Fader, Hardie and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
        // JMR 42(4), 415-430, and Hardie's note 025: p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat buyers
        assertThat(fit.model().p()).isCloseTo(6.25, withinPercentage(1));
        assertThat(fit.model().q()).isCloseTo(3.74, withinPercentage(1));
        assertThat(fit.model().gamma()).isCloseTo(15.44, withinPercentage(1));
        assertSameMaximum(fit, simplex, data);
    }

    @Test
    void theBfgsFitReachesTheNelderMeadMaximumOnSimulatedBases() {
        qt().withExamples(6).withFixedSeed(41L)
                .forAll(integers().between(200, 20_000), integers().between(0, Integer.MAX_VALUE))
                .checkAssert((n, seed) -> {
                    SpendHistories data = simulatedBase(n, new SplittableRandom(seed), 6.25, 3.74, 15.44);
                    assertSameMaximum(GammaGammaModel.fit(data), nelderMead(data), data);
                });
    }

    @Test
    void theFitRecoversTheParametersOfALargeSimulatedBase() {
        SpendHistories data = simulatedBase(200_000, new SplittableRandom(7L), 2.0, 5.0, 40.0);
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(data);
        GammaGammaModel m = fit.model();
        // each estimate within four of its standard errors of the truth
        assertThat(m.p()).isCloseTo(2.0, within(4 * fit.standardErrors().get("p")));
        assertThat(m.q()).isCloseTo(5.0, within(4 * fit.standardErrors().get("q")));
        assertThat(m.gamma()).isCloseTo(40.0, within(4 * fit.standardErrors().get("gamma")));
        assertThat(fit.standardErrors().get("q")).isLessThan(0.5);
    }

    /** Nelder-Mead on the value alone from the first start, as the model was fitted before BFGS. */
    private static ModelFit<GammaGammaModel> nelderMead(SpendHistories data) {
        return Fitting.maximise("Gamma-Gamma", NAMES, new double[][] {{1.0, 1.0, 1.0}},
                v -> GammaGammaModel.logLikelihood(v[0], v[1], v[2], data), data.customers(),
                v -> new GammaGammaModel(v[0], v[1], v[2]));
    }

    private static void assertSameMaximum(ModelFit<GammaGammaModel> fit, ModelFit<GammaGammaModel> simplex,
            SpendHistories data) {
        String where = fit.model() + " vs " + simplex.model() + " on " + data.customers() + " customers";
        // the same maximum: Nelder-Mead stops within 1e-12 (relative) of it, and a sum over n rows carries
        // a rounding error of about sqrt(n) 1e-16 |ln L|, so BFGS may sit that far below
        double size = Math.abs(simplex.logLikelihood());
        assertThat(fit.logLikelihood()).as(where).isCloseTo(simplex.logLikelihood(), within(1e-12 * size));
        assertThat(fit.logLikelihood()).as(where).isGreaterThanOrEqualTo(simplex.logLikelihood() - 1e-13 * size);
        assertThat(fit.model().p()).as(where).isCloseTo(simplex.model().p(), withinPercentage(0.01));
        assertThat(fit.model().q()).as(where).isCloseTo(simplex.model().q(), withinPercentage(0.01));
        assertThat(fit.model().gamma()).as(where).isCloseTo(simplex.model().gamma(), withinPercentage(0.01));
        // found by the gradient, not by the Nelder-Mead fallback, which would add its evaluations
        assertThat(fit.evaluations()).as(where).isLessThan(simplex.evaluations() / 4);
        // errors from differences of the gradient close to those from differences of the value
        Map<String, Double> errors = fit.standardErrors();
        assertThat(errors).as(where).containsOnlyKeys(NAMES);
        for (String name : NAMES) {
            assertThat(errors.get(name)).as(where + ": " + name)
                    .isCloseTo(simplex.standardErrors().get(name), withinPercentage(1));
        }
    }

    private static void assertGradientMatchesDifferences(SpendHistories data, double p, double q, double gamma) {
        double[] params = {p, q, gamma};
        double[] gradient = new double[3];
        double ll = GammaGammaModel.logLikelihood(p, q, gamma, data, gradient);
        double reference = GammaGammaModel.logLikelihood(p, q, gamma, data);
        assertThat(ll).isCloseTo(reference, within(1e-10 * (1 + Math.abs(reference))));
        for (int i = 0; i < 3; i++) {
            double h = 1e-6 * params[i];
            double[] up = params.clone();
            double[] down = params.clone();
            up[i] += h;
            down[i] -= h;
            double numeric = (GammaGammaModel.logLikelihood(up[0], up[1], up[2], data)
                    - GammaGammaModel.logLikelihood(down[0], down[1], down[2], data)) / (2 * h);
            // differences of a sum of size |ln L| lose about 1e-16 |ln L| / h to rounding
            double slack = 1e-6 * Math.abs(numeric) + 1e-9 * (1 + Math.abs(reference)) / h;
            assertThat(gradient[i]).as("d lnL / d %s at %s", NAMES[i], Arrays.toString(params))
                    .isCloseTo(numeric, within(slack));
        }
    }

    /** Log-uniform counts 1 to 9,999 and log-normal mean spends over several orders of magnitude. */
    private static SpendHistories randomBase(int n, SplittableRandom random) {
        double[] x = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(1.0, Math.floor(Math.pow(10, 4 * random.nextDouble())) - 1);
            z[i] = Math.exp(3.0 + 2.0 * random.nextGaussian());
        }
        return SpendHistories.of(x, z);
    }

    /**
     * Repeat buyers of the Gamma-Gamma model itself: ν ~ Gamma(q, rate γ) per customer, and the mean of x
     * purchases of Gamma(p, rate ν) each, which is Gamma(px, rate xν); x is 1 plus a geometric count with
     * mean 2, rounded to cents as money is.
     */
    static SpendHistories simulatedBase(int n, SplittableRandom random, double p, double q, double gamma) {
        double[] x = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            int count = 1;
            while (random.nextDouble() < 2.0 / 3.0) {
                count++;
            }
            double nu = standardGamma(random, q) / gamma;
            double mean = standardGamma(random, p * count) / (count * nu);
            x[i] = count;
            z[i] = Math.max(0.01, Math.rint(mean * 100.0) / 100.0);
        }
        return SpendHistories.of(x, z);
    }

    /** Gamma(shape, rate 1) by Marsaglia and Tsang's squeeze method, boosted by U^(1/shape) below shape 1. */
    private static double standardGamma(SplittableRandom random, double shape) {
        if (shape < 1.0) {
            return standardGamma(random, shape + 1.0) * Math.pow(1.0 - random.nextDouble(), 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double g = random.nextGaussian();
            double v = 1.0 + c * g;
            if (v <= 0.0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (Math.log(u) < 0.5 * g * g + d * (1.0 - v + Math.log(v))) {
                return d * v;
            }
        }
    }
}
