package org.crmkit.core.kpi;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a stored KPI.
 *
 * @since 0.1
 */
public sealed interface KpiEvent extends DomainEvent {

    /** @return the KPI */
    KpiId kpiId();

    @Override
    default UUID aggregateId() {
        return kpiId().value();
    }

    /** A KPI was defined. */
    record Defined(TenantId tenant, KpiId kpiId, Instant occurredAt, KpiDefinition definition, StaffId by)
            implements KpiEvent {
    }

    /** Its definition was replaced (a new target, a new owner). */
    record Revised(TenantId tenant, KpiId kpiId, Instant occurredAt, KpiDefinition previous, KpiDefinition definition,
                   StaffId by) implements KpiEvent {
    }

    /** It was retired. */
    record Retired(TenantId tenant, KpiId kpiId, Instant occurredAt, StaffId by) implements KpiEvent {
    }
}
