package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * One entry of a club member's points ledger. Entries are appended and never changed; the balance
 * is the sum of their points.
 *
 * @param id             the entry's id; not null
 * @param kind           {@code EARN}, {@code REDEEM}, {@code REVERSE} or {@code EXPIRE}; not blank
 * @param points         signed points: positive for an earning, negative (or, for a reversal that
 *                       found nothing to take, zero) otherwise
 * @param orderId        the order the points came from or are taken back for; may be null
 * @param idempotencyKey the key that makes posting the same thing twice post it once, for example
 *                       {@code "earn:<orderId>"}; not blank, unique within the membership
 * @param at             when it was posted; not null
 * @param note           free text; may be null
 * @param channel        the channel the card was used through (for example {@code "STORE"}, {@code "WEB"}); may be null
 * @param store          the code of the store the card was used in; may be null
 * @param partner        the code of the partner merchant the card was used at; may be null
 * @param amount         for an earning the spend it came from, for a cash redemption the cash value; may be null
 * @param expiresAt      for an earning: when its points expire; may be null (they never do)
 * @param lotId          for a reversal or an expiry: the id of the earning entry it takes points from; may be null
 * @param shortfall      for a reversal: the points it should have taken back but the balance could
 *                       not cover; 0 or more (0 for every other kind)
 * @since 0.1
 */
public record PointsEntryRecord(
        UUID id, String kind, long points, UUID orderId, String idempotencyKey, Instant at, String note,
        String channel, String store, String partner, MoneyRecord amount, Instant expiresAt, UUID lotId,
        long shortfall) {

    public PointsEntryRecord {
        notNull(id, "entry.id");
        notBlank(kind, "entry.kind");
        notBlank(idempotencyKey, "entry.idempotencyKey");
        at = micros(notNull(at, "entry.at"));
        nullOrNotBlank(note, "entry.note");
        nullOrNotBlank(channel, "entry.channel");
        nullOrNotBlank(store, "entry.store");
        nullOrNotBlank(partner, "entry.partner");
        expiresAt = micros(expiresAt);
        if (shortfall < 0) {
            throw new ValidationException("entry.shortfall", "must not be negative", shortfall);
        }
    }

    /** An entry without touchpoint, amount, expiry, lot or shortfall: the form of the first release. */
    public PointsEntryRecord(UUID id, String kind, long points, UUID orderId, String idempotencyKey, Instant at,
                             String note) {
        this(id, kind, points, orderId, idempotencyKey, at, note, null, null, null, null, null, null, 0);
    }
}
