package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A member-only offer of the customer club (domain §8) as storage keeps it.
 *
 * @param id          the offer's id; not null
 * @param tenant      the tenant; a valid tenant id
 * @param version     at least 1
 * @param title       what is offered; not blank
 * @param description more about it; may be null
 * @param tiers       the names of the tiers it is for; empty means every member; not null
 * @param validFrom   the first day it is valid; not null
 * @param validTo     the last day it is valid; not before {@code validFrom}
 * @param partner     the code of the partner merchant offering it; may be null
 * @param status      {@code ACTIVE} or {@code WITHDRAWN}; not blank
 * @param createdAt   when it was published; not null
 * @param withdrawnAt when it was withdrawn; may be null
 * @since 0.1
 */
public record OfferRecord(
        UUID id, String tenant, long version, String title, String description, List<String> tiers,
        LocalDate validFrom, LocalDate validTo, String partner, String status, Instant createdAt,
        Instant withdrawnAt) implements StoredRecord {

    /** The kind, queryable by status and partner. */
    public static final RecordKind<OfferRecord> KIND = RecordKind.of("club_offer", OfferRecord.class,
            List.of("status", "partner"),
            r -> Arrays.asList(IndexKey.ofNullable("status", r.status()), IndexKey.ofNullable("partner", r.partner())));

    public OfferRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(title, "title");
        nullOrNotBlank(description, "description");
        tiers = copy(tiers, "tiers");
        notNull(validFrom, "validFrom");
        notNull(validTo, "validTo");
        if (validTo.isBefore(validFrom)) {
            throw new ValidationException("validTo", "must not be before validFrom", validTo);
        }
        nullOrNotBlank(partner, "partner");
        notBlank(status, "status");
        createdAt = micros(notNull(createdAt, "createdAt"));
        withdrawnAt = micros(withdrawnAt);
    }
}
