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
 * A member of the service staff who can be dispatched work orders (domain §10), as storage keeps it.
 *
 * @param id             the agent's record id; not null
 * @param tenant         the tenant; a valid tenant id
 * @param version        at least 1
 * @param staffId        the host's id of the staff member, unique per tenant; not blank
 * @param displayName    the name shown to colleagues; not blank
 * @param skills         the skills, lower case, sorted; not null, may be empty
 * @param capacity       the most work orders the agent may have open or in progress at once; at least 1
 * @param available      whether the agent takes new work orders now
 * @param registeredAt   when the agent was registered; not null
 * @param lastAssignedAt when a work order was last assigned to the agent (by dispatch or by hand); null if never
 * @since 0.1
 */
public record ServiceAgentRecord(
        UUID id, String tenant, long version, String staffId, String displayName, List<String> skills, int capacity,
        boolean available, Instant registeredAt, Instant lastAssignedAt) implements StoredRecord {

    /** The kind, queryable by {@code staffId} and {@code available} ({@code "true"} or {@code "false"}). */
    public static final RecordKind<ServiceAgentRecord> KIND = RecordKind.of("service_agent",
            ServiceAgentRecord.class, List.of("staffId", "available"),
            r -> Arrays.asList(IndexKey.ofNullable("staffId", r.staffId()),
                    IndexKey.ofNullable("available", r.available())));

    public ServiceAgentRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(staffId, "staffId");
        notBlank(displayName, "displayName");
        skills = copy(skills, "skills");
        if (capacity < 1) {
            throw new ValidationException("capacity", "must be at least 1", capacity);
        }
        registeredAt = micros(notNull(registeredAt, "registeredAt"));
        lastAssignedAt = micros(lastAssignedAt);
    }
}
