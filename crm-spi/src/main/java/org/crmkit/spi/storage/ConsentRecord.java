package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

/**
 * One consent decision: a customer granted or withdrew consent to be contacted on a channel for
 * a purpose. A customer's records form a history; the latest per channel and purpose is in force.
 *
 * @param channel  channel code, for example {@code "EMAIL"}; not blank
 * @param purpose  purpose code, for example {@code "MARKETING"}; not blank
 * @param status   {@code "GRANTED"} or {@code "WITHDRAWN"}; not blank
 * @param at       when the decision was made; not null
 * @param evidence how it was obtained (a form id, a recorded call); not blank
 * @since 0.1
 */
public record ConsentRecord(String channel, String purpose, String status, java.time.Instant at, String evidence) {

    public ConsentRecord {
        notBlank(channel, "consent.channel");
        notBlank(purpose, "consent.purpose");
        notBlank(status, "consent.status");
        at = micros(notNull(at, "consent.at"));
        notBlank(evidence, "consent.evidence");
    }
}
