package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;

/**
 * What happened to a club membership.
 *
 * @since 0.1
 */
public sealed interface MembershipEvent extends DomainEvent {

    /** @return the membership */
    MembershipId membershipId();

    @Override
    default UUID aggregateId() {
        return membershipId().value();
    }

    /** The customer joined the club. */
    record Joined(TenantId tenant, MembershipId membershipId, Instant occurredAt, CustomerId customerId,
                  CardNumber cardNumber) implements MembershipEvent {
    }

    /** The customer left the club. */
    record Left(TenantId tenant, MembershipId membershipId, Instant occurredAt) implements MembershipEvent {
    }

    /** A former member joined again. */
    record Rejoined(TenantId tenant, MembershipId membershipId, Instant occurredAt) implements MembershipEvent {
    }

    /** Points were posted to the ledger (earned, redeemed, reversed or expired); the order may be null. */
    record PointsPosted(TenantId tenant, MembershipId membershipId, Instant occurredAt, UUID entryId,
                        PointsEntryKind kind, long points, OrderId orderId, long balance) implements MembershipEvent {
    }

    /** The member's tier, derived from the ledger, moved from one tier to another. */
    record TierChanged(TenantId tenant, MembershipId membershipId, Instant occurredAt, String fromTier,
                       String toTier) implements MembershipEvent {
    }
}
