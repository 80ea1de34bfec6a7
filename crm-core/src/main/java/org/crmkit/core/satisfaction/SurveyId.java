package org.crmkit.core.satisfaction;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a satisfaction survey. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record SurveyId(UUID value) {

    public SurveyId {
        if (value == null) {
            throw new ValidationException("surveyId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static SurveyId of(UUID value) {
        return new SurveyId(value);
    }

    /** @throws ValidationException on field {@code surveyId} if {@code text} is not a UUID */
    public static SurveyId parse(String text) {
        if (text == null) {
            throw new ValidationException("surveyId", "must not be null");
        }
        try {
            return new SurveyId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("surveyId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
