package org.crmkit.spi.service;

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
 * A partner merchant of the customer club (domain §8): members earn and redeem points there.
 *
 * @param id             the partner's id; not null
 * @param tenant         the tenant; a valid tenant id
 * @param version        at least 1
 * @param code           the partner's code, unique in the tenant; not blank
 * @param name           the partner's name; not blank
 * @param pointsPerUnit  points a member earns per whole currency unit spent there; 0 or more
 * @param redeemAllowed  whether members may redeem points there
 * @param status         {@code ACTIVE} or {@code ENDED}; not blank
 * @param registeredAt   when the partnership started; not null
 * @param endedAt        when it ended; may be null
 * @since 0.1
 */
public record PartnerMerchantRecord(
        UUID id, String tenant, long version, String code, String name, long pointsPerUnit, boolean redeemAllowed,
        String status, Instant registeredAt, Instant endedAt) implements StoredRecord {

    /** The kind, queryable by code and status. */
    public static final RecordKind<PartnerMerchantRecord> KIND = RecordKind.of("club_partner",
            PartnerMerchantRecord.class, List.of("code", "status"),
            r -> Arrays.asList(IndexKey.ofNullable("code", r.code()), IndexKey.ofNullable("status", r.status())));

    public PartnerMerchantRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(code, "code");
        notBlank(name, "name");
        if (pointsPerUnit < 0) {
            throw new ValidationException("pointsPerUnit", "must not be negative", pointsPerUnit);
        }
        notBlank(status, "status");
        registeredAt = micros(notNull(registeredAt, "registeredAt"));
        endedAt = micros(endedAt);
    }
}
