package org.crmkit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Bad KPI definitions, periods, owners and method tables are refused naming the field and the rule. */
class KpiDefinitionTest {

    private static final KpiOwner SAM = KpiOwner.staff(StaffId.of("sam"));

    /** A valid definition with one component replaced. */
    private static final class Def {
        String name = "Revenue";
        String description = "Net revenue of delivered orders";
        Measure measure = Measure.DELIVERED_REVENUE;
        BigDecimal target = new BigDecimal("1000.00");
        Direction direction = Direction.HIGHER_IS_BETTER;
        String currency = "EUR";
        String goal = "Grow";
        TimeFrame frame = TimeFrame.quarterly();
        KpiOwner owner = SAM;

        KpiDefinition build() {
            return new KpiDefinition(name, description, measure, target, direction, currency, goal, frame, owner);
        }
    }

    private static void refused(Consumer<Def> change, String field, String rule) {
        Def d = new Def();
        change.accept(d);
        assertThatThrownBy(d::build).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.rule()).contains(rule);
        });
    }

    @Test
    void aTargetWithAHugeExponentIsRefusedWithoutBeingSpeltOut() {
        // toPlainString() of -1e-999999999 in the message would be a billion characters: an OutOfMemoryError
        Def d = new Def();
        d.target = new BigDecimal("-1E-999999999");
        assertThatThrownBy(d::build).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo("target");
            assertThat(e.getMessage()).contains("-1E-999999999");
        });
        refused(x -> x.target = new BigDecimal("1E-999999999"), "target", "fraction digits");
    }

    @Test
    void aValidDefinitionKeepsItsPartsStripped() {
        Def d = new Def();
        d.name = "  Revenue ";
        d.currency = "eur".toUpperCase();
        KpiDefinition k = d.build();
        assertThat(k.name()).isEqualTo("Revenue");
        assertThat(k.goal()).contains("Grow");
        assertThat(k.measure().perspective()).isEqualTo(EnterprisePerspective.FINANCIAL);
    }

    @Test
    void everyBadPartIsRefusedNamingItsField() {
        refused(d -> d.name = " ", "name", "must not be blank");
        refused(d -> d.name = "x".repeat(201), "name", "at most 200");
        refused(d -> d.description = null, "description", "must not be blank");
        refused(d -> d.measure = null, "measure", "must not be null");
        refused(d -> d.target = null, "target", "must not be null");
        refused(d -> d.target = new BigDecimal("-1"), "target", "must not be negative");
        refused(d -> d.target = new BigDecimal("10.001"), "target", "fraction digits");
        refused(d -> d.direction = null, "direction", "must not be null");
        refused(d -> d.currency = null, "currency", "must be given");
        refused(d -> d.currency = "EURO", "currency", "ISO 4217");
        refused(d -> d.goal = " ", "parentGoal", "must not be blank");
        refused(d -> d.frame = null, "timeFrame", "must not be null");
        refused(d -> d.owner = null, "owner", "must not be null");
        refused(d -> {
            d.measure = Measure.DELIVERED_ORDERS;
            d.target = BigDecimal.TEN;
        }, "currency", "must be absent");
        refused(d -> {
            d.measure = Measure.DELIVERED_ORDERS;
            d.currency = null;
            d.target = new BigDecimal("2.5");
        }, "target", "whole number");
        refused(d -> {
            d.measure = Measure.AVERAGE_SURVEY_SCORE;
            d.currency = null;
            d.target = new BigDecimal("5.5");
        }, "target", "1 to 5");
        refused(d -> {
            d.measure = Measure.CSAT;
            d.currency = null;
            d.target = new BigDecimal("101");
        }, "target", "at most 100");
        refused(d -> {
            d.measure = Measure.CAMPAIGN_RETURN;
            d.currency = null;
            d.target = new BigDecimal("1.5");
        }, "currency", "must be given");
    }

    @Test
    void badPeriodsTimeFramesAndOwnersAreRefused() {
        assertThatThrownBy(() -> KpiPeriod.between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("period.to"));
        assertThatThrownBy(() -> KpiPeriod.quarter(2026, 5)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("period.quarter"));
        assertThatThrownBy(() -> new TimeFrame(TimeFrame.Recurrence.FIXED, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeFrame.fixed"));
        assertThatThrownBy(() -> new TimeFrame(TimeFrame.Recurrence.MONTHLY, KpiPeriod.month(YearMonth.of(2026, 1))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("timeFrame.fixed"));
        assertThatThrownBy(() -> KpiOwner.team("sales", Set.of())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("owner.members"));
        assertThatThrownBy(() -> KpiOwner.team(" ", Set.of(StaffId.of("sam"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("owner.name"));
        assertThatThrownBy(() -> KpiOwner.staff(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("owner.staff"));
    }

    @Test
    void timeFramesPickTheCalendarPeriodOfTheDay() {
        LocalDate day = LocalDate.of(2026, 8, 17);
        assertThat(TimeFrame.monthly().periodFor(day)).isEqualTo(KpiPeriod.between(LocalDate.of(2026, 8, 1),
                LocalDate.of(2026, 8, 31)));
        assertThat(TimeFrame.quarterly().periodFor(day)).isEqualTo(KpiPeriod.between(LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 9, 30)));
        assertThat(TimeFrame.yearly().periodFor(day)).isEqualTo(KpiPeriod.between(LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31)));
        KpiPeriod fixed = KpiPeriod.quarter(2025, 4);
        assertThat(TimeFrame.fixed(fixed).periodFor(day)).isEqualTo(fixed);
        assertThat(fixed).isEqualTo(KpiPeriod.between(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void ownersCoverTheirStaff() {
        KpiOwner team = KpiOwner.team("sales", Set.of(StaffId.of("sam"), StaffId.of("kim")));
        assertThat(team.covers("kim")).isTrue();
        assertThat(team.covers("tom")).isFalse();
        assertThat(team.covers(null)).isFalse();
        assertThat(SAM.covers("sam")).isTrue();
        assertThat(SAM.covers(null)).isFalse();
        assertThat(KpiOwner.company().covers(null)).isTrue();
    }

    @Test
    void badMethodTablesAreRefused() {
        assertThatThrownBy(() -> PointsTable.of(Map.of("chair", new BigDecimal("-1"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("pointsPerUnit"));
        Map<WorkOrderPriority, BigDecimal> partial = new EnumMap<>(WorkOrderPriority.class);
        partial.put(WorkOrderPriority.LOW, BigDecimal.ONE);
        assertThatThrownBy(() -> new ServicePoints(partial, BigDecimal.ONE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("pointsByPriority"))
                .hasMessageContaining("NORMAL");
        assertThatThrownBy(() -> ServicePoints.defaults().withUnratedRating(new BigDecimal("5.1")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("unratedRating"));
        assertThatThrownBy(() -> ServicePoints.flat(new BigDecimal("-2")))
                .isInstanceOf(ValidationException.class);
    }
}
