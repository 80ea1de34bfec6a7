package org.crmkit.core.loyalty;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a partner merchant of the customer club. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record PartnerId(UUID value) {

    public PartnerId {
        if (value == null) {
            throw new ValidationException("partnerId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static PartnerId of(UUID value) {
        return new PartnerId(value);
    }

    /** @throws ValidationException on field {@code partnerId} if {@code text} is not a UUID */
    public static PartnerId parse(String text) {
        if (text == null) {
            throw new ValidationException("partnerId", "must not be null");
        }
        try {
            return new PartnerId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("partnerId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
