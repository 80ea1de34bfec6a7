package org.crmkit.core.analytics.abc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.crmkit.core.analytics.transactions.Transaction;
import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The columnar ABC analysis (whole units in longs, with a merge sort and a decimal path for values or sums
 * beyond a long) against a reference written straight from the class comment's definitions in
 * {@link BigDecimal}, on seeded random bases.
 */
class AbcColumnarTest {

    /** The definitions, one object per customer, all in decimals. */
    private record Reference(List<AbcCustomer> customers, double gini, double pareto) {

        static Reference of(Map<String, BigDecimal> values, AbcThresholds th) {
            List<Map.Entry<String, BigDecimal>> ranked = new ArrayList<>(values.entrySet());
            ranked.sort(Map.Entry.<String, BigDecimal>comparingByValue(Comparator.reverseOrder())
                    .thenComparing(Map.Entry.comparingByKey()));
            BigDecimal total = ranked.stream().map(Map.Entry::getValue).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal aLine = total.multiply(BigDecimal.valueOf(th.a()));
            BigDecimal bLine = total.multiply(BigDecimal.valueOf(th.a()).add(BigDecimal.valueOf(th.b())));
            List<AbcCustomer> out = new ArrayList<>();
            BigDecimal above = BigDecimal.ZERO;
            for (int i = 0; i < ranked.size(); i++) {
                BigDecimal v = ranked.get(i).getValue();
                BigDecimal aboveGroup = BigDecimal.ZERO;
                for (Map.Entry<String, BigDecimal> e : ranked) {
                    if (e.getValue().compareTo(v) > 0) {
                        aboveGroup = aboveGroup.add(e.getValue());
                    }
                }
                AbcClass cls = aboveGroup.compareTo(aLine) < 0 ? AbcClass.A
                        : aboveGroup.compareTo(bLine) < 0 ? AbcClass.B : AbcClass.C;
                above = above.add(v);
                out.add(new AbcCustomer(ranked.get(i).getKey(), v, i + 1,
                        above.divide(total, MathContext.DECIMAL64).doubleValue(), cls));
            }
            int n = ranked.size();
            BigDecimal weighted = BigDecimal.ZERO;
            for (int k = 1; k <= n; k++) {
                weighted = weighted.add(ranked.get(n - k).getValue().multiply(BigDecimal.valueOf(k)));
            }
            double gini = weighted.multiply(BigDecimal.valueOf(2)).subtract(total.multiply(BigDecimal.valueOf(n + 1L)))
                    .divide(total.multiply(BigDecimal.valueOf(n)), MathContext.DECIMAL64).doubleValue();
            BigDecimal line = total.multiply(BigDecimal.valueOf(0.8));
            BigDecimal top = BigDecimal.ZERO;
            int k = 0;
            while (top.compareTo(line) < 0) {
                top = top.add(ranked.get(k++).getValue());
            }
            return new Reference(out, Math.max(0, gini), (double) k / n);
        }
    }

    private static BigDecimal randomValue(Random r, int kind) {
        return switch (kind) {
            case 0 -> BigDecimal.valueOf(r.nextInt(5), r.nextInt(3));                     // many ties
            case 1 -> BigDecimal.valueOf(r.nextInt(1_000_000), 2);                         // cents
            case 2 -> BigDecimal.valueOf(Long.MAX_VALUE / 4 - r.nextInt(1000), 2);         // sums beyond a long
            // a few values near 2^61 among small ones: the sum fits in a long but a value and an index do not
            // fit in one sort key together, so the ranking takes the merge sort
            case 3 -> BigDecimal.valueOf(r.nextInt(10) == 0 ? (1L << 61) + r.nextInt(3) : r.nextInt(4), 0);
            default -> new BigDecimal(r.nextInt(100) + "12345678901234567890.5");          // values beyond a long
        };
    }

    @Test
    void everyPathAgreesWithTheDefinitions() {
        Random r = new Random(9301);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + r.nextInt(30);
            int kind = r.nextInt(5);
            Map<String, BigDecimal> values = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                values.put("k" + r.nextInt(3 * n), r.nextInt(6) == 0 ? BigDecimal.ZERO : randomValue(r, kind));
            }
            if (values.values().stream().allMatch(v -> v.signum() == 0)) {
                values.put("last", BigDecimal.ONE);
            }
            AbcThresholds th = r.nextBoolean() ? AbcThresholds.DEFAULT : new AbcThresholds(0.7, 0.2);
            Reference expected = Reference.of(values, th);
            AbcAnalysis actual = AbcAnalysis.of(values, th);
            check(actual, expected, values);
            // the same values as whole units, with the keys in a random order
            int scale = values.values().stream().mapToInt(BigDecimal::scale).max().orElse(0);
            boolean fits = values.values().stream().allMatch(v -> v.movePointRight(scale).unscaledValue().bitLength() < 64);
            if (fits) {
                List<String> keys = new ArrayList<>(values.keySet());
                java.util.Collections.shuffle(keys, r);
                long[] units = keys.stream().mapToLong(k -> values.get(k).movePointRight(scale).longValueExact()).toArray();
                AbcAnalysis fromUnits = AbcAnalysis.ofUnits(keys, units, scale, th);
                Map<String, BigDecimal> scaled = new HashMap<>();
                values.forEach((k, v) -> scaled.put(k, v.setScale(scale)));
                check(fromUnits, expected, scaled);
            }
        }
    }

    private static void check(AbcAnalysis actual, Reference expected, Map<String, BigDecimal> values) {
        assertThat(actual.customers()).hasSameSizeAs(expected.customers());
        for (int i = 0; i < expected.customers().size(); i++) {
            AbcCustomer e = expected.customers().get(i);
            AbcCustomer a = actual.customers().get(i);
            assertThat(a.customerId()).isEqualTo(e.customerId());
            assertThat(a.value()).isEqualByComparingTo(e.value());
            assertThat(a.rank()).isEqualTo(e.rank());
            assertThat(a.abcClass()).isEqualTo(e.abcClass());
            assertThat(a.cumulativeShare()).isCloseTo(e.cumulativeShare(), within(1e-15));
            assertThat(actual.customer(e.customerId())).contains(a);
        }
        assertThat(actual.customer("not-there")).isEmpty();
        assertThat(actual.gini()).isCloseTo(expected.gini(), within(1e-15));
        assertThat(actual.paretoShare()).isEqualTo(expected.pareto());
        BigDecimal total = values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(actual.total()).isEqualByComparingTo(total);
        Map<AbcClass, Integer> counts = new HashMap<>();
        Map<AbcClass, BigDecimal> sums = new HashMap<>();
        expected.customers().forEach(c -> {
            counts.merge(c.abcClass(), 1, Integer::sum);
            sums.merge(c.abcClass(), c.value(), BigDecimal::add);
        });
        for (AbcClass c : AbcClass.values()) {
            assertThat(actual.classCounts().get(c)).isEqualTo(counts.getOrDefault(c, 0));
            assertThat(actual.classValueShares().get(c)).isEqualTo(
                    sums.getOrDefault(c, BigDecimal.ZERO).divide(total, MathContext.DECIMAL64).doubleValue());
        }
        List<LorenzPoint> lorenz = actual.lorenzCurve();
        assertThat(lorenz.get(0).customerShare()).isZero();
        assertThat(lorenz.get(lorenz.size() - 1).valueShare()).isEqualTo(1.0);
    }

    /** a + b may exceed 1 by rounding; near a long's limit the B line then does not fit in a long. */
    @Test
    void classLinesBeyondALongAreDrawnInDecimals() {
        Map<String, BigDecimal> values = Map.of("a", BigDecimal.valueOf(Long.MAX_VALUE / 2),
                "b", BigDecimal.valueOf(Long.MAX_VALUE / 2 + 1));
        AbcThresholds th = new AbcThresholds(0.1, 0.9000000000000001);
        check(AbcAnalysis.of(values, th), Reference.of(values, th), values);
        assertThat(AbcAnalysis.of(values, th).classCounts()).containsEntry(AbcClass.A, 1).containsEntry(AbcClass.B, 1);

        Map<String, BigDecimal> one = Map.of("a", new BigDecimal("92233720368547758.00"));
        AbcThresholds wide = new AbcThresholds(0.8, 0.2000000000001);
        check(AbcAnalysis.of(one, wide), Reference.of(one, wide), one);
        assertThat(AbcAnalysis.ofUnits(List.of("a"), new long[] {9223372036854775800L}, 2, wide).classCounts())
                .containsEntry(AbcClass.A, 1);
    }

    @Test
    void theViewsAreRandomAccessAndCheckTheirIndex() {
        AbcAnalysis abc = AbcAnalysis.of(Map.of("a", BigDecimal.ONE, "b", BigDecimal.TEN));
        assertThat(abc.customers()).isInstanceOf(java.util.RandomAccess.class);
        assertThatThrownBy(() -> abc.customers().get(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> abc.customers().get(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void wholeUnitsBreakingARuleAreRefusedNamingTheField() {
        assertThatThrownBy(() -> AbcAnalysis.ofUnits(List.of("a", "b"), new long[] {1, -1}, 2, AbcThresholds.DEFAULT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("units[1]");
        assertThatThrownBy(() -> AbcAnalysis.ofUnits(List.of("b", "a", "b"), new long[] {1, 2, 3}, 2,
                AbcThresholds.DEFAULT)).isInstanceOf(ValidationException.class).hasMessageContaining("repeat");
        assertThatThrownBy(() -> AbcAnalysis.ofUnits(List.of("a"), new long[] {1, 2}, 2, AbcThresholds.DEFAULT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("units");
        assertThatThrownBy(() -> AbcAnalysis.ofUnits(List.of("a"), new long[] {0}, 2, AbcThresholds.DEFAULT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("units").hasMessageContaining("zero");
        assertThatThrownBy(() -> AbcAnalysis.ofNetSpend(Transactions.of(List.of()), AbcThresholds.DEFAULT))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("transactions");
        assertThatThrownBy(() -> AbcAnalysis.ofUnits(List.of("a"), new long[] {1}, -1, AbcThresholds.DEFAULT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scale");
    }

    @Test
    void netMarginRanksByTheMarginsTheTransactionsCarry() {
        java.util.Currency eur = java.util.Currency.getInstance("EUR");
        LocalDate day = LocalDate.of(2024, 1, 1);
        Transactions batch = Transactions.of(List.of(
                Transaction.of("a", day, new BigDecimal("100.00"), eur).withMargin(new BigDecimal("10.00")),
                Transaction.of("b", day, new BigDecimal("50.00"), eur).withMargin(new BigDecimal("30.00")),
                Transaction.of("b", day.plusDays(1), new BigDecimal("-20.00"), eur).withMargin(new BigDecimal("-5.00")),
                Transaction.of("c", day, new BigDecimal("500.00"), eur)));
        AbcAnalysis byMargin = AbcAnalysis.ofNetMargin(batch, AbcThresholds.DEFAULT);
        assertThat(byMargin.customers()).extracting(AbcCustomer::customerId).containsExactly("b", "a", "c");
        assertThat(byMargin.customer("b").orElseThrow().value()).isEqualByComparingTo("25.00");
        assertThat(byMargin.customer("c").orElseThrow().value()).isEqualByComparingTo("0");
        assertThat(byMargin.total()).isEqualByComparingTo("35.00");
        // by spend the order is the other way round
        assertThat(AbcAnalysis.ofNetSpend(batch, AbcThresholds.DEFAULT).customers()).extracting(AbcCustomer::customerId)
                .containsExactly("c", "a", "b");
        Transactions noMargin = Transactions.of(List.of(Transaction.of("a", day, BigDecimal.TEN, eur)));
        assertThatThrownBy(() -> AbcAnalysis.ofNetMargin(noMargin, AbcThresholds.DEFAULT))
                .isInstanceOf(ValidationException.class).hasMessageContaining("margin");
    }
}
