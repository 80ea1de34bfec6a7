package org.crmkit.core.loyalty;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Money;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;

/**
 * One entry of a member's points ledger. Entries are appended, never changed; the balance is the
 * sum of their points. Immutable and thread-safe.
 *
 * @param id             the entry's id; not null
 * @param kind           what it does; not null
 * @param points         signed points: positive for {@link PointsEntryKind#EARN}, negative otherwise
 *                       (a {@link PointsEntryKind#REVERSE} may be 0 when it found nothing to take back)
 * @param orderId        the order it comes from or is taken back for; may be null
 * @param idempotencyKey unique within the ledger: posting with a key that is there posts nothing;
 *                       not blank, at most 200 characters
 * @param at             when it was posted; not null; kept to the microsecond, as storage keeps it
 * @param note           free text; may be null (blank becomes null)
 * @param where          where the card was used; not null ({@link Touchpoint#unknown()} if not known)
 * @param amount         for an earning the spend it came from, for a cash redemption the cash paid
 *                       out; may be null
 * @param expiresAt      for an earning: when what is left of it expires; null if it never does;
 *                       null for every other kind
 * @param lotId          for a reversal or an expiry: the id of the earning it is about; null otherwise
 * @param shortfall      for a reversal: the points of the earning it could not take back because the
 *                       balance had run out; 0 for every other kind
 * @since 0.1
 */
public record PointsEntry(UUID id, PointsEntryKind kind, long points, OrderId orderId, String idempotencyKey,
                          Instant at, String note, Touchpoint where, Money amount, Instant expiresAt, UUID lotId,
                          long shortfall) {

    /** The longest idempotency key. */
    public static final int KEY_MAX = 200;

    public PointsEntry {
        if (id == null) {
            throw new ValidationException("entry.id", "must not be null");
        }
        if (kind == null) {
            throw new ValidationException("entry.kind", "must not be null");
        }
        if (shortfall < 0 || (shortfall > 0 && kind != PointsEntryKind.REVERSE)) {
            throw new ValidationException("shortfall", "must be 0, or positive for a reversal", shortfall);
        }
        boolean signOk = switch (kind) {
            case EARN -> points > 0;
            case REVERSE -> points <= 0;
            default -> points < 0;
        };
        if (!signOk) {
            throw new ValidationException("points", kind == PointsEntryKind.EARN ? "must be positive for an earning"
                    : "must be " + (kind == PointsEntryKind.REVERSE ? "0 or negative" : "negative") + " for a "
                    + kind.name().toLowerCase(Locale.ROOT), points);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > KEY_MAX) {
            throw new ValidationException("idempotencyKey", "must be 1 to " + KEY_MAX + " characters, not blank",
                    idempotencyKey);
        }
        if (at == null) {
            throw new ValidationException("entry.at", "must not be null");
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
        if (note != null && note.isBlank()) {
            note = null;
        }
        if (where == null) {
            throw new ValidationException("entry.where", "must not be null");
        }
        if (expiresAt != null && (kind != PointsEntryKind.EARN || expiresAt.isBefore(at))) {
            throw new ValidationException("expiresAt", "must be set only on an earning, not before it", expiresAt);
        }
        boolean needsLot = kind == PointsEntryKind.REVERSE || kind == PointsEntryKind.EXPIRE;
        if (needsLot != (lotId != null)) {
            throw new ValidationException("lotId", "must be set exactly on a reversal or an expiry", lotId);
        }
    }

    /** @return the order, if the entry is about one */
    public Optional<OrderId> order() {
        return Optional.ofNullable(orderId);
    }

    /** @return the spend or cash value, if one was recorded */
    public Optional<Money> money() {
        return Optional.ofNullable(amount);
    }

    /** @return when the points of an earning expire, if they do */
    public Optional<Instant> expiry() {
        return Optional.ofNullable(expiresAt);
    }

    /** @return whether this is an earning whose points have expired at {@code asOf} */
    boolean expiredAt(Instant asOf) {
        return expiresAt != null && !expiresAt.isAfter(asOf);
    }
}
