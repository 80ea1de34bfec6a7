package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.crmkit.core.analytics.clv.BgNbdModel;
import org.crmkit.core.analytics.clv.GammaGammaModel;
import org.crmkit.core.analytics.clv.LifetimeValue;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.clv.SpendHistories;
import org.crmkit.core.analytics.rfm.RfmAnalysis;
import org.crmkit.core.analytics.rfm.SegmentMap;
import org.crmkit.core.analytics.simulation.CustomerBaseSimulator;
import org.crmkit.core.analytics.simulation.SimulationParameters;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Inputs that a review found escaping as NaN, infinity or unnamed exceptions. */
class RobustnessTest {

    @Test
    void degenerateSpendParametersAreRefusedNamingQ() {
        CustomerBaseSimulator simulator = CustomerBaseSimulator.builder().customers(20_000).seed(3)
                .parameters(SimulationParameters.CDNOW.withSpend(6.25, 0.002, 15.44)).build();
        assertThatThrownBy(simulator::toTransactions)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo("q"))
                .hasMessageContaining("raise q or lower gamma");
    }

    @Test
    void aLifetimeValueThatOverflowsIsRefusedNotInfinite() {
        LifetimeValue clv = new LifetimeValue(new BgNbdModel(0.243, 4.414, 0.793, 2.426),
                new GammaGammaModel(6.25, 3.74, 15.44), 3000, 1.0, -0.5, 0.0);
        assertThatThrownBy(() -> clv.valueOf(PurchaseHistory.of(2, 30.43, 38.86)))
                .isInstanceOf(ArithmeticException.class).hasMessageContaining("not finite");
    }

    @Test
    void nullElementsAreRefusedByIndex() {
        assertThatThrownBy(() -> RfmAnalysis.of(Arrays.asList(null, null), SegmentMap.defaults()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("values[0]: must not be null");
        assertThatThrownBy(() -> SpendHistories.of(Arrays.asList(PurchaseHistory.of(1, 2, 3, 10.0), null)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("histories[1]: must not be null");
    }
}
