package org.crmkit.spi.fulfillment;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.util.UUID;

import org.crmkit.spi.storage.TenantIds;

/**
 * The CRM asks the back office to stop fulfilling an order it was given (see
 * {@link OrderFulfillment#cancel(FulfillmentCancellation)}). Immutable and thread-safe.
 *
 * @param tenant              the tenant the order belongs to; a valid tenant id
 * @param orderId             the CRM's id of the order; not null
 * @param backOfficeReference the back office's reference, if the CRM has received one; may be null
 *                            (the back office then finds the order by {@code orderId})
 * @param reason              why the order is cancelled; not blank
 * @since 0.1
 */
public record FulfillmentCancellation(String tenant, UUID orderId, String backOfficeReference, String reason) {

    public FulfillmentCancellation {
        TenantIds.requireValid(tenant);
        notNull(orderId, "orderId");
        nullOrNotBlank(backOfficeReference, "backOfficeReference");
        notBlank(reason, "reason");
    }
}
