package org.crmkit.core.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * A contact between the company and a customer, as a department records it: a call, a visit, an
 * e-mail exchange, a complaint taken at the counter. Immutable and thread-safe.
 *
 * @param occurredAt when it happened; null means now (the {@code Crm}'s clock)
 * @param channel    the channel it happened on
 * @param staff      the staff member who handled it
 * @param department the department that recorded it, such as {@code "sales"} or {@code "service"}; may be null
 * @param summary    what was said or done; not blank, at most 1,000,000 characters
 * @param outcome    the result, such as {@code "quote requested"}; may be null
 * @since 0.1
 */
public record Interaction(
        Instant occurredAt, Channel channel, StaffId staff, String department, String summary, String outcome) {

    public Interaction {
        occurredAt = occurredAt == null ? null : occurredAt.truncatedTo(ChronoUnit.MICROS);
        if (channel == null) {
            throw new ValidationException("interaction.channel", "must not be null");
        }
        if (staff == null) {
            throw new ValidationException("interaction.staff", "must not be null");
        }
        department = Texts.optional(department, "interaction.department", 100);
        summary = Texts.required(summary, "interaction.summary", 1_000_000);
        outcome = Texts.optional(outcome, "interaction.outcome", 2000);
    }

    /** @return an interaction that happened now, with no department or outcome */
    public static Interaction now(Channel channel, StaffId staff, String summary) {
        return new Interaction(null, channel, staff, null, summary, null);
    }

    /** @return this interaction, recorded by {@code dept} */
    public Interaction inDepartment(String dept) {
        return new Interaction(occurredAt, channel, staff, dept, summary, outcome);
    }

    /** @return this interaction, with an outcome */
    public Interaction withOutcome(String result) {
        return new Interaction(occurredAt, channel, staff, department, summary, result);
    }

    /** @return this interaction, at a given time */
    public Interaction at(Instant when) {
        return new Interaction(when, channel, staff, department, summary, outcome);
    }

    /** @return when it happened, if given */
    public Optional<Instant> when() {
        return Optional.ofNullable(occurredAt);
    }
}
