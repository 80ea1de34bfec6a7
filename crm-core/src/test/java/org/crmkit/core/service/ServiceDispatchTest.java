package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ServiceAgentRecord;
import org.junit.jupiter.api.Test;

/** Agents, ratings from stored surveys, and automatic dispatch through {@link ServiceDesk}. */
class ServiceDispatchTest {

    private static final StaffId ANN = StaffId.of("ann");
    private static final StaffId BOB = StaffId.of("bob");
    private static final StaffId LEAD = StaffId.of("lead");
    private static final Skill PLUMBING = Skill.of("plumbing");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final Surveys surveys = new Surveys(f.tenant, f.storage, f.clock, f.ids, f.published::add);
    private final CustomerId li = f.customer("Li Wei");

    @Test
    void registeringAnAgentStoresItAvailableWithItsSkillsAndCapacity() {
        ServiceAgent a = f.desk.registerAgent(ANN, "Ann Lee", List.of(Skill.of("Plumbing"), Skill.of("refunds")), 3,
                LEAD);
        assertThat(a.version()).isEqualTo(1);
        assertThat(f.desk.findAgent(ANN)).hasValueSatisfying(x -> {
            assertThat(x.skills()).containsExactly(PLUMBING, Skill.of("refunds"));
            assertThat(x.capacity()).isEqualTo(3);
            assertThat(x.available()).isTrue();
            assertThat(x.displayName()).isEqualTo("Ann Lee");
        });
        assertThat(f.events(ServiceAgentEvent.Registered.class)).hasSize(1);
        assertThat(f.desk.agentRating(ANN)).isEqualTo(AgentRating.unrated(ANN));
        assertThat(f.desk.agentLoad(ANN)).isZero();
    }

    @Test
    void badAgentInputIsRefusedNamingTheFieldAndNothingIsStored() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 1, null);
        assertThatThrownBy(() -> f.desk.registerAgent(ANN, "Ann again", List.of(), 1, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("staffId");
        assertThatThrownBy(() -> f.desk.registerAgent(BOB, "Bob", List.of(), 0, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("capacity");
        assertThatThrownBy(() -> f.desk.registerAgent(BOB, " ", List.of(), 1, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("displayName");
        assertThatThrownBy(() -> Skill.of("no spaces")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("skill");
        assertThatThrownBy(() -> f.desk.markAgentAvailable(BOB, null)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("staffId");
        assertThatThrownBy(() -> f.desk.markAgentAvailable(ANN, null)).isInstanceOf(IllegalTransitionException.class);
        assertThat(f.desk.agents()).extracting(ServiceAgent::staffId).containsExactly(ANN);
    }

    @Test
    void openingAWorkOrderDispatchesItInTheSameUnitOfWorkAndRecordsWhy() {
        f.desk.registerAgent(ANN, "Ann", List.of(PLUMBING), 2, null);
        f.desk.registerAgent(BOB, "Bob", List.of(), 2, null);
        OpenedWorkOrder o = f.desk.openAndDispatch(li, WorkOrderOrigin.CALL, "Leak", null, WorkOrderPriority.HIGH,
                PLUMBING, LEAD);
        assertThat(o.dispatch().assignee()).contains(ANN);
        WorkOrder stored = f.desk.getWorkOrder(o.workOrder().id());
        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.assignee()).contains(ANN);
        assertThat(stored.requiredSkill()).contains(PLUMBING);
        assertThat(stored.respondedAt()).contains(f.clock.instant());
        assertThat(stored.steps()).extracting(WorkOrderStep::what).containsExactly(WorkOrderStepKind.OPENED,
                WorkOrderStepKind.ASSIGNED, WorkOrderStepKind.DISPATCHED);
        WorkOrderStep dispatched = stored.steps().get(2);
        assertThat(dispatched.by()).isNull();
        assertThat(dispatched.note()).isEqualTo(o.dispatch().assignment().orElseThrow().summary())
                .contains("ann (rating 3.00 (0 answers), 0/2 open): chosen")
                .contains("bob (rating 3.00 (0 answers), 0/2 open): lacks skill 'plumbing'");
        assertThat(f.events(WorkOrderEvent.Dispatched.class)).singleElement()
                .satisfies(e -> assertThat(e.assignee()).isEqualTo(ANN));
        assertThat(f.desk.agentLoad(ANN)).isEqualTo(1);
        assertThat(f.desk.findAgent(ANN).orElseThrow().lastAssignedAt()).contains(f.clock.instant());
    }

    @Test
    void theComplaintEntryPointAndOrderWorkOrdersAreDispatchedToo() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 5, null);
        WorkOrder complaint = f.desk.openWorkOrder(li, WorkOrderOrigin.COMPLAINT, "Rude driver", "He shouted.",
                WorkOrderPriority.NORMAL, LEAD);
        assertThat(complaint.assignee()).contains(ANN);
        WorkOrder fromOrder = f.desk.openWorkOrder(f.delivered(li, null, "10.00"), "Broken", WorkOrderPriority.LOW,
                null);
        assertThat(fromOrder.assignee()).contains(ANN);
        assertThat(f.desk.agentLoad(ANN)).isEqualTo(2);
    }

    @Test
    void aSelfServiceEscalationIsDispatchedInTheSameUnitOfWork() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 5, null);
        f.desk.publishArticle("Resetting the router", "Hold reset.", List.of("router"), null);
        SelfServiceOffer offer = f.desk.offerArticle(li, "router");
        SelfServiceOutcome out = f.desk.recordSelfServiceOutcome(offer.session().orElseThrow().id(), false, null);
        WorkOrder w = f.desk.getWorkOrder(out.workOrder().orElseThrow().id());
        assertThat(w.assignee()).contains(ANN);
        assertThat(w.steps()).extracting(WorkOrderStep::what).contains(WorkOrderStepKind.DISPATCHED);
        assertThat(w.responseDueAt()).isPresent();
    }

    @Test
    void withNoQualifiedAgentTheWorkOrderStaysQueuedUntilALaterDispatch() {
        OpenedWorkOrder o = f.desk.openAndDispatch(li, WorkOrderOrigin.CALL, "Leak", null, WorkOrderPriority.NORMAL,
                PLUMBING, null);
        assertThat(o.dispatch()).isInstanceOfSatisfying(DispatchOutcome.Unassigned.class,
                u -> assertThat(u.reason()).isEqualTo("no service agent is registered"));
        assertThat(o.workOrder().status()).isEqualTo(WorkOrderStatus.OPEN);
        assertThat(o.workOrder().queued()).isTrue();
        assertThat(f.desk.queuedWorkOrders()).extracting(WorkOrder::id).containsExactly(o.workOrder().id());

        f.desk.registerAgent(BOB, "Bob", List.of(), 3, null);
        List<DispatchOutcome> retry = f.desk.dispatchQueued();
        assertThat(retry).singleElement().satisfies(r -> {
            assertThat(r.isAssigned()).isFalse();
            assertThat(((DispatchOutcome.Unassigned) r).reason()).contains("bob lacks skill 'plumbing'");
        });
        assertThat(f.desk.getWorkOrder(o.workOrder().id()).version()).isEqualTo(1);

        f.desk.changeAgentSkills(BOB, List.of(PLUMBING), LEAD);
        f.tick();
        assertThat(f.desk.dispatchQueued()).singleElement()
                .satisfies(r -> assertThat(r.assignee()).contains(BOB));
        WorkOrder w = f.desk.getWorkOrder(o.workOrder().id());
        assertThat(w.assignee()).contains(BOB);
        assertThat(w.queued()).isFalse();
        assertThat(f.desk.queuedWorkOrders()).isEmpty();
        assertThat(f.desk.dispatchQueued()).isEmpty();
    }

    @Test
    void dispatchNeverGivesAnAgentMoreThanTheCapacityAndSkipsUnavailableAgents() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 1, null);
        f.desk.registerAgent(BOB, "Bob", List.of(), 1, null);
        f.desk.markAgentUnavailable(BOB, null);
        assertThat(open().dispatch().assignee()).contains(ANN);
        OpenedWorkOrder second = open();
        assertThat(second.dispatch()).isInstanceOfSatisfying(DispatchOutcome.Unassigned.class,
                u -> assertThat(u.reason()).isEqualTo("no agent qualifies: ann at capacity (1/1 open); bob unavailable"));
        f.desk.markAgentAvailable(BOB, null);
        assertThat(f.desk.dispatchQueued()).singleElement().satisfies(r -> assertThat(r.assignee()).contains(BOB));
    }

    @Test
    void capacityCannotDropBelowTheOpenLoadAndAFullAgentCannotBeAssignedByHand() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 2, null);
        OpenedWorkOrder a = open();
        open();
        assertThatThrownBy(() -> f.desk.changeAgentCapacity(ANN, 1, LEAD)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("capacity");
        f.desk.markAgentUnavailable(ANN, null);
        OpenedWorkOrder queued = open();
        assertThatThrownBy(() -> f.desk.assign(queued.workOrder().id(), ANN, LEAD))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("assignee");
        assertThatThrownBy(() -> f.desk.start(queued.workOrder().id(), ANN))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("by");
        assertThat(f.desk.getWorkOrder(queued.workOrder().id()).assignee()).isEmpty();
        // staff who are not registered agents are not limited
        assertThat(f.desk.assign(queued.workOrder().id(), LEAD, LEAD).assignee()).contains(LEAD);
        f.desk.start(a.workOrder().id(), ANN);
        f.desk.resolve(a.workOrder().id(), ANN, "fixed");
        assertThat(f.desk.changeAgentCapacity(ANN, 1, LEAD).capacity()).isEqualTo(1);
        assertThat(f.events(ServiceAgentEvent.CapacityChanged.class)).hasSize(1);
    }

    @Test
    void everyNewAssignmentOfARegisteredAgentWritesTheAgentSoThatConcurrentOnesConflict() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 3, null);
        f.desk.markAgentUnavailable(ANN, null);
        WorkOrderId queued = open().workOrder().id();
        long version = f.desk.findAgent(ANN).orElseThrow().version();
        f.tick();
        f.desk.assign(queued, ANN, LEAD);
        ServiceAgent after = f.desk.findAgent(ANN).orElseThrow();
        assertThat(after.version()).isEqualTo(version + 1);
        assertThat(after.lastAssignedAt()).contains(f.clock.instant());
        // assigning the same agent again is no new assignment and writes nothing
        f.desk.assign(queued, ANN, LEAD);
        assertThat(f.desk.findAgent(ANN).orElseThrow().version()).isEqualTo(version + 1);
    }

    @Test
    void aWorkOrderReopenedWhileItsAgentIsFullIsReleasedAndDispatchedAgain() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 1, null);
        WorkOrderId first = open().workOrder().id();
        f.desk.start(first, ANN);
        f.desk.resolve(first, ANN, "fixed");
        open();
        assertThat(f.desk.agentLoad(ANN)).isEqualTo(1);
        WorkOrder reopened = f.desk.reopen(first, null, "leaks again");
        assertThat(reopened.status()).isEqualTo(WorkOrderStatus.IN_PROGRESS);
        assertThat(reopened.assignee()).isEmpty();
        assertThat(reopened.queued()).isTrue();
        assertThat(reopened.steps()).extracting(WorkOrderStep::what).endsWith(WorkOrderStepKind.REOPENED,
                WorkOrderStepKind.RELEASED);
        assertThat(f.events(WorkOrderEvent.Released.class)).singleElement()
                .satisfies(e -> assertThat(e.previous()).isEqualTo(ANN));
        assertThat(f.desk.agentLoad(ANN)).isEqualTo(1);

        f.desk.registerAgent(BOB, "Bob", List.of(), 1, null);
        assertThat(f.desk.dispatchQueued()).singleElement().satisfies(o -> assertThat(o.assignee()).contains(BOB));
        // with room to spare, a reopened work order stays with its agent
        f.desk.resolve(first, BOB, "fixed again");
        assertThat(f.desk.reopen(first, null, "still").assignee()).contains(BOB);
    }

    @Test
    void theRatingComesFromAnsweredSurveysOfTheAgentsWorkOrdersAndDrivesTheNextDispatch() {
        f.desk.registerAgent(ANN, "Ann", List.of(), 5, null);
        f.desk.registerAgent(BOB, "Bob", List.of(), 5, null);
        WorkOrderId first = open().workOrder().id();
        assertThat(f.desk.getWorkOrder(first).assignee()).contains(ANN);
        f.desk.start(first, ANN);
        f.desk.resolve(first, ANN, "fixed");
        surveys.answer(surveys.sendAfterService(first).id(), 1, "slow");
        assertThat(f.desk.agentRating(ANN)).isEqualTo(AgentRating.of(ANN, List.of(1)));
        assertThat(f.desk.agentRatings()).containsExactly(AgentRating.of(ANN, List.of(1)), AgentRating.unrated(BOB));

        // bob (3.00, unrated) now beats ann (2.67) even though ann has fewer open work orders
        OpenedWorkOrder next = open();
        assertThat(next.dispatch().assignee()).contains(BOB);
        assertThat(next.dispatch().assignment().orElseThrow().candidates().get(1).verdict())
                .isEqualTo("lower rating: 2.67 < 3.00");
        // an unanswered survey does not count
        WorkOrderId third = next.workOrder().id();
        f.desk.start(third, BOB);
        f.desk.resolve(third, BOB, "ok");
        surveys.sendAfterService(third);
        assertThat(f.desk.agentRating(BOB)).isEqualTo(AgentRating.unrated(BOB));
    }

    @Test
    void aCustomStrategyFromTheBuilderIsUsedAndHeldToTheHardRules() {
        TestClock clock = TestClock.at("2026-05-04T10:00:00Z");
        DispatchStrategy alwaysBob = (request, candidates) -> DispatchOutcome.assigned(new DispatchDecision(
                request.workOrderId(), BOB, "always bob", candidates.stream()
                .map(c -> new CandidateAssessment(c, true, c.staffId().equals(BOB) ? "chosen" : "not bob")).toList(),
                request.at()));
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).dispatchStrategy(alwaysBob).build();
        ServiceDesk desk = crm.serviceDesk("acme");
        assertThat(desk.dispatchStrategy()).isSameAs(alwaysBob);
        CustomerId c = crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "Li", "x").build()).id();
        desk.registerAgent(ANN, "Ann", List.of(), 5, null);
        desk.registerAgent(BOB, "Bob", List.of(), 1, null);
        assertThat(desk.openAndDispatch(c, WorkOrderOrigin.CALL, "one", null, WorkOrderPriority.NORMAL, null, null)
                .dispatch().assignee()).contains(BOB);
        // bob is full now: the strategy's choice breaks the capacity rule; nothing is stored
        assertThatThrownBy(() -> desk.openAndDispatch(c, WorkOrderOrigin.CALL, "two", null, WorkOrderPriority.NORMAL,
                null, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("bob");
        assertThat(desk.workOrdersForCustomer(c)).hasSize(1);
    }

    @Test
    void theAgentRecordRoundTripsThroughRestore() {
        ServiceAgent a = f.desk.registerAgent(ANN, "Ann", List.of(PLUMBING), 2, null);
        ServiceAgentRecord r = f.storage.inTransaction("acme",
                s -> s.records(ServiceAgentRecord.KIND).find(a.id().value()).orElseThrow());
        ServiceAgent back = ServiceAgent.restore(r);
        assertThat(back.skills()).isEqualTo(Set.of(PLUMBING));
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.toRecord()).isEqualTo(new ServiceAgentRecord(r.id(), r.tenant(), 2, r.staffId(),
                r.displayName(), r.skills(), r.capacity(), r.available(), r.registeredAt(), r.lastAssignedAt()));
    }

    private OpenedWorkOrder open() {
        f.tick();
        return f.desk.openAndDispatch(li, WorkOrderOrigin.CALL, "Problem", null, WorkOrderPriority.NORMAL, null, null);
    }
}
