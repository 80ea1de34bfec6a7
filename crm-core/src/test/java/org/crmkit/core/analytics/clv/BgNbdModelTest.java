package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * BG/NBD quantities (Fader, Hardie and Lee 2005, "Counting Your Customers the Easy Way", Marketing Science
 * 24(2)) with the parameters the paper reports for CDNOW: r = 0.243, α = 4.414, a = 0.793, b = 2.426.
 */
class BgNbdModelTest {

    private static final BgNbdModel PUBLISHED = new BgNbdModel(0.243, 4.414, 0.793, 2.426);

    @Test
    void unconditionalExpectationsMatchThePublishedPointValues() {
        // E[X(t)] at 1, 3, 32 and 78 weeks as reported (0.0532, 0.1506, 1.0437, 1.8576). The paper computed
        // them with unrounded estimates; rounding the parameters to three decimals moves them by up to
        // 0.15 %, hence 0.2 % here. CdnowFitTest checks them tighter with the unrounded fit.
        assertThat(PUBLISHED.expectedPurchases(1)).isCloseTo(0.0532, withinPercentage(0.2));
        assertThat(PUBLISHED.expectedPurchases(3)).isCloseTo(0.1506, withinPercentage(0.2));
        assertThat(PUBLISHED.expectedPurchases(32)).isCloseTo(1.0437, withinPercentage(0.2));
        assertThat(PUBLISHED.expectedPurchases(78)).isCloseTo(1.8576, withinPercentage(0.2));
        assertThat(PUBLISHED.expectedPurchases(0)).isZero();
    }

    @Test
    void conditionalExpectationMatchesThePaperForCustomerOne() {
        // x = 2, t_x = 30.43, T = 38.86: 1.226 purchases expected in the next 39 weeks (paper, section 4)
        assertThat(PUBLISHED.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void expectationsAgreeWithTheUntransformedFormulaOfEquations9And10() {
        // Equation 10 evaluated literally, with 2F1(r+x, b+x; a+b+x-1; z) summed directly
        qt().withExamples(300).withFixedSeed(3L)
                .forAll(integers().between(0, 30), doubles().between(0.0, 1.0), doubles().between(0.1, 60.0),
                        doubles().between(0.1, 60.0))
                .checkAssert((x, share, age, t) -> {
                    double tx = x == 0 ? 0.0 : share * age;
                    double r = PUBLISHED.r();
                    double alpha = PUBLISHED.alpha();
                    double a = PUBLISHED.a();
                    double b = PUBLISHED.b();
                    double z = t / (alpha + age + t);
                    double f = Math.exp(Hypergeometric.logSeries(r + x, b + x, a + b + x - 1, z));
                    double bracket = 1 - Math.pow((alpha + age) / (alpha + age + t), r + x) * f;
                    double literal = (a + b + x - 1) / (a - 1) * bracket
                            / (1 + (x > 0 ? a / (b + x - 1) * Math.pow((alpha + age) / (alpha + tx), r + x) : 0));
                    assertThat(PUBLISHED.conditionalExpectedPurchases(t, x, tx, age))
                            .isCloseTo(literal, within(1e-9 * (1 + literal)));
                });
    }

    @Test
    void theExpectationIsContinuousThroughTheSingularPointAEqualsOne() {
        double below = new BgNbdModel(0.5, 5, 1 - 1e-9, 2).conditionalExpectedPurchases(20, 3, 10, 30);
        double at = new BgNbdModel(0.5, 5, 1, 2).conditionalExpectedPurchases(20, 3, 10, 30);
        double above = new BgNbdModel(0.5, 5, 1 + 1e-9, 2).conditionalExpectedPurchases(20, 3, 10, 30);
        assertThat(at).isFinite().isPositive().isCloseTo(below, within(1e-7)).isCloseTo(above, within(1e-7));
    }

    @Test
    void probabilityAliveIsAProbabilityAndOneWithoutRepeatPurchases() {
        qt().withExamples(1000).withFixedSeed(5L)
                .forAll(Generators.logUniformCount(), doubles().between(0.0, 1.0), doubles().between(0.0, 10_000.0),
                        doubles().between(-3.0, 3.0))
                .checkAssert((x, share, age, logScale) -> {
                    double scale = Math.pow(10, logScale);
                    BgNbdModel m = new BgNbdModel(0.243 * scale, 4.414 / scale, 0.793 * scale, 2.426 / scale);
                    double tx = x == 0 ? 0.0 : share > 0.9 ? age : share * age;
                    double p = m.probabilityAlive(x, tx, age);
                    assertThat(p).isBetween(0.0, 1.0);
                    if (x == 0) {
                        assertThat(p).isEqualTo(1.0);
                    }
                    if (x > 0 && tx == age) {
                        // bought at the very end: alive with probability (b+x-1)/(a+b+x-1)
                        assertThat(p).isCloseTo((m.b() + x - 1) / (m.a() + m.b() + x - 1), within(1e-12));
                    }
                });
    }

    @Test
    void expectedPurchasesGrowWithTheHorizon() {
        qt().withExamples(300).withFixedSeed(9L)
                .forAll(integers().between(0, 2_000), doubles().between(0.0, 1.0), doubles().between(0.0, 500.0),
                        doubles().between(0.01, 200.0))
                .checkAssert((x, share, age, t) -> {
                    double tx = x == 0 ? 0.0 : share * age;
                    double shorter = PUBLISHED.conditionalExpectedPurchases(t, x, tx, age);
                    double longer = PUBLISHED.conditionalExpectedPurchases(t * 1.5, x, tx, age);
                    assertThat(shorter).isFinite().isNotNegative();
                    // a customer almost surely gone may underflow to exactly 0 expected purchases
                    if (shorter > 1e-300) {
                        assertThat(longer).isGreaterThan(shorter);
                    } else {
                        assertThat(longer).isGreaterThanOrEqualTo(shorter);
                    }
                    assertThat(PUBLISHED.expectedPurchases(t * 1.5)).isGreaterThan(PUBLISHED.expectedPurchases(t));
                });
    }

    @Test
    void extremeHistoriesKeepEverythingFinite() {
        for (double tx : new double[] {1.0, 5_000.0, 9_999.0, 10_000.0}) {
            // a density in the purchase times, so it may well be positive; it must be finite
            assertThat(PUBLISHED.logLikelihood(10_000, tx, 10_000)).isFinite();
            assertThat(PUBLISHED.probabilityAlive(10_000, tx, 10_000)).isBetween(0.0, 1.0);
            assertThat(PUBLISHED.conditionalExpectedPurchases(52, 10_000, tx, 10_000)).isFinite().isNotNegative();
        }
        assertThat(PUBLISHED.logLikelihood(0, 0, 10_000)).isFinite();
        // a customer who bought 10,000 times over 10,000 weeks, last at the end, buys about once a week
        assertThat(PUBLISHED.conditionalExpectedPurchases(52, 10_000, 10_000, 10_000)).isCloseTo(52, withinPercentage(1));
    }

    @Test
    void logLikelihoodOfTheDataIsTheWeightedSumOfCustomers() {
        PurchaseHistories data = PurchaseHistories.of(Cdnow.summary());
        double sum = 0;
        for (PurchaseHistory h : Cdnow.summary()) {
            sum += PUBLISHED.logLikelihood(h.frequency(), h.recency(), h.age());
        }
        assertThat(data.size()).isLessThan(2357);
        assertThat(PUBLISHED.logLikelihood(data)).isCloseTo(sum, within(1e-6)).isCloseTo(-9582.4, within(0.5));
    }

    @Test
    void aHorizonBeyondTheSeriesRangeIsRefusedRatherThanAnsweredWithNaN() {
        assertThat(PUBLISHED.expectedPurchases(100_000)).isFinite().isGreaterThan(PUBLISHED.expectedPurchases(10_000));
        assertThatThrownBy(() -> PUBLISHED.expectedPurchases(1e7)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("did not converge");
    }

    @Test
    void refusesBadParametersAndHorizons() {
        assertThatThrownBy(() -> new BgNbdModel(0, 1, 1, 1)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("r: must be finite and > 0");
        assertThatThrownBy(() -> new BgNbdModel(1, Double.NaN, 1, 1)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("alpha:");
        assertThatThrownBy(() -> PUBLISHED.expectedPurchases(-1)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("t:");
        assertThatThrownBy(() -> PUBLISHED.probabilityAlive(1, 5, 4)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("recency:");
    }

    @Test
    void aSampleWithoutRepeatPurchasesCannotBeFittedAndSaysWhy() {
        PurchaseHistories nobodyCameBack = PurchaseHistories.of(new double[] {0, 0, 0}, new double[] {0, 0, 0},
                new double[] {10, 20, 30});
        assertThatThrownBy(() -> BgNbdModel.fit(nobodyCameBack)).isInstanceOf(ModelFitException.class)
                .hasMessageContaining("BG/NBD fit did not converge").hasMessageContaining("Nelder-Mead")
                .hasMessageContaining("no interior maximum");
    }

}
