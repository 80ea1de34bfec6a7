package org.crmkit.core.service.complaint;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a complaint. Immutable and thread-safe.
 *
 * @param value the UUID; not null
 * @since 0.1
 */
public record ComplaintId(UUID value) {

    public ComplaintId {
        if (value == null) {
            throw new ValidationException("complaintId", "must not be null");
        }
    }

    /** @return the id with that UUID */
    public static ComplaintId of(UUID value) {
        return new ComplaintId(value);
    }

    /** @throws ValidationException on field {@code complaintId} if {@code text} is not a UUID */
    public static ComplaintId parse(String text) {
        if (text == null) {
            throw new ValidationException("complaintId", "must not be null");
        }
        try {
            return new ComplaintId(UUID.fromString(text.strip()));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("complaintId", "must be a UUID", text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
