package org.crmkit.core.analytics.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class CustomerBaseSimulatorTest {

    private static CustomerBaseSimulator simulator(int customers, long seed) {
        return CustomerBaseSimulator.builder().customers(customers).seed(seed).build();
    }

    @Test
    void theSameSeedGivesTheSameTransactions() {
        List<Transaction> first = simulator(500, 42).transactions().toList();
        List<Transaction> second = simulator(500, 42).transactions().toList();

        assertThat(first).isNotEmpty().isEqualTo(second);
    }

    @Test
    void anotherSeedGivesAnotherBase() {
        assertThat(simulator(200, 1).transactions().toList()).isNotEqualTo(simulator(200, 2).transactions().toList());
    }

    @Test
    void aCustomerDoesNotDependOnHowManyAreSimulated() {
        CustomerBaseSimulator small = CustomerBaseSimulator.builder().customers(100).seed(7).idPrefix("K").build();
        CustomerBaseSimulator large = CustomerBaseSimulator.builder().customers(100_000).seed(7).idPrefix("K").build();

        for (int i = 0; i < 100; i += 9) {
            SimulatedCustomer a = small.customer(i);
            SimulatedCustomer b = large.customer(i);
            assertThat(a.purchaseRate()).isEqualTo(b.purchaseRate());
            assertThat(a.transactions()).extracting(Transaction::date).isEqualTo(
                    b.transactions().stream().map(Transaction::date).toList());
        }
    }

    @Test
    void transactionsStayInTheirWindowsAndCurrency() {
        CustomerBaseSimulator sim = CustomerBaseSimulator.builder().customers(2000).seed(3)
                .currency(Currency.getInstance("JPY")).start(LocalDate.of(2024, 3, 1)).window(30, 200).build();
        Transactions batch = sim.toTransactions();

        assertThat(batch.customerCount()).isEqualTo(2000);
        assertThat(batch.currency()).contains(Currency.getInstance("JPY"));
        sim.customers().forEach(c -> {
            List<Transaction> t = c.transactions();
            assertThat(t.get(0).date()).isBetween(sim.start(), sim.start().plusDays(29));
            assertThat(t.get(t.size() - 1).date()).isBefore(sim.endDate());
            assertThat(t).allSatisfy(x -> assertThat(x.amount().signum()).isNotNegative());
            assertThat(t).allSatisfy(x -> assertThat(x.amount().scale()).isZero());
            assertThat(c.dropoutProbability()).isBetween(0.0, 1.0);
        });
        assertThat(sim.customer(0).customerId()).isEqualTo("C0000");
        assertThat(sim.customer(1999).customerId()).isEqualTo("C1999");
    }

    @Test
    void samplersMatchTheirMomentsOverSeededDraws() {
        SplittableRandom random = new SplittableRandom(11);
        for (double shape : new double[] {0.243, 0.793, 2.426, 6.25}) {
            int n = 200_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                double g = Sampling.gamma(random, shape);
                sum += g;
                sumSq += g * g;
            }
            double mean = sum / n;
            double variance = sumSq / n - mean * mean;
            // mean and variance of Gamma(k, 1) are both k; the tolerance is about 5 standard errors
            assertThat(mean).isCloseTo(shape, org.assertj.core.api.Assertions.within(5 * Math.sqrt(shape / n)));
            assertThat(variance).isCloseTo(shape, org.assertj.core.api.Assertions.withinPercentage(5));
        }
    }

    @Test
    void badSettingsAreRefused() {
        assertThatThrownBy(() -> CustomerBaseSimulator.builder().customers(0))
                .isInstanceOf(ValidationException.class).hasMessageContaining("customers");
        assertThatThrownBy(() -> CustomerBaseSimulator.builder().window(10, 5))
                .isInstanceOf(ValidationException.class).hasMessageContaining("observationDays");
        assertThatThrownBy(() -> SimulationParameters.CDNOW.withPurchaseProcess(0.2, -1, 1, 1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("alpha");
    }
}
