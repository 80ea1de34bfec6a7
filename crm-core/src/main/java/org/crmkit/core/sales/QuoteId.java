package org.crmkit.core.sales;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a quote. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record QuoteId(UUID value) {

    public QuoteId {
        if (value == null) {
            throw new ValidationException("quoteId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static QuoteId of(UUID value) {
        return new QuoteId(value);
    }

    /** @throws ValidationException on field {@code quoteId} if {@code text} is not a UUID */
    public static QuoteId parse(String text) {
        if (text == null) {
            throw new ValidationException("quoteId", "must not be null");
        }
        try {
            return new QuoteId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("quoteId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
