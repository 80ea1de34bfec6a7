package org.crmkit.core.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The adapter against a direct count over random transaction lists. */
class PurchaseHistoryAdapterPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);

    /** One transaction as (customer 0-4, day 0-59, amount in cents −2000..5000). */
    private static final Gen<int[]> ROW = integers().between(0, 4).zip(integers().between(0, 59),
            integers().between(-2000, 5000), (c, d, a) -> new int[] {c, d, a});

    @Test
    void frequencyRecencyAgeAndMeanRepeatSpendMatchADirectCount() {
        qt().withExamples(300).withFixedSeed(4L)
                .forAll(lists().of(ROW).ofSizeBetween(1, 40), integers().between(0, 70))
                .checkAssert((rows, endDay) -> {
                    Transactions batch = Transactions.of(rows.stream().map(r -> Transaction.of("c" + r[0],
                            DAY0.plusDays(r[1]), BigDecimal.valueOf(r[2], 2), EUR)).toList());
                    LocalDate end = DAY0.plusDays(endDay);
                    Map<String, List<int[]>> byCustomer = rows.stream().filter(r -> r[1] <= endDay)
                            .collect(Collectors.groupingBy(r -> "c" + r[0], TreeMap::new, Collectors.toList()));
                    Map<String, PurchaseHistory> expected = new TreeMap<>();
                    byCustomer.forEach((id, list) -> {
                        TreeSet<Integer> days = list.stream().filter(r -> r[2] >= 0).map(r -> r[1])
                                .collect(Collectors.toCollection(TreeSet::new));
                        if (days.isEmpty()) {
                            return;
                        }
                        int x = days.size() - 1;
                        long repeatCents = list.stream().filter(r -> r[2] >= 0 && r[1] != days.first())
                                .mapToLong(r -> r[2]).sum();
                        double tx = (days.last() - days.first()) / 7.0;
                        double t = (endDay - days.first()) / 7.0;
                        expected.put(id, x > 0 && repeatCents > 0 ? PurchaseHistory.of(x, tx, t, repeatCents / 100.0 / x)
                                : PurchaseHistory.of(x, tx, t));
                    });
                    if (expected.isEmpty()) {
                        return; // the adapter refuses a calibration end before every purchase; tested elsewhere
                    }

                    Map<String, PurchaseHistory> actual = PurchaseHistoryAdapter.histories(batch, end, PeriodUnit.WEEK);

                    assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
                    expected.forEach((id, e) -> {
                        PurchaseHistory a = actual.get(id);
                        assertThat(a.frequency()).isEqualTo(e.frequency());
                        assertThat(a.recency()).isCloseTo(e.recency(), within(1e-12));
                        assertThat(a.age()).isCloseTo(e.age(), within(1e-12));
                        assertThat(a.meanSpend().isPresent()).isEqualTo(e.meanSpend().isPresent());
                        if (e.meanSpend().isPresent()) {
                            assertThat(a.meanSpend().getAsDouble()).isCloseTo(e.meanSpend().getAsDouble(), within(1e-9));
                        }
                    });
                });
    }
}
