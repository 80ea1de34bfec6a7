package org.crmkit.core.loyalty.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.ParetoNbdModel;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.junit.jupiter.api.Test;

/** Churn risk from a fitted model and from the recency fallback, against values computed by hand. */
class ChurnRiskTest {

    /**
     * BG/NBD parameters fitted to CDNOW as Fader, Hardie and Lee (2005), "Counting Your Customers the Easy
     * Way", Marketing Science 24(2), report them; CdnowFitTest checks that crmkit's fit reproduces them.
     */
    static final BgNbdModel CDNOW_BG_NBD = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    /** Pareto/NBD parameters for CDNOW from the same paper. */
    static final ParetoNbdModel CDNOW_PARETO_NBD = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);

    @Test
    void churnRiskIsOneMinusTheModelsProbabilityAlive() {
        // the paper's example customer: x = 2, t_x = 30.43, T = 38.86 weeks. By hand, equation 11:
        // P(alive) = 1 / (1 + 0.793 / (2.426 + 1) * ((4.414 + 38.86) / (4.414 + 30.43))^(0.243 + 2)) = 0.72658
        PurchaseHistory h = PurchaseHistory.of(2, 30.43, 38.86);
        ChurnRisk risk = ChurnRisk.fromModel(CDNOW_BG_NBD, h, ChurnRiskBands.standard());

        assertThat(risk.risk()).isCloseTo(0.27342, within(1e-5));
        assertThat(risk.risk()).isEqualTo(1.0 - CDNOW_BG_NBD.probabilityAlive(h));
        assertThat(risk.probabilityAlive().getAsDouble()).isCloseTo(0.72658, within(1e-5));
        assertThat(risk.basis()).isEqualTo(ChurnBasis.MODEL);
        assertThat(risk.isFallback()).isFalse();
        assertThat(risk.band()).isEqualTo(ChurnRiskBand.MEDIUM);
        assertThat(risk.history()).contains(h);
        assertThat(risk.explanation()).startsWith("1 - P(alive) of BgNbdModel for x=2");
    }

    @Test
    void paretoNbdWorksTheSameWay() {
        PurchaseHistory h = PurchaseHistory.of(5, 10, 38);
        ChurnRisk risk = ChurnRisk.fromModel(CDNOW_PARETO_NBD, h, ChurnRiskBands.standard());
        assertThat(risk.risk()).isEqualTo(1.0 - CDNOW_PARETO_NBD.probabilityAlive(h));
        // five repeat purchases, then silent for 28 weeks: the model thinks this customer is probably gone
        assertThat(risk.risk()).isGreaterThan(0.5);
        assertThat(risk.band()).isEqualTo(ChurnRiskBand.HIGH);
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsAliveForBgNbd() {
        ChurnRisk risk = ChurnRisk.fromModel(CDNOW_BG_NBD, PurchaseHistory.of(0, 0, 30), ChurnRiskBands.standard());
        assertThat(risk.risk()).isZero();
        assertThat(risk.band()).isEqualTo(ChurnRiskBand.LOW);
    }

    @Test
    void theFallbackComparesTheSilenceWithTheCustomersOwnRhythm() {
        // 1 - exp(-30 / 30) = 0.63212; 1 - exp(-10 / 30) = 0.28347; 0 days -> 0
        ChurnRisk oneGap = ChurnRisk.fromRecency(30, 30, ChurnRiskBands.standard());
        assertThat(oneGap.risk()).isCloseTo(0.63212, within(1e-5));
        assertThat(oneGap.band()).isEqualTo(ChurnRiskBand.HIGH);
        assertThat(oneGap.basis()).isEqualTo(ChurnBasis.RECENCY_FALLBACK);
        assertThat(oneGap.isFallback()).isTrue();
        assertThat(oneGap.probabilityAlive()).isEmpty();
        assertThat(oneGap.history()).isEmpty();
        assertThat(oneGap.explanation()).startsWith("fallback without a model");

        ChurnRisk third = ChurnRisk.fromRecency(10, 30, ChurnRiskBands.standard());
        assertThat(third.risk()).isCloseTo(0.28347, within(1e-5));
        assertThat(third.band()).isEqualTo(ChurnRiskBand.MEDIUM);

        assertThat(ChurnRisk.fromRecency(0, 30, ChurnRiskBands.standard()).risk()).isZero();
    }

    @Test
    void bandsAreConfigurable() {
        ChurnRiskBands strict = new ChurnRiskBands(0.1, 0.2);
        assertThat(strict.bandOf(0.05)).isEqualTo(ChurnRiskBand.LOW);
        assertThat(strict.bandOf(0.1)).isEqualTo(ChurnRiskBand.MEDIUM);
        assertThat(strict.bandOf(0.2)).isEqualTo(ChurnRiskBand.HIGH);
        assertThat(ChurnRisk.fromRecency(10, 30, strict).band()).isEqualTo(ChurnRiskBand.HIGH);
        assertThat(ChurnRiskBands.standard().bandOf(0.0)).isEqualTo(ChurnRiskBand.LOW);
        assertThat(ChurnRiskBands.standard().bandOf(1.0)).isEqualTo(ChurnRiskBand.HIGH);
    }
}
