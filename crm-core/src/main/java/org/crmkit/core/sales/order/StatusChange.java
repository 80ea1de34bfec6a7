package org.crmkit.core.sales.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * One step of an order's status history. Immutable and thread-safe.
 *
 * @param status the status the order entered; not null
 * @param at     when it entered it (for back-office news, the back office's time); not null
 * @param note   why, or what the back office said; may be null, not blank
 * @since 0.1
 */
public record StatusChange(OrderStatus status, Instant at, String note) {

    public StatusChange {
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(at, "at must not be null");
        if (note != null && note.isBlank()) {
            throw new ValidationException("note", "must be absent (null) or not blank", note);
        }
    }

    /** @return the note, if there is one */
    public Optional<String> noteText() {
        return Optional.ofNullable(note);
    }
}
