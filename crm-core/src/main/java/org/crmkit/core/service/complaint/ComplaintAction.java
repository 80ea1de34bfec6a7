package org.crmkit.core.service.complaint;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.service.WorkOrderId;

/**
 * Something done to calm a complaint (domain §10, step 3): who, when, what, and the work order it
 * opened, if any. Immutable.
 *
 * @param at          when; not null
 * @param by          who acted; not null
 * @param what        what was done, at most 4000 characters; not blank (stripped)
 * @param workOrderId the work order opened for it; may be null
 * @since 0.1
 */
public record ComplaintAction(Instant at, StaffId by, String what, WorkOrderId workOrderId) {

    public ComplaintAction {
        Checks.notNull(at, "at");
        Checks.notNull(by, "by");
        what = Checks.required(what, "action", Checks.TEXT_MAX);
    }

    /** @return the work order this action opened, if any */
    public Optional<WorkOrderId> workOrder() {
        return Optional.ofNullable(workOrderId);
    }
}
