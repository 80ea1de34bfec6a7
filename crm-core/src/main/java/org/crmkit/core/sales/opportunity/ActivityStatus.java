package org.crmkit.core.sales.opportunity;

/**
 * Whether an {@link Activity} is still to do: {@code PLANNED ──complete──▶ DONE}.
 *
 * @since 0.1
 */
public enum ActivityStatus {
    /** Planned and not done yet. */
    PLANNED,
    /** Done; it does not change again. */
    DONE;

    /**
     * @param next the status asked for; not null
     * @return whether an activity in this status may move to {@code next}
     */
    public boolean canTransitionTo(ActivityStatus next) {
        return this == PLANNED && next == DONE;
    }
}
