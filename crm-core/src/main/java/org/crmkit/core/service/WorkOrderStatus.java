package org.crmkit.core.service;

import java.util.Set;

/**
 * The state of a work order and the moves between states:
 * {@code OPEN → IN_PROGRESS → RESOLVED → CLOSED}, and {@code RESOLVED → IN_PROGRESS} when the
 * customer says the problem is not solved after all (reopen). {@code CLOSED} is final.
 *
 * @since 0.1
 */
public enum WorkOrderStatus {
    /** Opened, nobody has started on it. */
    OPEN,
    /** Someone is working on it. */
    IN_PROGRESS,
    /** The problem is solved; waiting to be closed, or reopened. */
    RESOLVED,
    /** Done; final. */
    CLOSED;

    /** @return the states this one may move to; unmodifiable */
    public Set<WorkOrderStatus> successors() {
        return switch (this) {
            case OPEN -> Set.of(IN_PROGRESS);
            case IN_PROGRESS -> Set.of(RESOLVED);
            case RESOLVED -> Set.of(IN_PROGRESS, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    /** @return whether a work order in this state may move to {@code next} */
    public boolean canTransitionTo(WorkOrderStatus next) {
        return next != null && successors().contains(next);
    }

    /** @return whether a work order in this state may be (re)assigned: while open or in progress */
    public boolean acceptsAssignment() {
        return this == OPEN || this == IN_PROGRESS;
    }
}
