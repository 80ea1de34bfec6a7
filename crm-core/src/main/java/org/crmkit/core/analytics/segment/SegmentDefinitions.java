package org.crmkit.core.analytics.segment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.analytics.SegmentDefinitionRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * A tenant's segment definitions, stored through the storage SPI as {@link SegmentDefinitionRecord}s
 * holding their {@link SegmentJson} text. Each method is one unit of work. Thread-safe if the
 * storage is.
 *
 * @since 0.1
 */
public final class SegmentDefinitions {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * @param tenant  the tenant; not null
     * @param storage the storage; not null
     * @param clock   the time of saving; not null
     * @param ids     not null; no longer drawn from: a record's id derives from the tenant and the
     *                segment id, so that concurrent first saves of one segment store it once
     */
    public SegmentDefinitions(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
    }

    /**
     * Saves a definition: a new id is inserted; a known id is replaced only by a higher version, so
     * an older revision never overwrites a newer one. Two concurrent first saves of one segment id
     * store one record: the loser is then decided like a later save (replaces with a higher version,
     * refused otherwise).
     *
     * @param definition the definition; not null
     * @return the definition as saved
     * @throws ValidationException on field {@code version} if the id is stored with the same or a higher version;
     *                             on {@code definition} if its JSON is longer than can be read back
     * @throws org.crmkit.spi.storage.StaleWriteException if another unit of work saved it meanwhile
     */
    public SegmentDefinition save(SegmentDefinition definition) {
        Objects.requireNonNull(definition, "definition must not be null");
        String json = SegmentJson.write(definition);
        try {
            storage.useTransaction(tenant.value(), s -> store(s, definition, json));
        } catch (DuplicateRecordException e) {
            // a concurrent save inserted the same segment id first (the record id derives from it);
            // nothing of ours was written, and the second attempt compares with what it stored
            storage.useTransaction(tenant.value(), s -> store(s, definition, json));
        }
        return definition;
    }

    private void store(StorageSession s, SegmentDefinition definition, String json) {
        RecordStore<SegmentDefinitionRecord> store = s.records(SegmentDefinitionRecord.KIND);
        Optional<SegmentDefinitionRecord> old = load(s, definition.id());
        if (old.isEmpty()) {
            store.insert(new SegmentDefinitionRecord(idOf(definition.id()), tenant.value(), 1, definition.id(),
                    definition.name(), definition.version(), json, clock.instant()));
            return;
        }
        SegmentDefinitionRecord r = old.get();
        if (definition.version() <= r.revision()) {
            throw new ValidationException("version", "must be above the stored version " + r.revision()
                    + " of segment '" + definition.id() + "'", definition.version());
        }
        store.update(new SegmentDefinitionRecord(r.id(), r.tenant(), r.version() + 1, definition.id(),
                definition.name(), definition.version(), json, clock.instant()));
    }

    /**
     * The record id of a new segment id in this tenant: always the same, so that two concurrent first
     * saves of one segment id collide on the store's unique ids instead of storing it twice.
     */
    private UUID idOf(String segmentId) {
        return UUID.nameUUIDFromBytes(("crmkit:" + SegmentDefinitionRecord.KIND.name() + ":" + tenant.value() + ":"
                + segmentId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** @return the stored definition with that id, if any */
    public Optional<SegmentDefinition> find(String segmentId) {
        Objects.requireNonNull(segmentId, "segmentId must not be null");
        return storage.inTransaction(tenant.value(), s -> load(s, segmentId)).map(SegmentDefinitions::restore);
    }

    /** @return every stored definition, by id */
    public List<SegmentDefinition> all() {
        List<SegmentDefinitionRecord> records = storage.inTransaction(tenant.value(), s -> {
            List<SegmentDefinitionRecord> out = new ArrayList<>();
            Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (page.isPresent()) {
                Page<SegmentDefinitionRecord> p = s.records(SegmentDefinitionRecord.KIND).query(RecordQuery.all(),
                        page.get());
                out.addAll(p.items());
                page = p.items().isEmpty() ? Optional.empty() : p.next();
            }
            return out;
        });
        return records.stream().map(SegmentDefinitions::restore)
                .sorted(Comparator.comparing(SegmentDefinition::id)).toList();
    }

    private static Optional<SegmentDefinitionRecord> load(StorageSession s, String segmentId) {
        return s.records(SegmentDefinitionRecord.KIND)
                .query(RecordQuery.all().where("segmentId", segmentId), PageRequest.first(1)).items().stream()
                .findFirst();
    }

    private static SegmentDefinition restore(SegmentDefinitionRecord r) {
        try {
            return SegmentJson.read(r.definitionJson());
        } catch (ValidationException e) {
            throw new StorageException("segment definition " + r.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }
}
