package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Optional;

/**
 * One period during which a staff member owned (was responsible for) a customer.
 *
 * @param ownerId    the staff member's id; not blank
 * @param from       when the period started; not null
 * @param until      when it ended; null for the current owner
 * @param assignedBy who made the assignment; not blank
 * @param reason     why; may be null
 * @since 0.1
 */
public record OwnershipRecord(String ownerId, Instant from, Instant until, String assignedBy, String reason) {

    public OwnershipRecord {
        notBlank(ownerId, "ownership.ownerId");
        from = micros(notNull(from, "ownership.from"));
        until = micros(until);
        notBlank(assignedBy, "ownership.assignedBy");
        nullOrNotBlank(reason, "ownership.reason");
    }

    /** @return when this period ended, or empty if it is the current one */
    public Optional<Instant> ended() {
        return Optional.ofNullable(until);
    }
}
