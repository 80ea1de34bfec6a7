package org.crmkit.core.service;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a knowledge-base article. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record ArticleId(UUID value) {

    public ArticleId {
        if (value == null) {
            throw new ValidationException("articleId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static ArticleId of(UUID value) {
        return new ArticleId(value);
    }

    /** @throws ValidationException on field {@code articleId} if {@code text} is not a UUID */
    public static ArticleId parse(String text) {
        if (text == null) {
            throw new ValidationException("articleId", "must not be null");
        }
        try {
            return new ArticleId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("articleId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
