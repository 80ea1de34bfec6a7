package org.crmkit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.crmkit.core.kpi.KpiScenario.ACME;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

/**
 * Invariants of the KPI evaluation: attainment agrees with the direction and with "met"; rankings
 * are sorted with competition ranks; a ranking's totals are the sums of its rows and a row's the
 * sums of its lines; and the methods agree with each other and with the measures on the same data.
 */
class KpiPropertiesTest {

    private static final KpiPeriod MARCH = KpiPeriod.month(YearMonth.of(2026, 3));
    private static final String[] PRODUCTS = {"chair", "lamp", "desk"};
    private static final BigDecimal[] PRICES = {new BigDecimal("100.00"), new BigDecimal("40.00"),
            new BigDecimal("300.00")};
    private static final StaffId[] STAFF = {StaffId.of("ann"), StaffId.of("bob"), StaffId.of("cat")};

    private static KpiDefinition definition(Measure measure, BigDecimal target, Direction direction) {
        return new KpiDefinition("k", "d", measure, target, direction, null, null, TimeFrame.fixed(MARCH),
                KpiOwner.company());
    }

    @Test
    void attainmentAndMetAgreeWithTheDirection() {
        qt().withExamples(500).withFixedSeed(20261123L)
                .forAll(integers().between(0, 2000), integers().between(0, 2000), booleans().all())
                .checkAssert((a, t, higher) -> {
                    Direction direction = higher ? Direction.HIGHER_IS_BETTER : Direction.LOWER_IS_BETTER;
                    BigDecimal actual = BigDecimal.valueOf(a);
                    BigDecimal target = BigDecimal.valueOf(t);
                    KpiResult r = new KpiResult(definition(Measure.DELIVERED_ORDERS, target, direction), MARCH,
                            Optional.of(actual), List.of(), List.of());
                    assertThat(r.met()).isEqualTo(higher ? a >= t : a <= t);
                    if ((higher ? t : a) == 0) {
                        assertThat(r.attainmentPercent()).isEmpty();
                    } else {
                        BigDecimal pct = r.attainmentPercent().orElseThrow();
                        if (r.met()) {
                            assertThat(pct).isGreaterThanOrEqualTo(new BigDecimal("100"));
                        } else {
                            assertThat(pct).isLessThanOrEqualTo(new BigDecimal("100"));
                        }
                        BigDecimal exact = higher ? actual.multiply(BigDecimal.valueOf(100)).divide(target, 10,
                                java.math.RoundingMode.HALF_UP) : target.multiply(BigDecimal.valueOf(100))
                                .divide(actual, 10, java.math.RoundingMode.HALF_UP);
                        assertThat(pct.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
                    }
                    KpiResult none = new KpiResult(r.definition(), MARCH, Optional.empty(), List.of(), List.of());
                    assertThat(none.met()).isFalse();
                    assertThat(none.attainmentPercent()).isEmpty();
                });
    }

    @Test
    void rankingsAreSortedAndTheirTotalsAreTheSumsOfTheirLines() {
        // each deal: salesperson = code % 3, product = code / 3 % 3, quantity = code / 9 % 4 + 1
        qt().withExamples(20).withFixedSeed(7L)
                .forAll(lists().of(integers().between(0, 35)).ofSizeBetween(1, 6), integers().between(0, 50))
                .checkAssert(this::checkRankings);
    }

    private void checkRankings(List<Integer> deals, Integer chairCost) {
        KpiScenario sc = new KpiScenario();
        Kpis kpis = sc.crm.kpis(ACME);
        CustomerId customer = sc.customer("Li", "ann", "li@example.cn");
        BigDecimal expectedRevenue = BigDecimal.ZERO;
        BigDecimal expectedPoints = BigDecimal.ZERO;
        for (int code : deals) {
            int product = code / 3 % 3;
            int quantity = code / 9 % 4 + 1;
            sc.deal(customer, STAFF[code % 3], null, "EUR", true, PRODUCTS[product], String.valueOf(quantity));
            expectedRevenue = expectedRevenue.add(PRICES[product].multiply(BigDecimal.valueOf(quantity)));
            expectedPoints = expectedPoints.add(BigDecimal.valueOf((long) (product + 1) * quantity));
        }
        // chair costed (possibly above its price: a loss), desk costed, lamp never
        UnitCosts costs = UnitCosts.of(Map.of("chair", Money.of(BigDecimal.valueOf(chairCost * 3L), "EUR"),
                "desk", Money.of("250.00", "EUR")));
        StaffRanking<MarginRow> margin = kpis.salesGrossMargin(MARCH, "EUR", costs);
        StaffRanking<PointsRow> points = kpis.salesPoints(MARCH, PointsTable.of(Map.of("chair", BigDecimal.ONE,
                "lamp", BigDecimal.valueOf(2), "desk", BigDecimal.valueOf(3))));

        assertRanked(margin.rows());
        assertRanked(points.rows());
        BigDecimal allRevenue = BigDecimal.ZERO;
        for (MarginRow row : margin.rows()) {
            Money costed = Money.zero("EUR");
            Money uncosted = Money.zero("EUR");
            Money cost = Money.zero("EUR");
            for (MarginLine line : row.lines()) {
                if (line.costed()) {
                    costed = costed.plus(line.revenue());
                    cost = cost.plus(line.cost().orElseThrow());
                    assertThat(line.margin()).contains(line.revenue().minus(line.cost().orElseThrow()));
                } else {
                    uncosted = uncosted.plus(line.revenue());
                    assertThat(line.margin()).isEmpty();
                }
            }
            assertThat(row.revenue()).isEqualTo(costed);
            assertThat(row.cost()).isEqualTo(cost);
            assertThat(row.margin()).isEqualTo(costed.minus(cost));
            assertThat(row.uncostedRevenue()).isEqualTo(uncosted);
            allRevenue = allRevenue.add(row.revenue().amount()).add(row.uncostedRevenue().amount());
        }
        assertThat(margin.total()).isEqualByComparingTo(margin.rows().stream().map(r -> r.margin().amount())
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(allRevenue).isEqualByComparingTo(expectedRevenue);
        // the measure and the method read the same orders
        KpiDefinition revenue = new KpiDefinition("r", "d", Measure.DELIVERED_REVENUE, BigDecimal.ONE,
                Direction.HIGHER_IS_BETTER, "EUR", null, TimeFrame.fixed(MARCH), KpiOwner.company());
        assertThat(kpis.evaluate(revenue, MARCH).actual().orElseThrow()).isEqualByComparingTo(expectedRevenue);
        for (PointsRow row : points.rows()) {
            assertThat(row.points()).isEqualByComparingTo(row.lines().stream().map(PointsLine::points)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        assertThat(points.total()).isEqualByComparingTo(expectedPoints);
        assertThat(points.rows().stream().mapToInt(r -> r.lines().size()).sum()).isEqualTo(deals.size());
        assertThat(margin.rows()).extracting(MarginRow::staff)
                .containsExactlyInAnyOrderElementsOf(points.rows().stream().map(PointsRow::staff).toList());
    }

    private static void assertRanked(List<? extends RankedRow> rows) {
        for (int i = 0; i < rows.size(); i++) {
            RankedRow row = rows.get(i);
            if (i == 0) {
                assertThat(row.rank()).isEqualTo(1);
                continue;
            }
            RankedRow before = rows.get(i - 1);
            int c = before.score().compareTo(row.score());
            assertThat(c).as("sorted best first").isGreaterThanOrEqualTo(0);
            if (c == 0) {
                assertThat(row.rank()).isEqualTo(before.rank());
                assertThat(before.staff().value()).isLessThan(row.staff().value());
            } else {
                assertThat(row.rank()).isEqualTo(i + 1);
            }
        }
    }
}
