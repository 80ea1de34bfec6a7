package org.crmkit.core.sales;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a sales opportunity. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record OpportunityId(UUID value) {

    public OpportunityId {
        if (value == null) {
            throw new ValidationException("opportunityId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static OpportunityId of(UUID value) {
        return new OpportunityId(value);
    }

    /** @throws ValidationException on field {@code opportunityId} if {@code text} is not a UUID */
    public static OpportunityId parse(String text) {
        if (text == null) {
            throw new ValidationException("opportunityId", "must not be null");
        }
        try {
            return new OpportunityId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("opportunityId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
