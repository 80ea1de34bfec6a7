package org.crmkit.spi.fulfillment;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.TenantIds;

/**
 * News from the back office about an order it took: confirmed, shipped (with tracking where there
 * is one), delivered, or cancelled. The host receives it from its ERP (a message, a webhook, a
 * poll) and hands it to the CRM's orders service, which applies it to the order.
 *
 * <p>Updates may arrive more than once: the CRM treats an update that repeats what the order
 * already went through as a no-op. Immutable and thread-safe.
 *
 * @param tenant              the tenant the order belongs to; a valid tenant id
 * @param orderId             the CRM's id of the order, as sent in the {@link FulfillmentRequest}; not null
 * @param backOfficeReference the back office's reference for the order, as in its
 *                            {@link FulfillmentReceipt}; not blank
 * @param kind                one of {@link #CONFIRMED}, {@link #SHIPPED}, {@link #DELIVERED},
 *                            {@link #CANCELLED}; not blank
 * @param at                  when it happened in the back office; not null, truncated to microseconds
 * @param trackingCarrier     the carrier that ships it (for {@link #SHIPPED}); may be null, and is
 *                            set exactly when {@code trackingNumber} is set
 * @param trackingNumber      the carrier's tracking number; may be null, and is set exactly when
 *                            {@code trackingCarrier} is set
 * @param note                free text from the back office (a reason for a cancellation); may be null,
 *                            not blank
 * @since 0.1
 */
public record FulfillmentUpdate(
        String tenant, UUID orderId, String backOfficeReference, String kind, Instant at, String trackingCarrier,
        String trackingNumber, String note) {

    /** The back office accepted the order and will fulfil it. */
    public static final String CONFIRMED = "CONFIRMED";
    /** The goods left the warehouse. */
    public static final String SHIPPED = "SHIPPED";
    /** The goods reached the customer. */
    public static final String DELIVERED = "DELIVERED";
    /** The back office will not fulfil the order. */
    public static final String CANCELLED = "CANCELLED";

    /** Every kind, in the order an order normally goes through them (cancellation last). */
    public static final List<String> KINDS = List.of(CONFIRMED, SHIPPED, DELIVERED, CANCELLED);

    public FulfillmentUpdate {
        TenantIds.requireValid(tenant);
        notNull(orderId, "orderId");
        notBlank(backOfficeReference, "backOfficeReference");
        notBlank(kind, "kind");
        if (!KINDS.contains(kind)) {
            throw new ValidationException("kind", "must be one of " + String.join(", ", KINDS), kind);
        }
        at = micros(notNull(at, "at"));
        nullOrNotBlank(trackingCarrier, "trackingCarrier");
        nullOrNotBlank(trackingNumber, "trackingNumber");
        if ((trackingCarrier == null) != (trackingNumber == null)) {
            throw new ValidationException(trackingCarrier == null ? "trackingCarrier" : "trackingNumber",
                    "must be given together with the tracking " + (trackingCarrier == null ? "number" : "carrier"));
        }
        if (trackingCarrier != null && !SHIPPED.equals(kind)) {
            throw new ValidationException("trackingCarrier", "must be absent unless the kind is SHIPPED", kind);
        }
        nullOrNotBlank(note, "note");
    }
}
