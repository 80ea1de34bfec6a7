package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The Gamma-Gamma spend model (Fader, Hardie and Lee 2005, "RFM and CLV: Using Iso-Value Curves", JMR 42(4);
 * Hardie's note 025) with the CDNOW estimates p = 6.25, q = 3.74, γ = 15.44.
 */
class GammaGammaModelTest {

    private static final GammaGammaModel PUBLISHED = new GammaGammaModel(6.25, 3.74, 15.44);

    @Test
    void theConditionalExpectationShrinksTheCustomersMeanTowardsThePopulationMean() {
        double population = PUBLISHED.expectedSpend();
        assertThat(population).isCloseTo(6.25 * 15.44 / 2.74, within(1e-12));
        assertThat(PUBLISHED.conditionalExpectedSpend(0, 99)).isEqualTo(population);
        qt().withExamples(500).withFixedSeed(17L)
                .forAll(integers().between(1, 10_000), doubles().between(0.01, 10_000.0))
                .checkAssert((x, mean) -> {
                    double weight = 6.25 * x / (6.25 * x + 3.74 - 1);
                    double e = PUBLISHED.conditionalExpectedSpend(x, mean);
                    assertThat(e).isCloseTo(weight * mean + (1 - weight) * population, within(1e-9 * (1 + e)));
                    assertThat(e).isBetween(Math.min(mean, population) - 1e-9, Math.max(mean, population) + 1e-9);
                });
    }

    @Test
    void logLikelihoodIsFiniteForExtremeCustomers() {
        SpendHistories extreme = SpendHistories.of(new double[] {1, 10_000, 10_000}, new double[] {1e-6, 1e6, 0.01});
        assertThat(PUBLISHED.logLikelihood(extreme)).isFinite();
    }

    @Test
    void onlyCustomersWithRepeatPurchasesAndASpendCount() {
        SpendHistories spend = SpendHistories.of(Cdnow.customers());
        assertThat(spend.customers()).isEqualTo(946);
        assertThat(PUBLISHED.conditionalExpectedSpend(PurchaseHistory.of(3, 20, 30)))
                .isEqualTo(PUBLISHED.expectedSpend());
        assertThatThrownBy(() -> SpendHistories.of(java.util.List.of(PurchaseHistory.of(0, 0, 5))))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("histories:");
    }

    @Test
    void refusesAnInfiniteMean() {
        assertThatThrownBy(() -> new GammaGammaModel(1, 0.5, 1).expectedSpend())
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("q: must be > 1");
        assertThatThrownBy(() -> new GammaGammaModel(0.1, 0.5, 1).conditionalExpectedSpend(1, 5))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("q:");
    }
}
