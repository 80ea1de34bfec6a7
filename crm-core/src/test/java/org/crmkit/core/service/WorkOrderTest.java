package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.WorkOrderRecord;
import org.junit.jupiter.api.Test;

class WorkOrderTest {
    private static final Instant T = Instant.parse("2026-05-04T10:00:00Z");
    private static final StaffId AGENT = StaffId.of("agent-7");
    private static final StaffId LEAD = StaffId.of("lead-1");

    private static WorkOrder opened() {
        return WorkOrder.open(WorkOrderId.of(UUID.randomUUID()), TenantId.of("acme"), CustomerId.of(UUID.randomUUID()),
                OrderId.of(UUID.randomUUID()), new CampaignId(UUID.randomUUID()), WorkOrderOrigin.ORDER,
                "  Washing machine leaks ", "Water on the floor", WorkOrderPriority.HIGH, LEAD, T);
    }

    @Test
    void anOpenedWorkOrderIsOpenWithOneStepAndAnOpenedEvent() {
        WorkOrder w = opened();
        assertThat(w.status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(w.subject()).isEqualTo("Washing machine leaks");
        assertThat(w.version()).isZero();
        assertThat(w.steps()).extracting(WorkOrderStep::what).containsExactly(WorkOrderStepKind.OPENED);
        assertThat(w.recordedEvents()).singleElement().isInstanceOf(WorkOrderEvent.Opened.class);
    }

    @Test
    void aWorkOrderGoesFromOpenToClosedTrackingEveryStep() {
        WorkOrder w = opened();
        w.assign(AGENT, LEAD, T.plusSeconds(1));
        w.start(AGENT, T.plusSeconds(2));
        w.resolve(AGENT, "Seal replaced", T.plusSeconds(3));
        assertThat(w.resolvedAt()).contains(T.plusSeconds(3));
        w.close(null, T.plusSeconds(4));
        assertThat(w.status()).isEqualTo(WorkOrderStatus.CLOSED);
        assertThat(w.steps()).extracting(WorkOrderStep::what).containsExactly(WorkOrderStepKind.OPENED,
                WorkOrderStepKind.ASSIGNED, WorkOrderStepKind.STARTED, WorkOrderStepKind.RESOLVED,
                WorkOrderStepKind.CLOSED);
        assertThat(w.recordedEvents()).hasSize(5);
        assertThat(w.assignee()).contains(AGENT);
    }

    @Test
    void startingWithoutAnAssigneeMakesTheStarterTheAssignee() {
        WorkOrder w = opened();
        w.start(AGENT, T);
        assertThat(w.assignee()).contains(AGENT);
    }

    @Test
    void aResolvedWorkOrderCanBeReopenedAndResolvedAgain() {
        WorkOrder w = opened();
        w.start(AGENT, T);
        w.resolve(AGENT, null, T);
        w.reopen(null, "Still leaks", T.plusSeconds(60));
        assertThat(w.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(w.resolvedAt()).isEmpty();
        assertThat(w.recordedEvents()).last().isInstanceOf(WorkOrderEvent.Reopened.class);
        w.resolve(AGENT, "New pump", T.plusSeconds(120));
        assertThat(w.status()).isEqualTo(WorkOrderStatus.RESOLVED);
    }

    @Test
    void illegalMovesAreRefusedNamingTheAggregateStateAndMoveAndChangeNothing() {
        WorkOrder w = opened();
        WorkOrderRecord before = w.toRecord();
        assertThatThrownBy(() -> w.resolve(AGENT, "done", T))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("work order");
                    assertThat(e.id()).isEqualTo(w.id().value());
                    assertThat(e.state()).isEqualTo("OPEN");
                    assertThat(e.move()).startsWith("resolve");
                });
        assertThatThrownBy(() -> w.close(AGENT, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> w.reopen(AGENT, null, T)).isInstanceOf(IllegalTransitionException.class);
        assertThat(w.toRecord()).isEqualTo(before);
        assertThat(w.recordedEvents()).hasSize(1);
    }

    @Test
    void aClosedWorkOrderRefusesEveryVerb() {
        WorkOrder w = opened();
        w.start(AGENT, T);
        w.resolve(AGENT, null, T);
        w.close(AGENT, T);
        WorkOrderRecord before = w.toRecord();
        assertThatThrownBy(() -> w.assign(LEAD, LEAD, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> w.start(AGENT, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> w.reopen(AGENT, null, T)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> w.close(AGENT, T)).isInstanceOf(IllegalTransitionException.class);
        assertThat(w.toRecord()).isEqualTo(before);
    }

    @Test
    void assigningTheCurrentAssigneeAgainChangesNothing() {
        WorkOrder w = opened();
        w.assign(AGENT, LEAD, T);
        int events = w.recordedEvents().size();
        w.assign(AGENT, LEAD, T);
        assertThat(w.recordedEvents()).hasSize(events);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> WorkOrder.open(WorkOrderId.of(UUID.randomUUID()), TenantId.of("acme"),
                CustomerId.of(UUID.randomUUID()), null, null, WorkOrderOrigin.CALL, " ", null, WorkOrderPriority.LOW,
                null, T)).isInstanceOf(ValidationException.class).extracting("field").isEqualTo("subject");
        assertThatThrownBy(() -> WorkOrder.open(WorkOrderId.of(UUID.randomUUID()), TenantId.of("acme"),
                CustomerId.of(UUID.randomUUID()), null, null, WorkOrderOrigin.CALL, "x", null, null, null, T))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("priority");
        assertThatThrownBy(() -> opened().assign(null, LEAD, T))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("assignee");
    }

    @Test
    void aRecordRoundTripsThroughRestore() {
        WorkOrder w = opened();
        w.assign(AGENT, LEAD, T);
        w.start(AGENT, T.plusSeconds(1));
        w.resolve(AGENT, "fixed", T.plusSeconds(2));
        WorkOrderRecord record = w.toRecord();
        WorkOrder back = WorkOrder.restore(record);
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.recordedEvents()).isEmpty();
        assertThat(back.steps()).isEqualTo(w.steps());
        assertThat(new WorkOrderRecord(record.id(), record.tenant(), 2, record.customerId(), record.orderId(),
                record.campaignId(), record.subject(), record.description(), record.priority(), record.status(),
                record.assigneeId(), record.origin(), record.steps(), record.createdAt(), record.resolvedAt(),
                record.requiredSkill(), record.responseDueAt(), record.resolutionDueAt(), record.respondedAt(),
                record.breaches()))
                .isEqualTo(back.toRecord());
    }

    @Test
    void restoreRefusesAResolvedRecordWithoutItsResolutionTime() {
        WorkOrder w = opened();
        WorkOrderRecord r = w.toRecord();
        WorkOrderRecord broken = new WorkOrderRecord(r.id(), r.tenant(), 1, r.customerId(), null, null, r.subject(),
                null, r.priority(), "RESOLVED", null, r.origin(), r.steps(), r.createdAt(), null);
        assertThatThrownBy(() -> WorkOrder.restore(broken)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("resolvedAt");
    }

    @Test
    void theStatusTableAllowsOnlyTheDocumentedMoves() {
        assertThat(WorkOrderStatus.OPEN.successors()).containsExactly(WorkOrderStatus.IN_PROGRESS);
        assertThat(WorkOrderStatus.IN_PROGRESS.successors()).containsExactly(WorkOrderStatus.RESOLVED);
        assertThat(WorkOrderStatus.RESOLVED.successors())
                .containsExactlyInAnyOrder(WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.CLOSED);
        assertThat(WorkOrderStatus.CLOSED.successors()).isEmpty();
        assertThat(WorkOrderStatus.OPEN.canTransitionTo(null)).isFalse();
    }
}
