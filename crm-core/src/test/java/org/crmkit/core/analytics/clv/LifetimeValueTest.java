package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Lifetime value from BG/NBD or Pareto/NBD (Fader, Hardie and Lee 2005, Marketing Science 24(2)) and
 * Gamma-Gamma spend (Fader, Hardie and Lee 2005, JMR 42(4)) with the CDNOW estimates.
 */
class LifetimeValueTest {

    private static final BgNbdModel BG = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
    private static final ParetoNbdModel PARETO = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);
    private static final GammaGammaModel GG = new GammaGammaModel(6.25, 3.74, 15.44);
    private static final PurchaseHistory CUSTOMER_ONE = PurchaseHistory.of(2, 30.43, 38.86, 22.35);

    @Test
    void withoutDiscountingItIsMarginTimesSpendTimesExpectedPurchases() {
        // the per-period increments telescope: 52 weekly periods = E[Y(52)] purchases
        LifetimeValue clv = new LifetimeValue(BG, GG, 52, 1.0, 0.0, 0.3);
        double expected = 0.3 * GG.conditionalExpectedSpend(2, 22.35) * BG.conditionalExpectedPurchases(52, CUSTOMER_ONE);
        assertThat(clv.valueOf(CUSTOMER_ONE)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void theBatchValuesEqualTheOneByOneValuesToTheLastBit() {
        java.util.List<PurchaseHistory> customers = Cdnow.customers();
        for (TransactionModel model : new TransactionModel[] {BG, PARETO}) {
            LifetimeValue clv = new LifetimeValue(model, GG, 12, 4.33, 0.01, 0.3);
            double[] batch = clv.valuesOf(customers);
            assertThat(batch).hasSize(customers.size());
            for (int i = 0; i < batch.length; i++) {
                assertThat(batch[i]).as("customer %d under %s", i, model).isEqualTo(clv.valueOf(customers.get(i)));
            }
        }
    }

    @Test
    void theValueIsTheDiscountedSumOfTheExpectedPurchasesPerPeriod() {
        // the definition, computed the long way from the public conditional expectation
        for (TransactionModel model : new TransactionModel[] {BG, PARETO}) {
            LifetimeValue clv = new LifetimeValue(model, GG, 12, 4.33, 0.01, 0.3);
            double discounted = 0.0;
            for (int k = 1; k <= 12; k++) {
                double period = model.conditionalExpectedPurchases(k * 4.33, CUSTOMER_ONE)
                        - model.conditionalExpectedPurchases((k - 1) * 4.33, CUSTOMER_ONE);
                discounted += period / Math.pow(1.01, k);
            }
            double expected = 0.3 * GG.conditionalExpectedSpend(CUSTOMER_ONE) * discounted;
            assertThat(clv.valueOf(CUSTOMER_ONE)).isCloseTo(expected, within(1e-12 * expected));
        }
    }

    @Test
    void discountingLowersTheValueAndTheMarginScalesIt() {
        for (TransactionModel model : new TransactionModel[] {BG, PARETO}) {
            double undiscounted = new LifetimeValue(model, GG, 12, 4.33, 0.0, 1.0).valueOf(CUSTOMER_ONE);
            double discounted = new LifetimeValue(model, GG, 12, 4.33, 0.01, 1.0).valueOf(CUSTOMER_ONE);
            double halfMargin = new LifetimeValue(model, GG, 12, 4.33, 0.01, 0.5).valueOf(CUSTOMER_ONE);
            assertThat(discounted).isPositive().isLessThan(undiscounted);
            assertThat(halfMargin).isCloseTo(discounted / 2, within(1e-12));
        }
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsValuedAtThePopulationSpend() {
        PurchaseHistory oneOff = PurchaseHistory.of(0, 0, 38.86);
        LifetimeValue clv = new LifetimeValue(BG, GG, 39, 1.0, 0.0, 1.0);
        assertThat(clv.valueOf(oneOff)).isCloseTo(GG.expectedSpend() * BG.conditionalExpectedPurchases(39, oneOff),
                within(1e-9));
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> new LifetimeValue(BG, GG, 0, 1, 0, 1)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("periods:");
        assertThatThrownBy(() -> new LifetimeValue(BG, GG, 1, 0, 0, 1)).hasMessageStartingWith("periodLength:");
        assertThatThrownBy(() -> new LifetimeValue(BG, GG, 1, 1, -1, 1)).hasMessageStartingWith("discountRate:");
        assertThatThrownBy(() -> new LifetimeValue(BG, GG, 1, 1, 0, Double.NaN)).hasMessageStartingWith("margin:");
    }
}
