package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.RelationshipLevel;
import org.junit.jupiter.api.Test;

/** Due times from the policy, breach detection and breach recording, on a stepping clock. */
class ServiceLevelBreachTest {

    private static final StaffId ANN = StaffId.of("ann");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final Instant t0 = f.clock.instant();

    private CustomerId customer(RelationshipLevel level) {
        return f.customers.register(RegisterCustomer.builder(CustomerType.B2C, "Li " + level, "x")
                .relationshipLevel(level).build()).id();
    }

    @Test
    void dueTimesComeFromTheCustomersRelationshipLevelAndThePriority() {
        WorkOrder basic = f.desk.openWorkOrder(customer(RelationshipLevel.BASIC), WorkOrderOrigin.CALL, "x", null,
                WorkOrderPriority.NORMAL, null);
        assertThat(basic.responseDueAt()).contains(t0.plus(Duration.ofHours(8)));
        assertThat(basic.resolutionDueAt()).contains(t0.plus(Duration.ofHours(72)));
        WorkOrder partner = f.desk.openWorkOrder(customer(RelationshipLevel.PARTNERSHIP), WorkOrderOrigin.CALL, "x",
                null, WorkOrderPriority.URGENT, null);
        assertThat(partner.responseDueAt()).contains(t0.plus(Duration.ofMinutes(15)));
        assertThat(partner.resolutionDueAt()).contains(t0.plus(Duration.ofHours(2)));
        assertThat(f.desk.getWorkOrder(partner.id()).resolutionDueAt()).contains(t0.plus(Duration.ofHours(2)));
    }

    @Test
    void nothingIsBreachedBeforeTheDueTimeNorExactlyAtIt() {
        WorkOrder w = urgentBasic();
        assertThat(f.desk.breaches(t0.plus(Duration.ofMinutes(59)))).isEmpty();
        assertThat(f.desk.breaches(t0.plus(Duration.ofHours(1)))).isEmpty();
        assertThat(w.breachesAt(t0.plus(Duration.ofHours(1)))).isEmpty();
    }

    @Test
    void anUnansweredWorkOrderIsListedAsPendingWithTheTargetAndHowLate() {
        WorkOrder w = urgentBasic();
        List<ServiceLevelBreach> at90 = f.desk.breaches(t0.plus(Duration.ofMinutes(90)));
        assertThat(at90).containsExactly(new ServiceLevelBreach(w.id(), ServiceTarget.RESPONSE,
                t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofMinutes(90)), true));
        assertThat(at90.get(0).lateBy()).isEqualTo(Duration.ofMinutes(30));
        List<ServiceLevelBreach> at9h = f.desk.breaches(t0.plus(Duration.ofHours(9)));
        assertThat(at9h).extracting(ServiceLevelBreach::target)
                .containsExactly(ServiceTarget.RESPONSE, ServiceTarget.RESOLUTION);
        assertThat(at9h.get(1).lateBy()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aLateFirstResponseIsRecordedOnTheWorkOrderWithAStepAndAnEvent() {
        WorkOrder w = urgentBasic();
        f.clock.advance(Duration.ofMinutes(75));
        f.desk.registerAgent(ANN, "Ann", List.of(), 3, null);
        assertThat(f.desk.dispatchQueued()).singleElement().satisfies(o -> assertThat(o.assignee()).contains(ANN));
        WorkOrder late = f.desk.getWorkOrder(w.id());
        ServiceLevelBreach expected = new ServiceLevelBreach(w.id(), ServiceTarget.RESPONSE,
                t0.plus(Duration.ofHours(1)), t0.plus(Duration.ofMinutes(75)), false);
        assertThat(late.breaches()).containsExactly(expected);
        assertThat(late.respondedAt()).contains(t0.plus(Duration.ofMinutes(75)));
        assertThat(late.steps()).extracting(WorkOrderStep::what).containsExactly(WorkOrderStepKind.OPENED,
                WorkOrderStepKind.ASSIGNED, WorkOrderStepKind.SERVICE_LEVEL_BREACHED, WorkOrderStepKind.DISPATCHED);
        assertThat(late.steps().get(2).note()).isEqualTo("RESPONSE due " + t0.plus(Duration.ofHours(1))
                + ", late by PT15M");
        assertThat(f.events(WorkOrderEvent.ServiceLevelBreached.class)).singleElement().satisfies(e -> {
            assertThat(e.target()).isEqualTo(ServiceTarget.RESPONSE);
            assertThat(e.lateBy()).isEqualTo(Duration.ofMinutes(15));
        });
        // the recorded breach is listed as settled, not pending, and no longer grows
        assertThat(f.desk.breaches(t0.plus(Duration.ofHours(2)))).containsExactly(expected);
        // starting later is not a second first response
        f.clock.advance(Duration.ofHours(1));
        f.desk.start(w.id(), ANN);
        assertThat(f.desk.getWorkOrder(w.id()).breaches()).hasSize(1);
    }

    @Test
    void anOnTimeResponseAndALateResolutionRecordOnlyTheResolution() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 3, null);
        WorkOrder w = urgentBasic();
        assertThat(w.assignee()).contains(ANN);
        f.clock.advance(Duration.ofHours(1));
        f.desk.start(w.id(), ANN);
        f.clock.advance(Duration.ofHours(8));
        WorkOrder resolved = f.desk.resolve(w.id(), ANN, "fixed");
        assertThat(resolved.breaches()).containsExactly(new ServiceLevelBreach(w.id(), ServiceTarget.RESOLUTION,
                t0.plus(Duration.ofHours(8)), t0.plus(Duration.ofHours(9)), false));
        assertThat(resolved.steps()).extracting(WorkOrderStep::what).endsWith(WorkOrderStepKind.RESOLVED,
                WorkOrderStepKind.SERVICE_LEVEL_BREACHED);
        // reopened and resolved late again: the resolution target is breached once only
        f.desk.reopen(w.id(), null, "back");
        f.clock.advance(Duration.ofHours(1));
        assertThat(f.desk.breaches()).hasSize(1);
        assertThat(f.desk.resolve(w.id(), ANN, "fixed again").breaches()).hasSize(1);
        // once closed, the work order leaves the list; its breach stays recorded on it
        f.desk.close(w.id(), null);
        assertThat(f.desk.breaches()).isEmpty();
        assertThat(f.desk.getWorkOrder(w.id()).breaches()).hasSize(1);
    }

    @Test
    void anOnTimeWorkOrderRecordsNoBreach() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 3, null);
        WorkOrder w = urgentBasic();
        f.clock.advance(Duration.ofHours(8));
        WorkOrder done = f.desk.resolve(f.desk.start(w.id(), ANN).id(), ANN, "fixed");
        assertThat(done.breaches()).isEmpty();
        assertThat(f.events(WorkOrderEvent.ServiceLevelBreached.class)).isEmpty();
        assertThat(f.desk.breaches(t0.plus(Duration.ofDays(30)))).isEmpty();
    }

    @Test
    void theBuildersPolicyGivesTheDueTimes() {
        org.crmkit.core.TestClock clock = org.crmkit.core.TestClock.at("2026-05-04T10:00:00Z");
        ServiceLevelPolicy policy = ServiceLevelPolicy.defaults().with(RelationshipLevel.BASIC, WorkOrderPriority.LOW,
                ServiceLevelTargets.of(Duration.ofMinutes(5), Duration.ofMinutes(50)));
        org.crmkit.core.Crm crm = org.crmkit.core.Crm.builder()
                .storage(org.crmkit.core.memory.InMemoryStorage.create()).clock(clock).serviceLevels(policy).build();
        ServiceDesk desk = crm.serviceDesk("acme");
        assertThat(desk.serviceLevels()).isEqualTo(policy);
        CustomerId c = crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "Li", "x").build())
                .id();
        WorkOrder w = desk.openWorkOrder(c, WorkOrderOrigin.CALL, "x", null, WorkOrderPriority.LOW, null);
        assertThat(w.responseDueAt()).contains(clock.instant().plus(Duration.ofMinutes(5)));
        assertThat(w.resolutionDueAt()).contains(clock.instant().plus(Duration.ofMinutes(50)));
        assertThat(desk.breaches(clock.instant().plus(Duration.ofMinutes(6)))).singleElement()
                .satisfies(b -> assertThat(b.target()).isEqualTo(ServiceTarget.RESPONSE));
    }

    private WorkOrder urgentBasic() {
        return f.desk.openWorkOrder(customer(RelationshipLevel.BASIC), WorkOrderOrigin.CALL, "Down", null,
                WorkOrderPriority.URGENT, null);
    }
}
