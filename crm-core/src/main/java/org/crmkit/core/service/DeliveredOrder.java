package org.crmkit.core.service;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.Money;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;

/**
 * What after-sales needs to know about an order that has been delivered: whose it is, which
 * campaign started the loop, what it was worth and when it arrived (domain §9: order → service →
 * self-service → satisfaction → club → feedback). Built by the integration code from a delivered
 * order, so that after-sales does not depend on the order aggregate. Immutable and thread-safe.
 *
 * @param orderId     the order; not null
 * @param customerId  the customer who received it; not null
 * @param campaignId  the campaign the order came from; null when it came from none
 * @param total       the order's total; not null
 * @param deliveredAt when it was delivered; not null
 * @since 0.1
 */
public record DeliveredOrder(OrderId orderId, CustomerId customerId, CampaignId campaignId, Money total,
                             Instant deliveredAt) {

    public DeliveredOrder {
        Args.notNull(orderId, "orderId");
        Args.notNull(customerId, "customerId");
        Args.notNull(total, "total");
        Args.notNull(deliveredAt, "deliveredAt");
    }

    /** @return the campaign the order came from, if any */
    public Optional<CampaignId> campaign() {
        return Optional.ofNullable(campaignId);
    }
}
