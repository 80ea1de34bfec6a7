package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * Delivery tracking of a shipped order.
 *
 * @param carrier     the carrier; may be null (then {@code number} is null too), not blank
 * @param number      the carrier's tracking number; may be null (then {@code carrier} is null too), not blank
 * @param shippedAt   when the order was shipped; not null, truncated to microseconds
 * @param deliveredAt when it was delivered; null until then, truncated to microseconds
 * @since 0.1
 */
public record OrderTrackingRecord(String carrier, String number, Instant shippedAt, Instant deliveredAt) {

    public OrderTrackingRecord {
        nullOrNotBlank(carrier, "tracking.carrier");
        nullOrNotBlank(number, "tracking.number");
        if ((carrier == null) != (number == null)) {
            throw new ValidationException("tracking.carrier", "must be set exactly when tracking.number is set",
                    carrier);
        }
        shippedAt = micros(notNull(shippedAt, "tracking.shippedAt"));
        deliveredAt = micros(deliveredAt);
    }
}
