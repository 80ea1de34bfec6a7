package org.crmkit.core.sales;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a lead. Immutable and thread-safe.
 *
 * @param value the UUID
 * @since 0.1
 */
public record LeadId(UUID value) {

    public LeadId {
        if (value == null) {
            throw new ValidationException("leadId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static LeadId of(UUID value) {
        return new LeadId(value);
    }

    /** @throws ValidationException on field {@code leadId} if {@code text} is not a UUID */
    public static LeadId parse(String text) {
        if (text == null) {
            throw new ValidationException("leadId", "must not be null");
        }
        try {
            return new LeadId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("leadId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
