package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a partner merchant of the club.
 *
 * @since 0.1
 */
public sealed interface PartnerEvent extends DomainEvent {

    /** @return the partner */
    PartnerId partnerId();

    @Override
    default UUID aggregateId() {
        return partnerId().value();
    }

    /** A partner merchant joined the club. */
    record Registered(TenantId tenant, PartnerId partnerId, Instant occurredAt, PartnerCode code, String name)
            implements PartnerEvent {
    }

    /** The partnership ended. */
    record Ended(TenantId tenant, PartnerId partnerId, Instant occurredAt) implements PartnerEvent {
    }
}
