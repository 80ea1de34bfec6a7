package org.crmkit.core.service;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;

/**
 * What happened in a self-service session.
 *
 * @since 0.1
 */
public sealed interface SelfServiceEvent extends DomainEvent {

    /** @return the session */
    SelfServiceSessionId sessionId();

    @Override
    default UUID aggregateId() {
        return sessionId().value();
    }

    /** An article was offered to a customer. */
    record ArticleOffered(TenantId tenant, SelfServiceSessionId sessionId, Instant occurredAt, CustomerId customerId,
                          ArticleId articleId, String query) implements SelfServiceEvent {
    }

    /** The article solved the problem; {@code by} may be null (the customer said so). */
    record Solved(TenantId tenant, SelfServiceSessionId sessionId, Instant occurredAt, StaffId by)
            implements SelfServiceEvent {
    }

    /** The article did not solve the problem and the session was escalated; {@code by} may be null. */
    record Escalated(TenantId tenant, SelfServiceSessionId sessionId, Instant occurredAt, WorkOrderId workOrderId,
                     StaffId by) implements SelfServiceEvent {
    }
}
