package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * The fits reproduce the published parameters on the CDNOW sample (../shared/data/cdnow/README.md):
 * BG/NBD and Pareto/NBD from Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275-284; Gamma-Gamma from Fader, Hardie
 * and Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR 42(4), 415-430,
 * and Hardie's note 025 "The Gamma-Gamma Model of Monetary Value". Parameters within 1 %, log-likelihoods
 * within 0.5.
 */
class CdnowFitTest {

    @Test
    void bgNbdFitReproducesFaderHardieLee2005() {
        ModelFit<BgNbdModel> fit = BgNbdModel.fit(PurchaseHistories.of(Cdnow.summary()));
        BgNbdModel m = fit.model();
        assertThat(m.r()).isCloseTo(0.243, withinPercentage(1));
        assertThat(m.alpha()).isCloseTo(4.414, withinPercentage(1));
        assertThat(m.a()).isCloseTo(0.793, withinPercentage(1));
        assertThat(m.b()).isCloseTo(2.426, withinPercentage(1));
        assertThat(fit.logLikelihood()).isCloseTo(-9582.4, within(0.5));
        assertThat(fit.standardErrors()).containsOnlyKeys("r", "alpha", "a", "b");
        // the point values the paper reports, from its unrounded estimates (section 4 and figure 1)
        assertThat(m.expectedPurchases(1)).isCloseTo(0.0532, within(1e-4));
        assertThat(m.expectedPurchases(3)).isCloseTo(0.1506, within(1e-4));
        assertThat(m.expectedPurchases(32)).isCloseTo(1.0437, within(1e-4));
        assertThat(m.expectedPurchases(78)).isCloseTo(1.8576, within(5e-4));
        assertThat(m.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(5e-4));
    }

    @Test
    void paretoNbdFitReproducesFaderHardieLee2005() {
        ModelFit<ParetoNbdModel> fit = ParetoNbdModel.fit(PurchaseHistories.of(Cdnow.summary()));
        ParetoNbdModel m = fit.model();
        assertThat(m.r()).isCloseTo(0.553, withinPercentage(1));
        assertThat(m.alpha()).isCloseTo(10.578, withinPercentage(1));
        assertThat(m.s()).isCloseTo(0.606, withinPercentage(1));
        assertThat(m.beta()).isCloseTo(11.669, withinPercentage(1));
        assertThat(fit.logLikelihood()).isCloseTo(-9595.0, within(0.5));
    }

    @Test
    void gammaGammaFitReproducesTheIsoValuePaperOnThe946RepeatBuyers() {
        SpendHistories spend = SpendHistories.of(Cdnow.customers());
        assertThat(spend.customers()).isEqualTo(946.0);
        ModelFit<GammaGammaModel> fit = GammaGammaModel.fit(spend);
        GammaGammaModel m = fit.model();
        assertThat(m.p()).isCloseTo(6.25, withinPercentage(1));
        assertThat(m.q()).isCloseTo(3.74, withinPercentage(1));
        assertThat(m.gamma()).isCloseTo(15.44, withinPercentage(1));
    }
}
