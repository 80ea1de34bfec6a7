package org.crmkit.core.sales.opportunity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an opportunity stands: {@link #OPEN} while it moves through its pipeline's stages, then
 * {@link #WON} or {@link #LOST} for good. Closed opportunities never change again.
 *
 * <pre>
 *   OPEN ──win──▶ WON
 *     └───lose──▶ LOST
 * </pre>
 *
 * @since 0.1
 */
public enum OpportunityStatus {
    /** Being worked on; it moves through stages, its probability and owner may change. */
    OPEN,
    /** Closed as won: the customer bought. Probability 1. */
    WON,
    /** Closed as lost: no deal. Probability 0. */
    LOST;

    /** @return the statuses this status may move to; empty for a closed status */
    public Set<OpportunityStatus> successors() {
        return this == OPEN ? EnumSet.of(WON, LOST) : EnumSet.noneOf(OpportunityStatus.class);
    }

    /**
     * @param next the status asked for; not null
     * @return whether an opportunity in this status may move to {@code next}
     */
    public boolean canTransitionTo(OpportunityStatus next) {
        return successors().contains(next);
    }

    /** @return true for {@link #WON} and {@link #LOST}: the opportunity no longer changes */
    public boolean isClosed() {
        return this != OPEN;
    }
}
