package org.crmkit.core.sales.lead;

import java.util.EnumSet;
import java.util.Set;

import org.crmkit.core.common.Enums;

/**
 * The life of a lead, with the moves between its states.
 *
 * <pre>
 *   NEW ──contact──▶ CONTACTED ──qualify──▶ QUALIFIED ──convert──▶ CONVERTED (final)
 *    │                  │                      │
 *    └──disqualify──────┴──────────────────────┴──▶ DISQUALIFIED ──contact (reopen)──▶ CONTACTED
 * </pre>
 *
 * <p>A disqualified lead may be reopened by contacting it again: people who said "not now" come
 * back, and the lead keeps its history (the disqualification and its reason stay in the
 * status history). A converted lead is final: it names its customer and opportunity for good.
 *
 * @since 0.1
 */
public enum LeadStatus {
    /** Captured, nobody has spoken to the person yet. */
    NEW,
    /** Someone has been in touch. */
    CONTACTED,
    /** Judged worth pursuing: a real need, budget and authority. */
    QUALIFIED,
    /** Judged not worth pursuing, for a recorded reason. */
    DISQUALIFIED,
    /** Turned into a customer and an opportunity. Final. */
    CONVERTED;

    /** @return the statuses this one may move to; empty for {@link #CONVERTED} */
    public Set<LeadStatus> successors() {
        return switch (this) {
            case NEW -> EnumSet.of(CONTACTED, DISQUALIFIED);
            case CONTACTED -> EnumSet.of(QUALIFIED, DISQUALIFIED);
            case QUALIFIED -> EnumSet.of(CONVERTED, DISQUALIFIED);
            case DISQUALIFIED -> EnumSet.of(CONTACTED);
            case CONVERTED -> EnumSet.noneOf(LeadStatus.class);
        };
    }

    /** @return whether a lead in this status may move to {@code next} */
    public boolean canTransitionTo(LeadStatus next) {
        return successors().contains(next);
    }

    /** @return whether no move leaves this status */
    public boolean isFinal() {
        return successors().isEmpty();
    }

    /** @throws org.crmkit.spi.ValidationException on field {@code status} if {@code name} is unknown */
    public static LeadStatus parse(String name) {
        return Enums.parse(LeadStatus.class, name, "status");
    }
}
