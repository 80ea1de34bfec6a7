package org.crmkit.core.service;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies one use of the self-service knowledge base. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record SelfServiceSessionId(UUID value) {

    public SelfServiceSessionId {
        if (value == null) {
            throw new ValidationException("sessionId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static SelfServiceSessionId of(UUID value) {
        return new SelfServiceSessionId(value);
    }

    /** @throws ValidationException on field {@code sessionId} if {@code text} is not a UUID */
    public static SelfServiceSessionId parse(String text) {
        if (text == null) {
            throw new ValidationException("sessionId", "must not be null");
        }
        try {
            return new SelfServiceSessionId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("sessionId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
