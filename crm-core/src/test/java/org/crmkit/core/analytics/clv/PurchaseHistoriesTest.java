package org.crmkit.core.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** The input types: validation, collapsing identical customers into weights, and what weights promise. */
class PurchaseHistoriesTest {

    @Test
    void aHistoryRefusesImpossibleTriplesNamingFieldAndRule() {
        assertThatThrownBy(() -> PurchaseHistory.of(1.5, 1, 2)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("frequency: must be a whole number >= 0")
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("frequency");
        assertThatThrownBy(() -> PurchaseHistory.of(-1, 0, 2)).hasMessageStartingWith("frequency:");
        assertThatThrownBy(() -> PurchaseHistory.of(2, 3, 2)).hasMessageStartingWith("recency: must lie between 0 and age");
        assertThatThrownBy(() -> PurchaseHistory.of(2, -1, 2)).hasMessageStartingWith("recency:");
        assertThatThrownBy(() -> PurchaseHistory.of(0, 1, 2)).hasMessageStartingWith("recency: must be 0 when frequency is 0");
        assertThatThrownBy(() -> PurchaseHistory.of(0, 0, Double.POSITIVE_INFINITY)).hasMessageStartingWith("age:");
        assertThatThrownBy(() -> PurchaseHistory.of(1, 1, 2, -5)).hasMessageStartingWith("meanSpend:");
        assertThatThrownBy(() -> new PurchaseHistory(1, 1, 2, null)).hasMessageStartingWith("meanSpend:");
        assertThat(PurchaseHistory.of(2, 30.43, 38.86, 22.35).meanSpend()).isEqualTo(OptionalDouble.of(22.35));
    }

    @Test
    void arraysAreValidatedWithTheIndexInTheFieldName() {
        assertThatThrownBy(() -> PurchaseHistories.of(new double[] {0, 1}, new double[] {0, 9}, new double[] {5, 5}))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("recency[1]:");
        assertThatThrownBy(() -> PurchaseHistories.of(new double[] {0}, new double[] {0, 0}, new double[] {5}))
                .hasMessageStartingWith("histories: arrays must have the same length");
        assertThatThrownBy(() -> PurchaseHistories.of(List.of())).hasMessageStartingWith("histories: must not be empty");
        assertThatThrownBy(() -> PurchaseHistories.weighted(new double[] {0}, new double[] {0}, new double[] {5},
                new double[] {0})).hasMessageStartingWith("weight[0]:");
        assertThatThrownBy(() -> SpendHistories.of(new double[] {1}, new double[] {0}))
                .hasMessageStartingWith("meanSpend[0]: must be finite and > 0");
        assertThatThrownBy(() -> SpendHistories.of(List.of(PurchaseHistory.of(0, 0, 5), PurchaseHistory.of(1, 1, 5, 0))))
                .hasMessageStartingWith("histories[1].meanSpend: must be > 0 for the Gamma-Gamma model");
    }

    @Test
    void identicalCustomersCollapseIntoWeightsInFirstSeenOrder() {
        PurchaseHistories d = PurchaseHistories.of(List.of(PurchaseHistory.of(0, 0, 38.86),
                PurchaseHistory.of(2, 30.43, 38.86), PurchaseHistory.of(0, 0, 38.86), PurchaseHistory.of(0, -0.0, 38.86)));
        assertThat(d.size()).isEqualTo(2);
        assertThat(d.customers()).isEqualTo(4);
        assertThat(d.weight(0)).isEqualTo(3);
        assertThat(d.frequency(1)).isEqualTo(2);
        assertThat(d.recency(1)).isEqualTo(30.43);
        assertThat(d.age(1)).isEqualTo(38.86);
        // CDNOW: 2,357 customers in far fewer distinct triples
        assertThat(PurchaseHistories.of(Cdnow.summary()).size()).isLessThan(1_500);
    }

    @Test
    void theLikelihoodDependsOnlyOnTheCollapsedData() {
        Random random = new Random(21);
        BgNbdModel bg = new BgNbdModel(0.243, 4.414, 0.793, 2.426);
        ParetoNbdModel pareto = new ParetoNbdModel(0.553, 10.578, 0.606, 11.669);
        for (int trial = 0; trial < 50; trial++) {
            List<PurchaseHistory> customers = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            for (int i = 0; i < n; i++) {
                int x = random.nextInt(4);
                double age = 10 * (1 + random.nextInt(3));
                customers.add(PurchaseHistory.of(x, x == 0 ? 0 : Math.floor(random.nextDouble() * age), age));
            }
            double bgSum = 0;
            double paretoSum = 0;
            for (PurchaseHistory h : customers) {
                bgSum += bg.logLikelihood(h.frequency(), h.recency(), h.age());
                paretoSum += pareto.logLikelihood(h.frequency(), h.recency(), h.age());
            }
            PurchaseHistories d = PurchaseHistories.of(customers);
            assertThat(d.size()).isLessThanOrEqualTo(n);
            assertThat(bg.logLikelihood(d)).isCloseTo(bgSum, within(1e-9 * (1 + Math.abs(bgSum))));
            assertThat(pareto.logLikelihood(d)).isCloseTo(paretoSum, within(1e-9 * (1 + Math.abs(paretoSum))));
        }
    }

    @Test
    void fittingIsInvariantToDuplicatingEveryCustomer() {
        List<PurchaseHistory> once = Cdnow.summary();
        List<PurchaseHistory> twice = new ArrayList<>(once);
        twice.addAll(once);
        ModelFit<BgNbdModel> a = BgNbdModel.fit(PurchaseHistories.of(once));
        ModelFit<BgNbdModel> b = BgNbdModel.fit(PurchaseHistories.of(twice));
        assertThat(b.model().r()).isCloseTo(a.model().r(), within(1e-9));
        assertThat(b.model().alpha()).isCloseTo(a.model().alpha(), within(1e-9));
        assertThat(b.model().a()).isCloseTo(a.model().a(), within(1e-9));
        assertThat(b.model().b()).isCloseTo(a.model().b(), within(1e-9));
        assertThat(b.logLikelihood()).isCloseTo(2 * a.logLikelihood(), within(1e-6));
        // standard errors shrink by √2 with twice the data
        assertThat(b.standardErrors().get("r") * Math.sqrt(2)).isCloseTo(a.standardErrors().get("r"), within(1e-4));

        // the same through explicit weights
        int n = once.size();
        double[] x = new double[n];
        double[] tx = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = once.get(i).frequency();
            tx[i] = once.get(i).recency();
            t[i] = once.get(i).age();
            w[i] = 2;
        }
        ModelFit<ParetoNbdModel> p1 = ParetoNbdModel.fit(PurchaseHistories.of(x, tx, t));
        ModelFit<ParetoNbdModel> p2 = ParetoNbdModel.fit(PurchaseHistories.weighted(x, tx, t, w));
        assertThat(p2.model().r()).isCloseTo(p1.model().r(), within(1e-9));
        assertThat(p2.model().beta()).isCloseTo(p1.model().beta(), within(1e-7));
    }
}
