package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;

/**
 * One entry of a member's points ledger. Entries are appended, never changed; the balance is the
 * sum of their points. Immutable and thread-safe.
 *
 * @param id             the entry's id; not null
 * @param kind           what it does; not null
 * @param points         signed points: positive for {@link PointsEntryKind#EARN}, negative otherwise
 * @param orderId        the order it comes from or is taken back for; may be null
 * @param idempotencyKey unique within the ledger: posting with a key that is there posts nothing;
 *                       not blank, at most 200 characters
 * @param at             when it was posted; not null
 * @param note           free text; may be null
 * @since 0.1
 */
public record PointsEntry(UUID id, PointsEntryKind kind, long points, OrderId orderId, String idempotencyKey,
                          Instant at, String note) {

    public PointsEntry {
        if (id == null) {
            throw new ValidationException("entry.id", "must not be null");
        }
        if (kind == null) {
            throw new ValidationException("entry.kind", "must not be null");
        }
        if (kind == PointsEntryKind.EARN ? points <= 0 : points >= 0) {
            throw new ValidationException("points", kind == PointsEntryKind.EARN ? "must be positive for an earning"
                    : "must be negative for a " + kind.name().toLowerCase(java.util.Locale.ROOT), points);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new ValidationException("idempotencyKey", "must be 1 to 200 characters, not blank", idempotencyKey);
        }
        if (at == null) {
            throw new ValidationException("entry.at", "must not be null");
        }
        if (note != null && note.isBlank()) {
            note = null;
        }
    }

    /** @return the order, if the entry is about one */
    public Optional<OrderId> order() {
        return Optional.ofNullable(orderId);
    }
}
