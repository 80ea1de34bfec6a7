package org.crmkit.core.sales.campaign;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.core.common.Enums;

/**
 * The life of a campaign, with the moves between its states: a campaign is {@link #PLANNED},
 * launched ({@link #ACTIVE}) and {@link #COMPLETED}; a planned or active campaign may be
 * {@link #CANCELLED}. Completed and cancelled are final.
 *
 * @since 0.1
 */
public enum CampaignStatus {
    /** Planned, not yet running. */
    PLANNED,
    /** Running. */
    ACTIVE,
    /** Ran to its end. Final. */
    COMPLETED,
    /** Called off before its end. Final. */
    CANCELLED;

    /** @return the statuses this one may move to; empty for a final status */
    public Set<CampaignStatus> successors() {
        return switch (this) {
            case PLANNED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }

    /** @return whether a campaign in this status may move to {@code next} */
    public boolean canTransitionTo(CampaignStatus next) {
        return successors().contains(next);
    }

    /** @return whether no move leaves this status */
    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** @throws org.crmkit.spi.ValidationException on field {@code status} if {@code name} is unknown */
    public static CampaignStatus parse(String name) {
        return Enums.parse(CampaignStatus.class, name, "status");
    }
}
