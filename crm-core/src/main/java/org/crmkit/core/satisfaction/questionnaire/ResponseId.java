package org.crmkit.core.satisfaction.questionnaire;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a submitted survey response. Immutable and thread-safe.
 *
 * @param value the UUID; not null
 * @since 0.1
 */
public record ResponseId(UUID value) {

    /** @throws ValidationException on field {@code responseId} if {@code value} is null */
    public ResponseId {
        if (value == null) {
            throw new ValidationException("responseId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static ResponseId of(UUID value) {
        return new ResponseId(value);
    }

    /** @throws ValidationException on field {@code responseId} if {@code text} is not a UUID */
    public static ResponseId parse(String text) {
        if (text == null) {
            throw new ValidationException("responseId", "must not be null");
        }
        try {
            return new ResponseId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("responseId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
