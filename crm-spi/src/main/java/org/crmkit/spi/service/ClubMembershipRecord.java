package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A customer's membership of the customer club (domain §8: one member card, points) with its
 * points ledger and the history of its tier.
 *
 * @param id         the membership's id; not null
 * @param tenant     the tenant; a valid tenant id
 * @param version    at least 1
 * @param customerId the member; not null
 * @param cardNumber the member card's number; not blank
 * @param status     {@code ACTIVE} or {@code LEFT}; not blank
 * @param joinedAt   when the customer (last) joined; not null
 * @param leftAt     when the customer left; null while active
 * @param entries    the points ledger, oldest first; not null, may be empty
 * @param tierChanges the tier changes announced, oldest first; not null, may be empty
 * @since 0.1
 */
public record ClubMembershipRecord(
        UUID id, String tenant, long version, UUID customerId, String cardNumber, String status, Instant joinedAt,
        Instant leftAt, List<PointsEntryRecord> entries, List<TierChangeRecord> tierChanges) implements StoredRecord {

    /** The kind, queryable by customerId, cardNumber and status. */
    public static final RecordKind<ClubMembershipRecord> KIND = RecordKind.of("club_membership",
            ClubMembershipRecord.class, List.of("customerId", "cardNumber", "status"),
            r -> Arrays.asList(IndexKey.ofNullable("customerId", r.customerId()),
                    IndexKey.ofNullable("cardNumber", r.cardNumber()),
                    IndexKey.ofNullable("status", r.status())));

    public ClubMembershipRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notNull(customerId, "customerId");
        notBlank(cardNumber, "cardNumber");
        notBlank(status, "status");
        joinedAt = micros(notNull(joinedAt, "joinedAt"));
        leftAt = micros(leftAt);
        entries = copy(entries, "entries");
        tierChanges = copy(tierChanges, "tierChanges");
    }
}
