package org.crmkit.core.sales.order;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * Delivery tracking of a shipped order. Immutable and thread-safe.
 *
 * @param carrier     the carrier; null when the back office gave none (then {@code number} is null too)
 * @param number      the carrier's tracking number; null exactly when {@code carrier} is null
 * @param shippedAt   when the order was shipped; not null
 * @param deliveredAt when it was delivered; null until then
 * @since 0.1
 */
public record Tracking(String carrier, String number, Instant shippedAt, Instant deliveredAt) {

    public Tracking {
        if (carrier != null && carrier.isBlank()) {
            throw new ValidationException("tracking.carrier", "must be absent (null) or not blank", carrier);
        }
        if (number != null && number.isBlank()) {
            throw new ValidationException("tracking.number", "must be absent (null) or not blank", number);
        }
        if ((carrier == null) != (number == null)) {
            throw new ValidationException("tracking.carrier", "must be set exactly when tracking.number is set",
                    carrier);
        }
        Objects.requireNonNull(shippedAt, "shippedAt must not be null");
        if (deliveredAt != null && deliveredAt.isBefore(shippedAt)) {
            throw new ValidationException("tracking.deliveredAt", "must not be before tracking.shippedAt " + shippedAt,
                    deliveredAt);
        }
    }

    /** @return the carrier and tracking number as one text, for example {@code "DHL 00340434"}, if known */
    public Optional<String> trackingCode() {
        return carrier == null ? Optional.empty() : Optional.of(carrier + " " + number);
    }

    /** @return when the order was delivered, if it has been */
    public Optional<Instant> delivered() {
        return Optional.ofNullable(deliveredAt);
    }

    Tracking deliveredAt(Instant at) {
        return new Tracking(carrier, number, shippedAt, at);
    }
}
