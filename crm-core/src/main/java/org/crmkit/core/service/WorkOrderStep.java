package org.crmkit.core.service;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.StaffId;

/**
 * One tracked step of a work order (domain §10: every step is tracked). Immutable and thread-safe.
 *
 * @param at   when; not null
 * @param by   the staff member; null when the customer or the system took the step
 * @param what what the step did; not null
 * @param note a resolution, a reason, the new assignee; may be null
 * @since 0.1
 */
public record WorkOrderStep(Instant at, StaffId by, WorkOrderStepKind what, String note) {

    public WorkOrderStep {
        Args.notNull(at, "at");
        Args.notNull(what, "what");
        note = Args.optional(note, "note", 4000);
    }

    /** @return the staff member who took the step, if one did */
    public Optional<StaffId> staff() {
        return Optional.ofNullable(by);
    }
}
