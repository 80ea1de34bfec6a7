package org.crmkit.core.common;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened to an aggregate. Events are immutable records; an aggregate records
 * them as its business verbs run, and the {@code Crm} publishes them to its listeners once the
 * change is committed.
 *
 * @since 0.1
 */
public interface DomainEvent {

    /** @return the tenant of the aggregate */
    TenantId tenant();

    /** @return the id of the aggregate the event happened to */
    UUID aggregateId();

    /** @return when it happened */
    Instant occurredAt();
}
