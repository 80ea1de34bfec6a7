package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The columnar batch against a naive model: same summaries, whatever the input order. */
class TransactionsPropertiesTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate END = LocalDate.of(2024, 6, 30);

    private static List<Transaction> random(int n, Random random) {
        List<Transaction> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // refunds about one time in six, days around the calibration end, a few customers
            long cents = random.nextInt(6) == 0 ? -random.nextInt(500) : random.nextInt(5000);
            out.add(Transaction.of("c" + random.nextInt(12), END.minusDays(random.nextInt(400) - 40),
                    BigDecimal.valueOf(cents, 2), EUR));
        }
        return out;
    }

    @Test
    void summariesMatchANaiveModelAndDoNotDependOnInputOrder() {
        qt().withExamples(200).withFixedSeed(31L)
                .forAll(integers().between(0, 150), longs().all())
                .checkAssert((n, seed) -> {
                    Random random = new Random(seed);
                    List<Transaction> input = random(n, random);
                    Transactions batch = Transactions.of(input);
                    List<Transaction> shuffled = new ArrayList<>(input);
                    Collections.shuffle(shuffled, random);
                    Transactions again = Transactions.of(shuffled);

                    Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
                    Map<String, BigDecimal> spend = new TreeMap<>();
                    for (Transaction t : input) {
                        spend.merge(t.customerId(), t.amount(), BigDecimal::add);
                        TreeSet<LocalDate> set = days.computeIfAbsent(t.customerId(), k -> new TreeSet<>());
                        if (!t.isRefund()) {
                            set.add(t.date());
                        }
                    }
                    List<CustomerSummary> expected = new ArrayList<>();
                    days.forEach((id, set) -> {
                        if (!set.isEmpty()) {
                            expected.add(new CustomerSummary(id, set.first(), set.last(), set.size(),
                                    (int) input.stream().filter(t -> t.customerId().equals(id)).count(),
                                    spend.get(id), CustomerSummary.mean(spend.get(id), set.size(), EUR), EUR));
                        }
                    });
                    assertThat(batch.summaries()).isEqualTo(expected);
                    assertThat(again.summaries()).isEqualTo(expected);
                    assertThat(batch.size()).isEqualTo(n);

                    if (expected.stream().anyMatch(s -> !s.firstPurchase().isAfter(END))) {
                        List<CalibrationSummary> calibration = batch.calibration(END, PeriodUnit.WEEK);
                        assertThat(again.calibration(END, PeriodUnit.WEEK)).isEqualTo(calibration);
                        for (CalibrationSummary c : calibration) {
                            TreeSet<LocalDate> before = new TreeSet<>(days.get(c.customerId()).headSet(END, true));
                            assertThat(c.frequency()).isEqualTo(before.size() - 1);
                            assertThat(c.recency() * 7).isCloseTo(
                                    before.last().toEpochDay() - before.first().toEpochDay(),
                                    org.assertj.core.api.Assertions.within(1e-9));
                            assertThat(c.age()).isGreaterThanOrEqualTo(c.recency());
                        }
                    }
                });
    }

    @Test
    void ordersByCustomerKeyThenDayThenTimeThenInputOrderAndKeepsEveryField() {
        qt().withExamples(150).withFixedSeed(47L)
                .forAll(integers().between(0, 600), longs().all())
                .checkAssert((n, seed) -> {
                    Random random = new Random(seed);
                    // few customers and days, so that some customers have long runs (sorted another way)
                    // and many transactions share a day; optional fields in some batches only
                    int customers = 1 + random.nextInt(random.nextBoolean() ? 4 : 300);
                    boolean optional = random.nextBoolean();
                    boolean timed = random.nextBoolean();
                    List<Transaction> input = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        Transaction t = Transaction.of("k" + random.nextInt(customers),
                                END.minusDays(random.nextInt(random.nextBoolean() ? 3 : 2000) - 1000),
                                BigDecimal.valueOf(random.nextInt(20_000) - 5_000, 2), EUR);
                        if (timed && random.nextBoolean()) {
                            t = t.withTime(java.time.LocalTime.ofSecondOfDay(random.nextInt(random.nextBoolean() ? 3 : 86_400)));
                        }
                        if (optional && random.nextInt(3) == 0) {
                            t = t.withMargin(BigDecimal.valueOf(random.nextInt(999), 2))
                                    .withProduct("p" + random.nextInt(5), random.nextBoolean() ? null : "c",
                                            random.nextInt(4) == 0 ? "web" : null);
                        }
                        input.add(t);
                    }
                    List<Transaction> expected = new ArrayList<>(input);
                    // List.sort is stable: equal keys keep their input order
                    expected.sort(java.util.Comparator.comparing(Transaction::customerId)
                            .thenComparing(Transaction::date)
                            .thenComparing(Transaction::time, java.util.Comparator.nullsFirst(
                                    java.util.Comparator.<java.time.LocalTime>naturalOrder())));
                    Transactions batch = Transactions.of(input);
                    assertThat(batch.stream().toList()).isEqualTo(expected);
                    assertThat(batch.customerIds())
                            .isEqualTo(expected.stream().map(Transaction::customerId).distinct().toList());
                    for (int i = 0; i < batch.size(); i++) {
                        int c = batch.customerIndexOf(i);
                        assertThat(batch.start(c)).isLessThanOrEqualTo(i);
                        assertThat(batch.end(c)).isGreaterThan(i);
                        assertThat(batch.customerId(c)).isEqualTo(expected.get(i).customerId());
                    }
                });
    }
}
