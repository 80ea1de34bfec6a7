package org.crmkit.core.service.complaint;

import java.time.Instant;

import org.crmkit.core.common.StaffId;

/**
 * An answer given to the complaining customer, with the solution (domain §10, step 4). Immutable.
 *
 * @param at   when the customer was answered; not null
 * @param by   who answered; not null
 * @param text the answer and its solution, at most 4000 characters; not blank (stripped)
 * @since 0.1
 */
public record ComplaintAnswer(Instant at, StaffId by, String text) {

    public ComplaintAnswer {
        Checks.notNull(at, "at");
        Checks.notNull(by, "by");
        text = Checks.required(text, "answer", Checks.TEXT_MAX);
    }
}
