package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * No false "no interior maximum" verdicts: on bases drawn from the Pareto/NBD model with a clearly
 * heterogeneous dropout (s between 0.4 and 0.8, 4,000 customers), the fit ends at an interior maximum
 * with standard errors, below the shape at which the ridge watch looks at the boundary.
 */
class ParetoNbdInteriorMaximumTest {

    @Test
    void fitsOfSimulatedBasesWithAnInteriorMaximumConvergeThere() {
        qt().withExamples(8).withFixedSeed(41L)
                .forAll(doubles().between(0.5, 1.0), doubles().between(0.4, 0.8), doubles().between(0.03, 0.06),
                        longs().all())
                .checkAssert((r, s, meanDropout, seed) -> {
                    double alpha = 5.0 + 7.0 * new SplittableRandom(seed).nextDouble();
                    ParetoNbdModel truth = new ParetoNbdModel(r, alpha, s, s / meanDropout);
                    PurchaseHistories base = ParetoNbdSimulation.histories(truth, 4000, seed);

                    ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(base);

                    assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "s", "beta");
                    assertThat(fit.model().s()).isLessThan(ParetoNbdRidge.RIDGE_SHAPE);
                    // a maximum: at least as likely as the parameters that generated the data
                    assertThat(fit.logLikelihood()).isGreaterThanOrEqualTo(truth.logLikelihood(base));
                    // and close to them where the data speak clearly: purchases expected over the 39 weeks
                    assertThat(fit.model().expectedPurchases(39)).isCloseTo(truth.expectedPurchases(39),
                            withinPercentage(10));
                });
    }
}
