package org.crmkit.core.sales;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies an order. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record OrderId(UUID value) {

    public OrderId {
        if (value == null) {
            throw new ValidationException("orderId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static OrderId of(UUID value) {
        return new OrderId(value);
    }

    /** @throws ValidationException on field {@code orderId} if {@code text} is not a UUID */
    public static OrderId parse(String text) {
        if (text == null) {
            throw new ValidationException("orderId", "must not be null");
        }
        try {
            return new OrderId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("orderId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
