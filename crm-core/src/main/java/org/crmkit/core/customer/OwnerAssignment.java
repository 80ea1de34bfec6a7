package org.crmkit.core.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * A period during which a staff member owned (was responsible for) a customer. Immutable and
 * thread-safe.
 *
 * @param owner      the responsible staff member
 * @param from       when the period began
 * @param until      when it ended; null while current
 * @param assignedBy who made the assignment
 * @param reason     why; may be null
 * @since 0.1
 */
public record OwnerAssignment(StaffId owner, Instant from, Instant until, StaffId assignedBy, String reason) {

    public OwnerAssignment {
        if (owner == null) {
            throw new ValidationException("owner", "must not be null");
        }
        if (from == null) {
            throw new ValidationException("ownerHistory.from", "must not be null");
        }
        from = from.truncatedTo(ChronoUnit.MICROS);
        until = until == null ? null : until.truncatedTo(ChronoUnit.MICROS);
        if (until != null && until.isBefore(from)) {
            throw new ValidationException("ownerHistory.until", "must not be before 'from' " + from, until);
        }
        if (assignedBy == null) {
            throw new ValidationException("assignedBy", "must not be null");
        }
        reason = Texts.optional(reason, "reason", 1000);
    }

    /** @return whether this is the current owner's period */
    public boolean isCurrent() {
        return until == null;
    }

    /** @return when the period ended, if it has */
    public Optional<Instant> ended() {
        return Optional.ofNullable(until);
    }

    OwnerAssignment endAt(Instant end) {
        return new OwnerAssignment(owner, from, end, assignedBy, reason);
    }
}
