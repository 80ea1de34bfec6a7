package org.crmkit.core.customer;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a customer. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record CustomerId(UUID value) {

    public CustomerId {
        if (value == null) {
            throw new ValidationException("customerId", "must not be null");
        }
    }

    /** @return the customer id with that UUID */
    public static CustomerId of(UUID value) {
        return new CustomerId(value);
    }

    /** @throws ValidationException on field {@code customerId} if {@code text} is not a UUID */
    public static CustomerId parse(String text) {
        if (text == null) {
            throw new ValidationException("customerId", "must not be null");
        }
        try {
            return new CustomerId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("customerId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
