package org.crmkit.core.loyalty;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a member-only offer of the customer club. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record OfferId(UUID value) {

    public OfferId {
        if (value == null) {
            throw new ValidationException("offerId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static OfferId of(UUID value) {
        return new OfferId(value);
    }

    /** @throws ValidationException on field {@code offerId} if {@code text} is not a UUID */
    public static OfferId parse(String text) {
        if (text == null) {
            throw new ValidationException("offerId", "must not be null");
        }
        try {
            return new OfferId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("offerId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
