package org.crmkit.core.sales.order;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.QuoteId;

/**
 * What happened to an order. Each business verb of {@link Order} records one of these.
 *
 * @since 0.1
 */
public sealed interface OrderEvent extends DomainEvent {

    /** @return the order */
    OrderId orderId();

    @Override
    default UUID aggregateId() {
        return orderId().value();
    }

    /** The order was made from an accepted quote. */
    record Placed(TenantId tenant, OrderId orderId, Instant occurredAt, QuoteId quoteId, CustomerId customerId,
                  Money grossTotal) implements OrderEvent {
    }

    /** The back office took the order and gave its reference. */
    record Submitted(TenantId tenant, OrderId orderId, Instant occurredAt, String backOfficeReference)
            implements OrderEvent {
    }

    /** The back office confirmed the order. */
    record Confirmed(TenantId tenant, OrderId orderId, Instant occurredAt, String note) implements OrderEvent {
    }

    /** The order was shipped; carrier and tracking number may be null. */
    record Shipped(TenantId tenant, OrderId orderId, Instant occurredAt, String carrier, String trackingNumber)
            implements OrderEvent {
    }

    /** The order reached the customer. */
    record Delivered(TenantId tenant, OrderId orderId, Instant occurredAt) implements OrderEvent {
    }

    /** The order was cancelled, by the CRM or by the back office. */
    record Cancelled(TenantId tenant, OrderId orderId, Instant occurredAt, OrderStatus from, String reason)
            implements OrderEvent {
    }
}
