package org.crmkit.spi.analytics;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * A stored attribute-segment definition (domain §6): its rule as the JSON text of crm-core's
 * {@code SegmentJson} format, opaque to adapters, with the few fields kept beside it for lookup.
 *
 * @param id             the record's id; not null
 * @param tenant         the tenant; a valid tenant id
 * @param version        the storage version for optimistic locking, at least 1
 * @param segmentId      the definition's id, unique in the tenant; not blank
 * @param name           the definition's name; not blank
 * @param revision       the definition's own version, at least 1
 * @param definitionJson the whole definition as JSON ({@code "format": "crmkit.segment/1"}); not blank
 * @param savedAt        when this revision was saved; not null
 * @since 0.1
 */
public record SegmentDefinitionRecord(UUID id, String tenant, long version, String segmentId, String name,
                                      long revision, String definitionJson, Instant savedAt) implements StoredRecord {

    /** The kind, queryable by segment id. */
    public static final RecordKind<SegmentDefinitionRecord> KIND = RecordKind.of("segment_definition",
            SegmentDefinitionRecord.class, List.of("segmentId"),
            r -> List.of(IndexKey.ofNullable("segmentId", r.segmentId())));

    /** Validates. */
    public SegmentDefinitionRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(segmentId, "segmentId");
        notBlank(name, "name");
        if (revision < 1) {
            throw new ValidationException("revision", "must be at least 1", revision);
        }
        notBlank(definitionJson, "definitionJson");
        savedAt = micros(notNull(savedAt, "savedAt"));
    }
}
