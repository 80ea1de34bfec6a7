package org.crmkit.core.service;

/**
 * A work order just opened, and what its automatic dispatch came to. Immutable once returned (the
 * work order is a detached copy).
 *
 * @param workOrder the stored work order; not null
 * @param dispatch  the dispatch outcome: assigned with the decision, or unassigned (queued) with the reason; not null
 * @since 0.1
 */
public record OpenedWorkOrder(WorkOrder workOrder, DispatchOutcome dispatch) {

    public OpenedWorkOrder {
        Args.notNull(workOrder, "workOrder");
        Args.notNull(dispatch, "dispatch");
    }
}
