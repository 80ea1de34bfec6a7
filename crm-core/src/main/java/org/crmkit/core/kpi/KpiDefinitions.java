package org.crmkit.core.kpi;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.kpi.KpiDefinitionRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StorageSession;

/**
 * The KPIs a tenant keeps, stored through the storage SPI ({@link KpiDefinitionRecord}) so that
 * they survive the JVM: defined, revised, retired and listed. Evaluate them with {@link Kpis}.
 * Each method is one unit of work; events are published after commit; concurrent changes are
 * refused by optimistic locking. Instances are immutable and thread-safe.
 *
 * @since 0.1
 */
public final class KpiDefinitions {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant; not null
     * @param storage   where KPIs are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives committed events; not null
     */
    public KpiDefinitions(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                          DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
    }

    /**
     * Stores a new, active KPI.
     *
     * @param definition the KPI; not null
     * @param by         who defines it; not null
     * @return the stored KPI, version 1
     * @throws ValidationException naming the field if an argument is missing
     */
    public Kpi define(KpiDefinition definition, StaffId by) {
        Kpi k = Kpi.define(KpiId.of(ids.next()), tenant, definition, by, clock.instant());
        storage.useTransaction(tenant.value(), s -> s.records(KpiDefinitionRecord.KIND).insert(k.toRecord()));
        return committed(k);
    }

    /**
     * Replaces the definition of an active KPI.
     *
     * @throws ValidationException        on {@code kpiId} if the tenant has no such KPI
     * @throws IllegalTransitionException if it is retired; nothing is written
     */
    public Kpi revise(KpiId id, KpiDefinition definition, StaffId by) {
        return change(id, k -> k.revise(definition, by, clock.instant()));
    }

    /**
     * Retires an active KPI; it stays stored and listed as retired.
     *
     * @throws ValidationException        on {@code kpiId} if the tenant has no such KPI
     * @throws IllegalTransitionException if it is retired already; nothing is written
     */
    public Kpi retire(KpiId id, StaffId by) {
        return change(id, k -> k.retire(by, clock.instant()));
    }

    /** @return the KPI with that id in this tenant, or empty */
    public Optional<Kpi> find(KpiId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> load(s, id));
    }

    /**
     * @return the KPI with that id
     * @throws ValidationException on {@code kpiId} if the tenant has no such KPI
     */
    public Kpi get(KpiId id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** @return the tenant's KPIs in a state, in id order */
    public List<Kpi> list(KpiStatus status) {
        Objects.requireNonNull(status, "status must not be null");
        return storage.inTransaction(tenant.value(), s -> {
            List<Kpi> out = new ArrayList<>();
            Optional<PageRequest> page = Optional.of(PageRequest.first(PageRequest.MAX_SIZE));
            while (page.isPresent()) {
                Page<KpiDefinitionRecord> p = s.records(KpiDefinitionRecord.KIND)
                        .query(RecordQuery.all().where("status", status.name()), page.get());
                p.items().forEach(r -> out.add(Kpi.restore(r)));
                page = p.items().isEmpty() ? Optional.empty() : p.next();
            }
            return out;
        });
    }

    private Kpi change(KpiId id, Consumer<Kpi> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Kpi changed = storage.inTransaction(tenant.value(), s -> {
            Kpi k = load(s, id).orElseThrow(() -> notFound(id));
            verb.accept(k);
            if (k.hasChanges()) {
                s.records(KpiDefinitionRecord.KIND).update(k.toRecord());
            }
            return k;
        });
        return committed(changed);
    }

    private Optional<Kpi> load(StorageSession s, KpiId id) {
        return s.records(KpiDefinitionRecord.KIND).find(id.value()).map(Kpi::restore);
    }

    private ValidationException notFound(KpiId id) {
        return new ValidationException("kpiId", "must be a KPI of tenant " + tenant, id);
    }

    private Kpi committed(Kpi k) {
        List<KpiEvent> events = List.copyOf(k.recordedEvents());
        if (k.hasChanges()) {
            k.markStored();
        }
        events.forEach(publisher::on);
        return k;
    }
}
