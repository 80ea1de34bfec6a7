package org.crmkit.core.sales.opportunity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.PipelineRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TenantMismatchException;

/**
 * The sales pipelines of one tenant: define, find and list them. Each call is one unit of work;
 * events are published after it committed. Thread-safe.
 *
 * @since 0.1
 */
public final class Pipelines {

    private static final int PAGE = 500;

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where pipelines are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public Pipelines(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Defines and stores a new pipeline.
     *
     * @param name   its name; not blank, at most 200 characters, not the name of another pipeline
     *               of the tenant (compared exactly, after stripping surrounding whitespace)
     * @param stages its stages in order; see {@link Pipeline#define}
     * @return the stored pipeline, version 1
     * @throws ValidationException naming the field; on {@code name} if the tenant has a pipeline of
     *                             that name already; nothing is stored
     */
    public Pipeline define(String name, List<PipelineStage> stages) {
        Pipeline p = Pipeline.define(new PipelineId(ids.next()), tenant, name, stages, clock);
        PipelineRecord record = p.toRecord();
        storage.useTransaction(tenant.value(), session -> {
            if (session.records(PipelineRecord.KIND).count(RecordQuery.all().where("name", p.name())) > 0) {
                throw new ValidationException("name", "must be unique among the tenant's pipelines", p.name());
            }
            session.records(PipelineRecord.KIND).insert(record);
        });
        p.recordedEvents().forEach(publisher::on);
        return Pipeline.restore(record);
    }

    /** @return the pipeline with that id in this tenant, or empty */
    public Optional<Pipeline> find(PipelineId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> findWithin(session, id));
    }

    /**
     * @return the pipeline with that id
     * @throws NoSuchPipelineException if this tenant has no such pipeline
     */
    public Pipeline get(PipelineId id) {
        return find(id).orElseThrow(() -> new NoSuchPipelineException(tenant, id));
    }

    /**
     * Reads a pipeline inside a unit of work the caller runs (converting a lead opens an
     * opportunity in a pipeline this way).
     *
     * @param session a session of this tenant; not null
     * @param id      the pipeline; not null
     * @return the pipeline, or empty if this tenant has none with that id
     * @throws TenantMismatchException if the session belongs to another tenant
     */
    public Optional<Pipeline> findWithin(StorageSession session, PipelineId id) {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(id, "id must not be null");
        if (!session.tenant().equals(tenant.value())) {
            throw new TenantMismatchException(session.tenant(), tenant.value());
        }
        return session.records(PipelineRecord.KIND).find(id.value()).map(Pipelines::restore);
    }

    /** @return the pipeline with that name (compared exactly, after stripping), if there is one */
    public Optional<Pipeline> findByName(String name) {
        String n = Texts.required(name, "name", 200);
        return storage.inTransaction(tenant.value(), session -> session.records(PipelineRecord.KIND)
                .query(RecordQuery.all().where("name", n), PageRequest.first(1)).items().stream()
                .findFirst().map(Pipelines::restore));
    }

    /** @return every pipeline of the tenant, in id order (for time-ordered ids: the order defined) */
    public List<Pipeline> list() {
        List<Pipeline> all = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PAGE));
        while (page.isPresent()) {
            PageRequest request = page.get();
            Page<PipelineRecord> p = storage.inTransaction(tenant.value(),
                    session -> session.records(PipelineRecord.KIND).query(RecordQuery.all(), request));
            p.items().forEach(r -> all.add(restore(r)));
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return all;
    }

    static Pipeline restore(PipelineRecord record) {
        try {
            return Pipeline.restore(record);
        } catch (ValidationException e) {
            throw new StorageException("pipeline " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), e);
        }
    }
}
