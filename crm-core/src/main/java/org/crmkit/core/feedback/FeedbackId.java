package org.crmkit.core.feedback;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a piece of customer feedback. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record FeedbackId(UUID value) {

    public FeedbackId {
        if (value == null) {
            throw new ValidationException("feedbackId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static FeedbackId of(UUID value) {
        return new FeedbackId(value);
    }

    /** @throws ValidationException on field {@code feedbackId} if {@code text} is not a UUID */
    public static FeedbackId parse(String text) {
        if (text == null) {
            throw new ValidationException("feedbackId", "must not be null");
        }
        try {
            return new FeedbackId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("feedbackId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
