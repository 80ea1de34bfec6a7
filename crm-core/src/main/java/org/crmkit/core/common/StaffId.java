package org.crmkit.core.common;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a staff member (a salesperson, a service agent, a manager) as the host system knows
 * them; crmkit does not manage staff accounts itself. Immutable and thread-safe.
 *
 * @param value not blank, at most 64 characters, no leading or trailing whitespace
 * @since 0.1
 */
public record StaffId(String value) {

    public StaffId {
        if (value == null || value.isBlank()) {
            throw new ValidationException("staffId", "must not be blank", value);
        }
        if (value.length() > 64) {
            throw new ValidationException("staffId", "must be at most 64 characters", value);
        }
        if (!value.strip().equals(value)) {
            throw new ValidationException("staffId", "must not start or end with whitespace", value);
        }
    }

    /** @return the staff member with that id */
    public static StaffId of(String value) {
        return new StaffId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
