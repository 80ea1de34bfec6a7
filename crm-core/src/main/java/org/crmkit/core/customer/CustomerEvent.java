package org.crmkit.core.customer;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a customer. Each business verb of {@link Customer} records one of these.
 *
 * @since 0.1
 */
public sealed interface CustomerEvent extends DomainEvent {

    /** @return the customer */
    CustomerId customerId();

    @Override
    default UUID aggregateId() {
        return customerId().value();
    }

    /** The customer was registered. */
    record Registered(TenantId tenant, CustomerId customerId, Instant occurredAt, CustomerType type, String name,
                      StaffId owner, StaffId registeredBy) implements CustomerEvent {
    }

    /** The customer's name changed. */
    record Renamed(TenantId tenant, CustomerId customerId, Instant occurredAt, String from, String to, StaffId by)
            implements CustomerEvent {
    }

    /** Another staff member became responsible for the customer. */
    record OwnerReassigned(TenantId tenant, CustomerId customerId, Instant occurredAt, StaffId previousOwner,
                           StaffId newOwner, StaffId by, String reason) implements CustomerEvent {
    }

    /** A department recorded an interaction. */
    record InteractionRecorded(TenantId tenant, CustomerId customerId, Instant occurredAt, UUID entryId,
                               Channel channel, StaffId staff, String department) implements CustomerEvent {
    }

    /** The customer granted consent. */
    record ConsentGranted(TenantId tenant, CustomerId customerId, Instant occurredAt, Channel channel,
                          Purpose purpose, String evidence) implements CustomerEvent {
    }

    /** The customer withdrew consent. */
    record ConsentWithdrawn(TenantId tenant, CustomerId customerId, Instant occurredAt, Channel channel,
                            Purpose purpose, String evidence) implements CustomerEvent {
    }

    /** The relationship level changed. */
    record RelationshipLevelChanged(TenantId tenant, CustomerId customerId, Instant occurredAt,
                                    RelationshipLevel from, RelationshipLevel to, StaffId by, String reason)
            implements CustomerEvent {
    }

    /** The lifecycle stage changed. */
    record LifecycleStageChanged(TenantId tenant, CustomerId customerId, Instant occurredAt, LifecycleStage from,
                                 LifecycleStage to, String reason) implements CustomerEvent {
    }

    /** An e-mail address or phone number was added. */
    record ContactPointAdded(TenantId tenant, CustomerId customerId, Instant occurredAt, ContactPoint contactPoint)
            implements CustomerEvent {
    }

    /** An e-mail address or phone number was removed. */
    record ContactPointRemoved(TenantId tenant, CustomerId customerId, Instant occurredAt,
                               ContactPoint contactPoint) implements CustomerEvent {
    }

    /** A postal address was added. */
    record PostalAddressAdded(TenantId tenant, CustomerId customerId, Instant occurredAt, PostalAddress address)
            implements CustomerEvent {
    }

    /** An attribute was set (added or changed). */
    record AttributeRecorded(TenantId tenant, CustomerId customerId, Instant occurredAt, Attribute attribute)
            implements CustomerEvent {
    }

    /** An attribute was removed. */
    record AttributeRemoved(TenantId tenant, CustomerId customerId, Instant occurredAt, AttributeCategory category,
                            String name) implements CustomerEvent {
    }

    /** A message was sent to the customer. */
    record MessageSent(TenantId tenant, CustomerId customerId, Instant occurredAt, UUID messageId, Channel channel,
                       Purpose purpose, String deliveryStatus) implements CustomerEvent {
    }

    /** A message to the customer was refused before sending. */
    record MessageRefused(TenantId tenant, CustomerId customerId, Instant occurredAt, Channel channel,
                          Purpose purpose, ContactDecision.Reason reason) implements CustomerEvent {
    }
}
