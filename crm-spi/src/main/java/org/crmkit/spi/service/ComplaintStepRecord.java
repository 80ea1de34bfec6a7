package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.UUID;

/**
 * One step in the handling of a complaint (domain §10), as storage keeps it. A store treats the
 * codes as opaque text.
 *
 * @param at          when the step was taken; not null
 * @param by          the staff member who took it; null when the customer or the system did
 * @param what        the step's code: {@code RECEIVED}, {@code EXPECTATION}, {@code ACTION},
 *                    {@code ANSWERED}, {@code FOLLOWED_UP}, {@code REOPENED} or {@code CLOSED}; not blank
 * @param text        the step's words (what the customer expects, what was done, the answer, the
 *                    customer's comment, the reason); may be null
 * @param code        a further code of the step (the remedy the customer expects); may be null
 * @param workOrderId the work order an action opened; may be null
 * @param score       the customer's satisfaction with the handling, 1 to 5, on a follow-up; may be null
 * @since 0.1
 */
public record ComplaintStepRecord(Instant at, String by, String what, String text, String code, UUID workOrderId,
                                  Integer score) {

    public ComplaintStepRecord {
        at = micros(notNull(at, "step.at"));
        nullOrNotBlank(by, "step.by");
        notBlank(what, "step.what");
        nullOrNotBlank(text, "step.text");
        nullOrNotBlank(code, "step.code");
    }
}
