package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a member-only offer.
 *
 * @since 0.1
 */
public sealed interface OfferEvent extends DomainEvent {

    /** @return the offer */
    OfferId offerId();

    @Override
    default UUID aggregateId() {
        return offerId().value();
    }

    /** An offer was published. */
    record Published(TenantId tenant, OfferId offerId, Instant occurredAt, String title) implements OfferEvent {
    }

    /** An offer was withdrawn. */
    record Withdrawn(TenantId tenant, OfferId offerId, Instant occurredAt) implements OfferEvent {
    }
}
