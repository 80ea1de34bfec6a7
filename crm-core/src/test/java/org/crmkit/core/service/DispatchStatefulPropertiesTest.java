package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of opening, dispatching, starting, resolving and closing work orders,
 * answering surveys, changing agents (register, skills, capacity, availability) and moving the
 * clock, through {@link ServiceDesk} on in-memory storage, and checks after every action that:
 * no agent has more work orders open or in progress than the capacity; every dispatch chose an
 * agent who was available, had the skill and had spare capacity just before, and the decision
 * names that agent, rated at least as high as every other eligible candidate; an unassigned outcome
 * happens exactly when the model finds no qualified agent; and every work order's recorded and
 * pending breaches agree with its due times, first response and resolution steps.
 */
class DispatchStatefulPropertiesTest {

    private static final List<StaffId> STAFF = List.of(StaffId.of("ann"), StaffId.of("bob"), StaffId.of("cai"),
            StaffId.of("dee"));
    private static final List<Skill> SKILLS = List.of(Skill.of("plumbing"), Skill.of("refunds"));
    private static final int ACTIONS = 11;

    /** What the runs exercised, so that the test fails if the generator stops reaching a case. */
    private final Map<String, Integer> seen = new HashMap<>();

    @Test
    void randomServiceDaysKeepEveryDispatchAndBreachInvariant() {
        qt().withExamples(60).withFixedSeed(20261123L)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 45))
                .checkAssert(this::run);
        assertThat(seen.keySet()).contains("assigned", "unassigned", "recorded RESPONSE", "recorded RESOLUTION",
                "pending RESPONSE", "pending RESOLUTION", "released", "capacity refused");
    }

    private void saw(String what) {
        seen.merge(what, 1, Integer::sum);
    }

    private void run(List<Integer> actions) {
        AfterSalesFixture f = new AfterSalesFixture();
        Surveys surveys = new Surveys(f.tenant, f.storage, f.clock, f.ids, f.published::add);
        List<CustomerId> customers = new ArrayList<>();
        for (RelationshipLevel level : RelationshipLevel.values()) {
            customers.add(f.customers.register(RegisterCustomer.builder(CustomerType.B2C, "C " + level, "x")
                    .relationshipLevel(level).build()).id());
        }
        List<WorkOrderId> workOrders = new ArrayList<>();
        for (int code : actions) {
            int arg = code / ACTIONS;
            StaffId staff = STAFF.get(arg % STAFF.size());
            Optional<ServiceAgent> agent = f.desk.findAgent(staff);
            switch (code % ACTIONS) {
                case 0, 1 -> {
                    Skill skill = arg % 3 == 2 ? null : SKILLS.get(arg % 3);
                    Map<StaffId, ServiceAgent> before = agents(f);
                    Map<StaffId, Integer> loads = loads(f, before);
                    OpenedWorkOrder o = f.desk.openAndDispatch(customers.get(arg % customers.size()),
                            WorkOrderOrigin.values()[arg % 4], "Problem " + code, null,
                            WorkOrderPriority.values()[(arg / 4) % 4], skill, null);
                    workOrders.add(o.workOrder().id());
                    checkDispatch(o.dispatch(), Optional.ofNullable(skill), before, loads);
                    saw(o.dispatch().isAssigned() ? "assigned" : "unassigned");
                }
                case 2 -> {
                    Map<StaffId, ServiceAgent> before = agents(f);
                    List<WorkOrder> queued = f.desk.queuedWorkOrders();
                    List<DispatchOutcome> outcomes = f.desk.dispatchQueued();
                    assertThat(outcomes).hasSize(queued.size());
                    for (DispatchOutcome o : outcomes) {
                        o.assignee().ifPresent(chosen -> {
                            ServiceAgent a = before.get(chosen);
                            assertThat(a).isNotNull();
                            assertThat(a.available()).isTrue();
                            f.desk.getWorkOrder(o.workOrderId()).requiredSkill()
                                    .ifPresent(s -> assertThat(a.has(s)).isTrue());
                            checkDecisionNamesChosen(o.assignment().orElseThrow());
                        });
                    }
                }
                case 3 -> pick(f, workOrders, arg, WorkOrderStatus.OPEN).ifPresent(w -> {
                    if (w.assignee().isPresent()) {
                        f.desk.start(w.id(), w.assignee().get());
                    } else if (agent.isEmpty()) {
                        f.desk.start(w.id(), staff);
                    }
                });
                case 4 -> pick(f, workOrders, arg, WorkOrderStatus.IN_PROGRESS)
                        .ifPresent(w -> w.assignee().ifPresent(a -> f.desk.resolve(w.id(), a, "done")));
                case 5 -> pick(f, workOrders, arg, WorkOrderStatus.RESOLVED).ifPresent(w -> {
                    if (arg % 4 == 0) {
                        f.desk.reopen(w.id(), null, "back");
                    } else {
                        surveys.answer(surveys.sendAfterService(w.id()).id(), 1 + arg % 5, null);
                        f.desk.close(w.id(), null);
                    }
                });
                case 6 -> {
                    if (agent.isEmpty()) {
                        int capacity = 1 + arg % 3;
                        long load = f.desk.workOrdersIn(WorkOrderStatus.OPEN).stream()
                                .filter(w -> w.assignee().equals(Optional.of(staff))).count()
                                + f.desk.workOrdersIn(WorkOrderStatus.IN_PROGRESS).stream()
                                .filter(w -> w.assignee().equals(Optional.of(staff))).count();
                        if (capacity < load) {
                            assertThatThrownBy(() -> f.desk.registerAgent(staff, staff.value(), skillsFor(arg),
                                    capacity, null)).isInstanceOf(ValidationException.class)
                                    .extracting("field").isEqualTo("capacity");
                            assertThat(f.desk.findAgent(staff)).isEmpty();
                        } else {
                            f.desk.registerAgent(staff, staff.value(), skillsFor(arg), capacity, null);
                        }
                    }
                }
                case 7 -> agent.ifPresent(a -> f.desk.changeAgentSkills(staff, skillsFor(arg / 4), null));
                case 8 -> agent.ifPresent(a -> {
                    int capacity = 1 + (arg / 4) % 4;
                    int load = f.desk.agentLoad(staff);
                    if (capacity < load) {
                        saw("capacity refused");
                        assertThatThrownBy(() -> f.desk.changeAgentCapacity(staff, capacity, null))
                                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("capacity");
                        assertThat(f.desk.findAgent(staff).orElseThrow().capacity()).isEqualTo(a.capacity());
                    } else {
                        assertThat(f.desk.changeAgentCapacity(staff, capacity, null).capacity()).isEqualTo(capacity);
                    }
                });
                case 9 -> agent.ifPresent(a -> {
                    if (a.available()) {
                        f.desk.markAgentUnavailable(staff, null);
                    } else {
                        f.desk.markAgentAvailable(staff, null);
                    }
                });
                default -> f.clock.advance(Duration.ofMinutes(1 + (long) (arg % 300)));
            }
            checkInvariants(f, workOrders);
        }
        Instant now = f.clock.instant();
        f.desk.breaches(now).forEach(b -> saw((b.pending() ? "pending " : "recorded ") + b.target()));
        workOrders.forEach(id -> f.desk.getWorkOrder(id).steps().stream()
                .filter(st -> st.what() == WorkOrderStepKind.RELEASED).forEach(st -> saw("released")));
    }

    private void checkDispatch(DispatchOutcome o, Optional<Skill> skill, Map<StaffId, ServiceAgent> before,
                                      Map<StaffId, Integer> loads) {
        List<StaffId> qualified = before.values().stream()
                .filter(a -> a.available() && skill.map(a::has).orElse(true) && loads.get(a.staffId()) < a.capacity())
                .map(ServiceAgent::staffId).toList();
        if (qualified.isEmpty()) {
            assertThat(o).isInstanceOf(DispatchOutcome.Unassigned.class);
            assertThat(((DispatchOutcome.Unassigned) o).reason()).isNotBlank();
            return;
        }
        assertThat(o.isAssigned()).isTrue();
        DispatchDecision d = o.assignment().orElseThrow();
        assertThat(qualified).contains(d.chosen());
        checkDecisionNamesChosen(d);
        AgentRating best = d.chosenAssessment().candidate().rating();
        d.candidates().stream().filter(CandidateAssessment::eligible)
                .forEach(c -> assertThat(c.candidate().rating().compareTo(best)).isLessThanOrEqualTo(0));
        assertThat(d.candidates()).hasSize(before.size());
    }

    private static void checkDecisionNamesChosen(DispatchDecision d) {
        assertThat(d.chosenAssessment().eligible()).isTrue();
        assertThat(d.chosenAssessment().verdict()).isEqualTo("chosen");
        assertThat(d.summary()).startsWith("Dispatched to " + d.chosen() + " ");
    }

    private void checkInvariants(AfterSalesFixture f, List<WorkOrderId> ids) {
        Map<StaffId, ServiceAgent> agents = agents(f);
        Map<StaffId, Integer> loads = loads(f, agents);
        agents.values().forEach(a -> assertThat(loads.get(a.staffId()))
                .as("load of %s", a.staffId()).isLessThanOrEqualTo(a.capacity()));
        Instant now = f.clock.instant();
        List<ServiceLevelBreach> listed = f.desk.breaches(now);
        for (WorkOrderId id : ids) {
            WorkOrder w = f.desk.getWorkOrder(id);
            checkBreaches(w, now, listed);
            assertThat(w.queued()).isEqualTo(w.assignee().isEmpty() && w.status().acceptsAssignment());
            List<WorkOrderStep> steps = w.steps();
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).what() == WorkOrderStepKind.DISPATCHED) {
                    int j = i - 1;
                    while (steps.get(j).what() == WorkOrderStepKind.SERVICE_LEVEL_BREACHED) {
                        j--;
                    }
                    assertThat(steps.get(j).what()).isEqualTo(WorkOrderStepKind.ASSIGNED);
                    assertThat(steps.get(i).note()).startsWith("Dispatched to " + steps.get(j).note() + " ");
                }
            }
        }
    }

    private static void checkBreaches(WorkOrder w, Instant now, List<ServiceLevelBreach> listed) {
        Instant responseDue = w.responseDueAt().orElseThrow();
        Instant resolutionDue = w.resolutionDueAt().orElseThrow();
        Optional<Instant> firstResponse = w.steps().stream()
                .filter(s -> s.what() == WorkOrderStepKind.ASSIGNED || s.what() == WorkOrderStepKind.STARTED)
                .map(WorkOrderStep::at).findFirst();
        assertThat(w.respondedAt()).isEqualTo(firstResponse);
        Optional<ServiceLevelBreach> response = w.breaches().stream()
                .filter(b -> b.target() == ServiceTarget.RESPONSE).findFirst();
        if (firstResponse.isPresent() && firstResponse.get().isAfter(responseDue)) {
            assertThat(response).contains(new ServiceLevelBreach(w.id(), ServiceTarget.RESPONSE, responseDue,
                    firstResponse.get(), false));
        } else {
            assertThat(response).isEmpty();
        }
        Optional<Instant> lateResolution = w.steps().stream().filter(s -> s.what() == WorkOrderStepKind.RESOLVED)
                .map(WorkOrderStep::at).filter(at -> at.isAfter(resolutionDue)).findFirst();
        Optional<ServiceLevelBreach> resolution = w.breaches().stream()
                .filter(b -> b.target() == ServiceTarget.RESOLUTION).findFirst();
        assertThat(resolution).isEqualTo(lateResolution.map(at -> new ServiceLevelBreach(w.id(),
                ServiceTarget.RESOLUTION, resolutionDue, at, false)));
        assertThat(w.breaches()).hasSizeLessThanOrEqualTo(2);

        List<ServiceLevelBreach> mine = listed.stream().filter(b -> b.workOrderId().equals(w.id())).toList();
        if (w.status() == WorkOrderStatus.CLOSED) {
            assertThat(mine).isEmpty();
            return;
        }
        boolean responsePending = firstResponse.isEmpty() && now.isAfter(responseDue);
        boolean resolutionPending = w.resolvedAt().isEmpty() && resolution.isEmpty() && now.isAfter(resolutionDue);
        assertThat(mine.stream().filter(ServiceLevelBreach::pending).map(ServiceLevelBreach::target).toList())
                .isEqualTo(pendingTargets(responsePending, resolutionPending));
        assertThat(mine.stream().filter(b -> !b.pending()).toList()).isEqualTo(w.breaches());
        mine.stream().filter(ServiceLevelBreach::pending).forEach(b -> assertThat(b.at()).isEqualTo(now));
    }

    private static List<ServiceTarget> pendingTargets(boolean response, boolean resolution) {
        List<ServiceTarget> out = new ArrayList<>();
        if (response) {
            out.add(ServiceTarget.RESPONSE);
        }
        if (resolution) {
            out.add(ServiceTarget.RESOLUTION);
        }
        return out;
    }

    private static Map<StaffId, ServiceAgent> agents(AfterSalesFixture f) {
        Map<StaffId, ServiceAgent> out = new HashMap<>();
        f.desk.agents().forEach(a -> out.put(a.staffId(), a));
        return out;
    }

    /** Loads counted from the work orders themselves, not from the desk's own count. */
    private static Map<StaffId, Integer> loads(AfterSalesFixture f, Map<StaffId, ServiceAgent> agents) {
        Map<StaffId, Integer> out = new HashMap<>();
        agents.keySet().forEach(s -> out.put(s, 0));
        for (WorkOrderStatus status : List.of(WorkOrderStatus.OPEN, WorkOrderStatus.IN_PROGRESS)) {
            f.desk.workOrdersIn(status).forEach(w -> w.assignee().filter(out::containsKey)
                    .ifPresent(s -> out.merge(s, 1, Integer::sum)));
        }
        return out;
    }

    private static Optional<WorkOrder> pick(AfterSalesFixture f, List<WorkOrderId> ids, int arg,
                                            WorkOrderStatus status) {
        List<WorkOrder> in = f.desk.workOrdersIn(status);
        return in.isEmpty() ? Optional.empty() : Optional.of(in.get(arg % in.size()));
    }

    private static Set<Skill> skillsFor(int arg) {
        return switch (arg % 4) {
            case 0 -> Set.of();
            case 1 -> Set.of(SKILLS.get(0));
            case 2 -> Set.of(SKILLS.get(1));
            default -> Set.copyOf(SKILLS);
        };
    }
}
