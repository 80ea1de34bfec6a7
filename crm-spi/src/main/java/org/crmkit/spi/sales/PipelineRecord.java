package org.crmkit.spi.sales;

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
 * A sales pipeline as storage keeps it: an ordered list of stages that opportunities move
 * through. Plain data, already validated by the domain; a store gives it back equal.
 *
 * @param id        the pipeline's id; not null
 * @param tenant    the tenant it belongs to; a valid tenant id
 * @param version   the version this record represents, at least 1
 * @param name      the pipeline's name, unique in the tenant; not blank
 * @param stages    the stages in order, the first one where opportunities start; not null, not empty
 * @param createdAt when the pipeline was defined; truncated to microseconds; not null
 * @since 0.1
 */
public record PipelineRecord(UUID id, String tenant, long version, String name, List<PipelineStageRecord> stages,
                             Instant createdAt) implements StoredRecord {

    /** The kind of pipeline records, queryable by {@code name}. */
    public static final RecordKind<PipelineRecord> KIND = RecordKind.of("pipeline", PipelineRecord.class,
            List.of("name"), r -> Arrays.asList(IndexKey.ofNullable("name", r.name())));

    public PipelineRecord {
        notNull(id, "id");
        TenantIds.requireValid(tenant);
        if (version < 1) {
            throw new ValidationException("version", "must be at least 1", version);
        }
        notBlank(name, "name");
        stages = copy(stages, "stages");
        if (stages.isEmpty()) {
            throw new ValidationException("stages", "must hold at least one stage");
        }
        createdAt = micros(notNull(createdAt, "createdAt"));
    }
}
