package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of work-order verbs through {@link ServiceDesk} (in-memory storage) and
 * checks after every step that the stored work order matches a reference model of the state
 * machine (a table of its own, independent of {@link WorkOrderStatus}): a verb succeeds exactly when the model allows it, a refused verb writes nothing, the
 * version grows by one per successful verb, every successful verb adds one step, and the
 * resolution time is set exactly while resolved or closed.
 */
class WorkOrderStatefulPropertiesTest {

    private static final List<StaffId> STAFF = List.of(StaffId.of("alice"), StaffId.of("bob"), StaffId.of("chen"));
    private static final int VERBS = 5;

    @Test
    void randomVerbSequencesFollowTheStateMachineAndNeverCorruptTheStoredWorkOrder() {
        qt().withExamples(150).withFixedSeed(20261123L)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 40))
                .checkAssert(this::run);
    }

    private void run(List<Integer> actions) {
        AfterSalesFixture f = new AfterSalesFixture();
        CustomerId li = f.customer("Li Wei");
        WorkOrder w = f.desk.openWorkOrder(f.delivered(li, null, "10.00"), "Leaks", WorkOrderPriority.NORMAL, null);
        WorkOrderStatus model = WorkOrderStatus.OPEN;
        StaffId assignee = null;
        long version = 1;
        int steps = 1;
        for (int code : actions) {
            f.tick();
            StaffId staff = STAFF.get(code / VERBS % STAFF.size());
            WorkOrderStatus next;
            Runnable verb;
            switch (code % VERBS) {
                case 0 -> {
                    next = model == WorkOrderStatus.OPEN || model == WorkOrderStatus.IN_PROGRESS ? model : null;
                    verb = () -> f.desk.assign(w.id(), staff, staff);
                }
                case 1 -> {
                    next = model == WorkOrderStatus.OPEN ? WorkOrderStatus.IN_PROGRESS : null;
                    verb = () -> f.desk.start(w.id(), staff);
                }
                case 2 -> {
                    next = model == WorkOrderStatus.IN_PROGRESS ? WorkOrderStatus.RESOLVED : null;
                    verb = () -> f.desk.resolve(w.id(), staff, "done");
                }
                case 3 -> {
                    next = model == WorkOrderStatus.RESOLVED ? WorkOrderStatus.CLOSED : null;
                    verb = () -> f.desk.close(w.id(), staff);
                }
                default -> {
                    next = model == WorkOrderStatus.RESOLVED ? WorkOrderStatus.IN_PROGRESS : null;
                    verb = () -> f.desk.reopen(w.id(), null, "back again");
                }
            }
            int published = f.published.size();
            if (next == null) {
                WorkOrderStatus state = model;
                assertThatThrownBy(verb::run).isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.state()).isEqualTo(state.name()));
                assertThat(f.published).hasSize(published);
            } else {
                boolean noOp = code % VERBS == 0 && staff.equals(assignee);
                verb.run();
                if (code % VERBS == 0 || (code % VERBS == 1 && assignee == null)) {
                    assignee = staff;
                }
                model = next;
                if (!noOp) {
                    version++;
                    steps++;
                    assertThat(f.published).hasSize(published + 1);
                }
            }
            WorkOrder stored = f.desk.getWorkOrder(w.id());
            assertThat(stored.status()).isEqualTo(model);
            assertThat(stored.version()).isEqualTo(version);
            assertThat(stored.steps()).hasSize(steps);
            assertThat(stored.assignee()).isEqualTo(java.util.Optional.ofNullable(assignee));
            assertThat(stored.resolvedAt().isPresent())
                    .isEqualTo(model == WorkOrderStatus.RESOLVED || model == WorkOrderStatus.CLOSED);
        }
    }
}
