package org.crmkit.core.analytics.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The batch form {@link LifecycleClassifier#rules} against the classification one object per customer
 * (seeded random bases), and its exact spend comparison against {@link BigDecimal}.
 */
class LifecycleRulesPropertiesTest {

    @Test
    void theBatchRulesAreTheRulesOfTheFullClassifications() {
        Random r = new Random(8101);
        for (int trial = 0; trial < LifecyclePropertiesTest.TRIALS; trial++) {
            List<Transaction> list = LifecyclePropertiesTest.randomBase(r);
            Transactions base = Transactions.of(list);
            LifecycleClassifier classifier = LifecycleClassifier.of(LifecyclePropertiesTest.randomPolicy(r));
            Map<String, Double> alive = LifecyclePropertiesTest.randomAlive(r, 12);
            double[] byCustomer = new double[base.customerCount()];
            for (int c = 0; c < byCustomer.length; c++) {
                Double p = alive.get(base.customerId(c));
                byCustomer[c] = p == null ? Double.NaN : p;
            }
            LifecycleRule[] rules = classifier.rules(base, LifecyclePropertiesTest.AS_OF, byCustomer);
            List<LifecycleClassification> all = classifier.classifyAll(base, LifecyclePropertiesTest.AS_OF, alive);
            int k = 0;
            for (int c = 0; c < rules.length; c++) {
                String id = base.customerId(c);
                if (rules[c] == null) {
                    assertThat(all).noneMatch(x -> x.customerId().equals(id));
                    continue;
                }
                LifecycleClassification full = all.get(k++);
                assertThat(full.customerId()).isEqualTo(base.customerId(c));
                assertThat(rules[c]).isEqualTo(full.rule());
            }
            assertThat(k).isEqualTo(all.size());
            assertThat(LifecycleClassifier.stageCounts(rules)).isEqualTo(LifecycleClassifier.stageCounts(all));
            // without P(alive), the same as classifying without it
            LifecycleRule[] unknown = classifier.rules(base, LifecyclePropertiesTest.AS_OF, null);
            assertThat(Arrays.stream(unknown).filter(x -> x != null).toList()).containsExactlyElementsOf(
                    classifier.classifyAll(base, LifecyclePropertiesTest.AS_OF).stream()
                            .map(LifecycleClassification::rule).toList());
        }
    }

    @Test
    void aProbabilityAliveArrayOfTheWrongLengthOrOutsideTheUnitIntervalIsRefused() {
        Transactions base = Transactions.of(List.of(Transaction.of("a", LifecyclePropertiesTest.AS_OF.minusDays(3),
                BigDecimal.TEN, LifecyclePropertiesTest.EUR)));
        LifecycleClassifier classifier = LifecycleClassifier.withDefaults();
        assertThatThrownBy(() -> classifier.rules(base, LifecyclePropertiesTest.AS_OF, new double[2]))
                .isInstanceOf(ValidationException.class).hasMessageContaining("probabilityAlive");
        assertThatThrownBy(() -> classifier.rules(base, LifecyclePropertiesTest.AS_OF, new double[] {1.5}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("[0, 1]");
        // checked for every customer, also one without a purchase by the as-of day
        Transactions later = Transactions.of(List.of(
                Transaction.of("a", LifecyclePropertiesTest.AS_OF.minusDays(3), BigDecimal.TEN, LifecyclePropertiesTest.EUR),
                Transaction.of("b", LifecyclePropertiesTest.AS_OF.plusDays(3), BigDecimal.TEN, LifecyclePropertiesTest.EUR)));
        assertThatThrownBy(() -> classifier.rules(later, LifecyclePropertiesTest.AS_OF, new double[] {0.9, 7.0}))
                .isInstanceOf(ValidationException.class).hasMessageContaining("probabilityAlive[1]");
    }

    @Test
    void theSpendComparisonIsExactInLongsAndBeyond() {
        Random r = new Random(8102);
        for (int trial = 0; trial < 20_000; trial++) {
            long latest = switch (r.nextInt(3)) {
                case 0 -> r.nextInt(1000);
                case 1 -> Math.abs(r.nextLong() >> r.nextInt(63));
                default -> Long.MAX_VALUE - r.nextInt(10);
            };
            long prior = r.nextInt(4) == 0 ? Math.abs(r.nextLong() >> r.nextInt(63)) : latest * (1 + r.nextInt(3)) / 2;
            int windows = r.nextInt(4) == 0 ? Integer.MAX_VALUE - r.nextInt(3) : r.nextInt(60);
            BigDecimal factor = switch (r.nextInt(4)) {
                case 0 -> BigDecimal.valueOf(r.nextInt(300), 2);
                case 1 -> new BigDecimal("1." + r.nextInt(1_000_000)).stripTrailingZeros();
                case 2 -> new BigDecimal("0.0000000000000000001234");
                default -> BigDecimal.valueOf(r.nextLong() & Long.MAX_VALUE, r.nextInt(30));
            };
            int expected = BigDecimal.valueOf(latest).multiply(BigDecimal.valueOf(windows))
                    .compareTo(factor.multiply(BigDecimal.valueOf(prior)));
            assertThat(Integer.signum(LifecycleClassifier.compareScaled(latest, windows, factor, prior)))
                    .as("%d x %d vs %s x %d", latest, windows, factor, prior).isEqualTo(expected);
        }
    }
}
