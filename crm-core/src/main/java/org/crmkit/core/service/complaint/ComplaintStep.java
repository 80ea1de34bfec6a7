package org.crmkit.core.service.complaint;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.StaffId;

/**
 * One step in the handling of a complaint: who did what, when (domain §10, step 6: every step is
 * kept). Immutable.
 *
 * @param at   when; not null
 * @param by   the staff member; null when the customer or the system acted
 * @param what what the step did; not null
 * @param note the step's words (the expectation, the action, the answer, the comment, the reason); may be null
 * @since 0.1
 */
public record ComplaintStep(Instant at, StaffId by, ComplaintStepKind what, String note) {

    public ComplaintStep {
        Checks.notNull(at, "step.at");
        Checks.notNull(what, "step.what");
    }

    /** @return the staff member who took the step, if one did */
    public Optional<StaffId> staff() {
        return Optional.ofNullable(by);
    }
}
