package org.crmkit.core.sales.opportunity;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * One routing of an opportunity to another salesperson. Immutable and thread-safe.
 *
 * @param from   the previous owner; not null
 * @param to     the new owner; not null, not {@code from}
 * @param at     when; not null
 * @param by     who routed it (usually a manager); not null
 * @param reason why; may be null, otherwise not blank and at most 2000 characters
 * @since 0.1
 */
public record Routing(StaffId from, StaffId to, Instant at, StaffId by, String reason) {

    public Routing {
        Texts.notNull(from, "from");
        Texts.notNull(to, "to");
        if (from.equals(to)) {
            throw new ValidationException("to", "must differ from the current owner", to);
        }
        Texts.notNull(at, "at");
        Texts.notNull(by, "by");
        reason = Texts.optional(reason, "reason", 2000);
    }

    /** @return why, if a reason was given */
    public Optional<String> why() {
        return Optional.ofNullable(reason);
    }
}
