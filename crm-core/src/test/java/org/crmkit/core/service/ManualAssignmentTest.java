package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.junit.jupiter.api.Test;

/**
 * Assigning by hand a work order that accepts no assignment is an illegal move, reported as
 * {@link IllegalTransitionException} as {@link ServiceDesk#assign} promises, even when the agent
 * named is at capacity; nothing is written.
 */
class ManualAssignmentTest {

    private static final StaffId ANN = StaffId.of("ann");
    private static final StaffId BOB = StaffId.of("bob");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final CustomerId li = f.customer("Li Wei");

    @Test
    void assigningAResolvedWorkOrderToAFullAgentIsRefusedAsAnIllegalMove() {
        WorkOrderId resolved = open();
        f.desk.start(resolved, BOB);
        f.desk.resolve(resolved, BOB, "fixed");
        f.desk.registerAgent(ANN, "Ann", List.of(), 1, null);
        open(); // dispatched to ann, who is full now
        assertThat(f.desk.agentLoad(ANN)).isEqualTo(1);
        long annVersion = f.desk.findAgent(ANN).orElseThrow().version();
        WorkOrder before = f.desk.getWorkOrder(resolved);

        assertThatThrownBy(() -> f.desk.assign(resolved, ANN, BOB))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.getMessage()).contains("RESOLVED").contains("assign to ann"));
        WorkOrder after = f.desk.getWorkOrder(resolved);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.assignee()).contains(BOB);
        assertThat(f.desk.findAgent(ANN).orElseThrow().version()).isEqualTo(annVersion);
    }

    @Test
    void aClosedWorkOrderIsRefusedAsAnIllegalMoveForAnAgentWithRoomToo() {
        WorkOrderId closed = open();
        f.desk.start(closed, BOB);
        f.desk.resolve(closed, BOB, "fixed");
        f.desk.close(closed, BOB);
        f.desk.registerAgent(ANN, "Ann", List.of(), 3, null);
        assertThatThrownBy(() -> f.desk.assign(closed, ANN, BOB)).isInstanceOf(IllegalTransitionException.class);
        assertThat(f.desk.findAgent(ANN).orElseThrow().lastAssignedAt()).isEmpty();
    }

    private WorkOrderId open() {
        f.tick();
        return f.desk.openAndDispatch(li, WorkOrderOrigin.CALL, "Problem", null, WorkOrderPriority.NORMAL, null, null)
                .workOrder().id();
    }
}
