package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;

/**
 * What happened to a work order. Each business verb of {@link WorkOrder} records one of these.
 * Staff ({@code by}) may be null where the customer or the system acted.
 *
 * @since 0.1
 */
public sealed interface WorkOrderEvent extends DomainEvent {

    /** @return the work order */
    WorkOrderId workOrderId();

    @Override
    default UUID aggregateId() {
        return workOrderId().value();
    }

    /** A work order was opened; order and campaign may be null. */
    record Opened(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, CustomerId customerId,
                  OrderId orderId, CampaignId campaignId, WorkOrderOrigin origin, WorkOrderPriority priority,
                  StaffId by) implements WorkOrderEvent {
    }

    /** Someone was made responsible; {@code previous} may be null. */
    record Assigned(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId assignee,
                    StaffId previous, StaffId by) implements WorkOrderEvent {
    }

    /** Work started. */
    record Started(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId by)
            implements WorkOrderEvent {
    }

    /** The problem was solved; the resolution may be null. */
    record Resolved(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId by, String resolution)
            implements WorkOrderEvent {
    }

    /** The work order was closed. */
    record Closed(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId by)
            implements WorkOrderEvent {
    }

    /** A resolved work order was reopened; the reason may be null. */
    record Reopened(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId by, String reason)
            implements WorkOrderEvent {
    }

    /** The work order was dispatched automatically to {@code assignee}; {@code why} is the decision's summary. */
    record Dispatched(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId assignee, String why)
            implements WorkOrderEvent {
    }

    /** The assignee {@code previous} was released; the work order waits for dispatch again. */
    record Released(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, StaffId previous, String reason)
            implements WorkOrderEvent {
    }

    /** A service-level target was missed: the response or resolution came {@code lateBy} after {@code dueAt}. */
    record ServiceLevelBreached(TenantId tenant, WorkOrderId workOrderId, Instant occurredAt, ServiceTarget target,
                                Instant dueAt, java.time.Duration lateBy) implements WorkOrderEvent {
    }
}
