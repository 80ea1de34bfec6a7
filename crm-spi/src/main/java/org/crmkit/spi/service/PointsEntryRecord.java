package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a club member's points ledger. Entries are appended and never changed; the balance
 * is the sum of their points.
 *
 * @param id             the entry's id; not null
 * @param kind           {@code EARN}, {@code REDEEM} or {@code REVERSE}; not blank
 * @param points         signed points: positive for an earning, negative for a redemption or a reversal
 * @param orderId        the order the points came from or are taken back for; may be null
 * @param idempotencyKey the key that makes posting the same thing twice post it once, for example
 *                       {@code "earn:<orderId>"}; not blank, unique within the membership
 * @param at             when it was posted; not null
 * @param note           free text; may be null
 * @since 0.1
 */
public record PointsEntryRecord(
        UUID id, String kind, long points, UUID orderId, String idempotencyKey, Instant at, String note) {

    public PointsEntryRecord {
        notNull(id, "entry.id");
        notBlank(kind, "entry.kind");
        notBlank(idempotencyKey, "entry.idempotencyKey");
        at = micros(notNull(at, "entry.at"));
        nullOrNotBlank(note, "entry.note");
    }
}
