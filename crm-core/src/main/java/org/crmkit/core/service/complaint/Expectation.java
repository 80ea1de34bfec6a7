package org.crmkit.core.service.complaint;

import java.time.Instant;

import org.crmkit.core.common.StaffId;

/**
 * The expectation behind a complaint (domain §10, step 2): the remedy the customer expects, in
 * their words. Immutable.
 *
 * @param remedy the kind of remedy; not null
 * @param detail what exactly the customer expects, at most 4000 characters; not blank (stripped)
 * @param at     when it was recorded; not null
 * @param by     who recorded it; null when the customer stated it alone
 * @since 0.1
 */
public record Expectation(ExpectedRemedy remedy, String detail, Instant at, StaffId by) {

    public Expectation {
        Checks.notNull(remedy, "remedy");
        detail = Checks.required(detail, "expectation", Checks.TEXT_MAX);
        Checks.notNull(at, "at");
    }
}
