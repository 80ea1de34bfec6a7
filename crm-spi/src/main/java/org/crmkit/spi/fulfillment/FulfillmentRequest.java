package org.crmkit.spi.fulfillment;

import static org.crmkit.spi.internal.Checks.copy;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.storage.TenantIds;

/**
 * An order handed to the back office (the ERP) for fulfilment: plain data, already validated by
 * the CRM. The pair ({@link #tenant()}, {@link #orderId()}) identifies the order; the back office
 * must treat a second request for the same pair as the same order (see
 * {@link OrderFulfillment#submit(FulfillmentRequest)}). Immutable and thread-safe.
 *
 * @param tenant          the tenant the order belongs to; a valid tenant id
 * @param orderId         the CRM's id of the order; not null
 * @param customerId      the CRM's id of the customer who ordered; not null
 * @param lines           what to deliver; not empty, without null elements
 * @param total           the order's gross total (net plus tax); not null
 * @param deliveryAddress where to deliver, as free text of several lines; null when the back
 *                        office should use the address it keeps for the customer
 * @since 0.1
 */
public record FulfillmentRequest(
        String tenant, UUID orderId, UUID customerId, List<FulfillmentLine> lines, MoneyRecord total,
        String deliveryAddress) {

    public FulfillmentRequest {
        TenantIds.requireValid(tenant);
        notNull(orderId, "orderId");
        notNull(customerId, "customerId");
        lines = copy(lines, "lines");
        if (lines.isEmpty()) {
            throw new ValidationException("lines", "must not be empty");
        }
        notNull(total, "total");
        nullOrNotBlank(deliveryAddress, "deliveryAddress");
    }
}
