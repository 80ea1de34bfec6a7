package org.crmkit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.kpi.KpiDefinitionRecord;
import org.junit.jupiter.api.Test;

/** Stored KPIs: defined, revised, retired and listed through the storage SPI; events after commit. */
class KpiDefinitionsTest {

    private static final StaffId BOSS = StaffId.of("boss");

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(events::add).build();
    private final KpiDefinitions kpis = crm.kpiDefinitions("acme");

    private static KpiDefinition revenue(String target, KpiOwner owner, TimeFrame frame) {
        return new KpiDefinition("Revenue", "Net revenue of delivered orders", Measure.DELIVERED_REVENUE,
                new BigDecimal(target), Direction.HIGHER_IS_BETTER, "EUR", "Grow", frame, owner);
    }

    @Test
    void aDefinedKpiIsStoredAndComesBackEqual() {
        KpiDefinition team = revenue("50000.00", KpiOwner.team("Sales Berlin", Set.of(BOSS, StaffId.of("sam"))),
                TimeFrame.fixed(KpiPeriod.quarter(2026, 2)));
        Kpi k = kpis.define(team, BOSS);

        assertThat(k.version()).isEqualTo(1);
        assertThat(k.status()).isEqualTo(KpiStatus.ACTIVE);
        Kpi back = kpis.get(k.id());
        assertThat(back.definition()).isEqualTo(team);
        assertThat(back.definedBy()).isEqualTo(BOSS);
        assertThat(back.createdAt()).isEqualTo(clock.instant());
        assertThat(events).singleElement().isInstanceOf(KpiEvent.Defined.class);
        assertThat(crm.kpiDefinitions("globex").find(k.id())).isEmpty();
    }

    @Test
    void everyOwnerAndTimeFrameSurvivesTheRecord() {
        for (KpiDefinition d : List.of(revenue("1.00", KpiOwner.company(), TimeFrame.monthly()),
                revenue("2.50", KpiOwner.staff(BOSS), TimeFrame.yearly()),
                new KpiDefinition("CSAT", "Satisfied share", Measure.CSAT, new BigDecimal("80"),
                        Direction.LOWER_IS_BETTER, null, null, TimeFrame.fixed(KpiPeriod.month(YearMonth.of(2026, 1))),
                        KpiOwner.team("Service", Set.of(StaffId.of("tom")))))) {
            Kpi k = Kpi.define(KpiId.of(UUID.randomUUID()), org.crmkit.core.common.TenantId.of("acme"), d, BOSS,
                    clock.instant());
            KpiDefinitionRecord r = k.toRecord();
            assertThat(Kpi.restore(r).definition()).isEqualTo(d);
            assertThat(r.version()).isEqualTo(1);
        }
    }

    @Test
    void anActiveKpiIsRevisedAndRetiredOnceAndARetiredOneRefusesChange() {
        Kpi k = kpis.define(revenue("100.00", KpiOwner.staff(BOSS), TimeFrame.quarterly()), BOSS);
        clock.advance(Duration.ofDays(1));
        KpiDefinition raised = revenue("150.00", KpiOwner.staff(BOSS), TimeFrame.quarterly());

        Kpi revised = kpis.revise(k.id(), raised, BOSS);
        assertThat(revised.version()).isEqualTo(2);
        assertThat(kpis.revise(k.id(), raised, BOSS).version()).as("the same definition changes nothing")
                .isEqualTo(2);
        Kpi retired = kpis.retire(k.id(), BOSS);
        assertThat(retired.status()).isEqualTo(KpiStatus.RETIRED);
        assertThat(kpis.list(KpiStatus.RETIRED)).extracting(Kpi::id).containsExactly(k.id());
        assertThat(kpis.list(KpiStatus.ACTIVE)).isEmpty();

        assertThatThrownBy(() -> kpis.retire(k.id(), BOSS)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("RETIRED").hasMessageContaining("retire");
        assertThatThrownBy(() -> kpis.revise(k.id(), raised, BOSS)).isInstanceOf(IllegalTransitionException.class);
        assertThat(kpis.get(k.id()).version()).isEqualTo(3);
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Defined", "Revised", "Retired");
    }

    @Test
    void anUnknownKpiIsRefusedNamingTheField() {
        KpiId unknown = KpiId.of(UUID.randomUUID());
        assertThatThrownBy(() -> kpis.get(unknown)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("kpiId"));
        assertThatThrownBy(() -> kpis.retire(unknown, BOSS)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> kpis.define(null, BOSS)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("definition"));
    }

    @Test
    void aStoredKpiIsEvaluatedLikeAnyOther() {
        Kpi k = kpis.define(new KpiDefinition("New customers", "Customers registered this month",
                Measure.NEW_CUSTOMERS, BigDecimal.ONE, Direction.HIGHER_IS_BETTER, null, null, TimeFrame.monthly(),
                KpiOwner.company()), BOSS);
        KpiResult r = crm.kpis("acme").evaluate(kpis.get(k.id()).definition());
        assertThat(r.actual()).contains(BigDecimal.ZERO);
        assertThat(r.met()).isFalse();
    }
}
