package org.crmkit.core.kpi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.kpi.KpiDefinitionRecord;

/**
 * A KPI the company keeps (domain §11): a {@link KpiDefinition} with an id, who defined it, and a
 * status. Its definition may be revised while it is active; retiring it is final. A working copy
 * is not thread-safe; the stored state is changed only through {@link KpiDefinitions}.
 *
 * @since 0.1
 */
public final class Kpi {

    /** The aggregate's name in exceptions. */
    public static final String AGGREGATE = "KPI";

    private final KpiId id;
    private final TenantId tenant;
    private long version;
    private KpiDefinition definition;
    private KpiStatus status;
    private final StaffId definedBy;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<KpiEvent> events = new ArrayList<>();

    private Kpi(KpiId id, TenantId tenant, long version, KpiDefinition definition, KpiStatus status, StaffId definedBy,
                Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.definition = definition;
        this.status = status;
        this.definedBy = definedBy;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * Defines a new, active KPI (version 0 until stored).
     *
     * @throws ValidationException naming the field if an argument is missing
     */
    public static Kpi define(KpiId id, TenantId tenant, KpiDefinition definition, StaffId by, Instant at) {
        require(id, "kpiId");
        require(tenant, "tenant");
        require(definition, "definition");
        require(by, "by");
        require(at, "at");
        Kpi k = new Kpi(id, tenant, 0, definition, KpiStatus.ACTIVE, by, at, at);
        k.events.add(new KpiEvent.Defined(tenant, id, at, definition, by));
        return k;
    }

    /**
     * Replaces the definition of an active KPI; the same definition again changes nothing.
     *
     * @throws IllegalTransitionException if the KPI is retired
     */
    public void revise(KpiDefinition next, StaffId by, Instant at) {
        require(next, "definition");
        require(by, "by");
        require(at, "at");
        if (status != KpiStatus.ACTIVE) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), "revise");
        }
        if (next.equals(definition)) {
            return;
        }
        KpiDefinition previous = definition;
        definition = next;
        updatedAt = at;
        events.add(new KpiEvent.Revised(tenant, id, at, previous, next, by));
    }

    /**
     * Retires the KPI: {@code ACTIVE → RETIRED}, final.
     *
     * @throws IllegalTransitionException if it is retired already
     */
    public void retire(StaffId by, Instant at) {
        require(by, "by");
        require(at, "at");
        if (!status.canTransitionTo(KpiStatus.RETIRED)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), "retire");
        }
        status = KpiStatus.RETIRED;
        updatedAt = at;
        events.add(new KpiEvent.Retired(tenant, id, at, by));
    }

    /** @return the KPI a stored record describes */
    public static Kpi restore(KpiDefinitionRecord r) {
        TimeFrame frame = r.periodFrom() == null ? new TimeFrame(TimeFrame.Recurrence.valueOf(r.recurrence()), null)
                : new TimeFrame(TimeFrame.Recurrence.valueOf(r.recurrence()),
                KpiPeriod.between(r.periodFrom(), r.periodTo()));
        KpiOwner owner = switch (r.ownerKind()) {
            case "STAFF" -> KpiOwner.staff(StaffId.of(r.owner()));
            case "TEAM" -> KpiOwner.team(r.owner(), r.teamMembers().stream().map(StaffId::of)
                    .collect(Collectors.toSet()));
            case "COMPANY" -> KpiOwner.company();
            default -> throw new ValidationException("ownerKind", "must be STAFF, TEAM or COMPANY", r.ownerKind());
        };
        KpiDefinition d = new KpiDefinition(r.name(), r.description(), Measure.valueOf(r.measure()), r.target(),
                Direction.valueOf(r.direction()), r.currency(), r.parentGoal(), frame, owner);
        return new Kpi(KpiId.of(r.id()), TenantId.of(r.tenant()), r.version(), d, KpiStatus.valueOf(r.status()),
                StaffId.of(r.definedBy()), r.createdAt(), r.updatedAt());
    }

    /** @return the record of this KPI at its next version, for storing */
    public KpiDefinitionRecord toRecord() {
        KpiOwner o = definition.owner();
        String kind;
        String ownerName;
        List<String> members = List.of();
        if (o instanceof KpiOwner.Staff s) {
            kind = "STAFF";
            ownerName = s.staff().value();
        } else if (o instanceof KpiOwner.Team t) {
            kind = "TEAM";
            ownerName = t.name();
            Set<String> sorted = new TreeSet<>();
            t.members().forEach(m -> sorted.add(m.value()));
            members = List.copyOf(sorted);
        } else {
            kind = "COMPANY";
            ownerName = null;
        }
        TimeFrame frame = definition.timeFrame();
        BigDecimal target = definition.target();
        return new KpiDefinitionRecord(id.value(), tenant.value(), version + 1, definition.name(),
                definition.description(), definition.measure().name(), target, definition.direction().name(),
                definition.currency(), definition.parentGoal(), frame.recurrence().name(),
                frame.fixed() == null ? null : frame.fixed().from(), frame.fixed() == null ? null : frame.fixed().to(),
                kind, ownerName, members, status.name(), definedBy.value(), createdAt, updatedAt);
    }

    /** @return the id */
    public KpiId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version: 0 before it is first stored, one more per stored change */
    public long version() {
        return version;
    }

    /** @return the current definition */
    public KpiDefinition definition() {
        return definition;
    }

    /** @return the status */
    public KpiStatus status() {
        return status;
    }

    /** @return who defined it */
    public StaffId definedBy() {
        return definedBy;
    }

    /** @return when it was defined */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<KpiEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    @Override
    public String toString() {
        return "Kpi[" + id + ", " + definition.name() + ", " + status + ", v" + version + "]";
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
    }
}
