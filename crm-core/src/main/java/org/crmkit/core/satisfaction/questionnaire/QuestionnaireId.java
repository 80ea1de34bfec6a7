package org.crmkit.core.satisfaction.questionnaire;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a questionnaire revision (one version of a survey definition). Immutable and thread-safe.
 *
 * @param value the UUID; not null
 * @since 0.1
 */
public record QuestionnaireId(UUID value) {

    /** @throws ValidationException on field {@code questionnaireId} if {@code value} is null */
    public QuestionnaireId {
        if (value == null) {
            throw new ValidationException("questionnaireId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static QuestionnaireId of(UUID value) {
        return new QuestionnaireId(value);
    }

    /** @throws ValidationException on field {@code questionnaireId} if {@code text} is not a UUID */
    public static QuestionnaireId parse(String text) {
        if (text == null) {
            throw new ValidationException("questionnaireId", "must not be null");
        }
        try {
            return new QuestionnaireId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("questionnaireId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
