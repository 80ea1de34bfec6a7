package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

/**
 * One tracked step of a service work order (domain §10: "every step is tracked").
 *
 * @param at   when the step was taken; not null
 * @param by   the staff member who took it; null when the customer or the system did (for example a
 *             work order opened from a self-service session)
 * @param what the step's code, for example {@code "OPENED"}, {@code "ASSIGNED"}, {@code "RESOLVED"}; not blank
 * @param note free text about the step (a resolution, a reason); may be null
 * @since 0.1
 */
public record WorkOrderStepRecord(Instant at, String by, String what, String note) {

    public WorkOrderStepRecord {
        at = micros(notNull(at, "step.at"));
        nullOrNotBlank(by, "step.by");
        notBlank(what, "step.what");
        nullOrNotBlank(note, "step.note");
    }
}
