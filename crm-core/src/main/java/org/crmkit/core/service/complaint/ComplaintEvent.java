package org.crmkit.core.service.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.WorkOrderId;

/**
 * What happened to a complaint: one event per step of domain §10. Staff ({@code by}) may be null
 * where the customer or the system acted.
 *
 * @since 0.1
 */
public sealed interface ComplaintEvent extends DomainEvent {

    /** @return the complaint */
    ComplaintId complaintId();

    @Override
    default UUID aggregateId() {
        return complaintId().value();
    }

    /**
     * Step 1: a complaint was recorded and acknowledged; {@code repeatOf} is the earlier complaint it
     * repeats, or null.
     */
    record Received(TenantId tenant, ComplaintId complaintId, Instant occurredAt, CustomerId customerId,
                    Channel channel, ComplaintCategory category, String acknowledgement, ComplaintId repeatOf,
                    StaffId by) implements ComplaintEvent {
    }

    /** Step 2: the expectation behind it was recorded (or revised). */
    record ExpectationRecorded(TenantId tenant, ComplaintId complaintId, Instant occurredAt, ExpectedRemedy remedy,
                               String detail, StaffId by) implements ComplaintEvent {
    }

    /** Step 3: something was done; {@code workOrderId} is the work order it opened, or null. */
    record ActionTaken(TenantId tenant, ComplaintId complaintId, Instant occurredAt, String what,
                       WorkOrderId workOrderId, StaffId by) implements ComplaintEvent {
    }

    /** Step 4: the customer was answered, {@code timeToAnswer} after the complaint was received. */
    record Answered(TenantId tenant, ComplaintId complaintId, Instant occurredAt, Duration timeToAnswer,
                    StaffId by) implements ComplaintEvent {
    }

    /** Step 5: the customer rated the handling, 1 to 5. */
    record FollowedUp(TenantId tenant, ComplaintId complaintId, Instant occurredAt, int score, StaffId by)
            implements ComplaintEvent {
    }

    /** The customer was not satisfied with the answer; the reason may be null. */
    record Reopened(TenantId tenant, ComplaintId complaintId, Instant occurredAt, String reason, StaffId by)
            implements ComplaintEvent {
    }

    /** The complaint was closed. */
    record Closed(TenantId tenant, ComplaintId complaintId, Instant occurredAt, StaffId by)
            implements ComplaintEvent {
    }
}
