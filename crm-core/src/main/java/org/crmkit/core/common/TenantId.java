package org.crmkit.core.common;

import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * Identifies a tenant: one company (or one business unit) whose customers are kept apart from
 * every other tenant's. Immutable and thread-safe.
 *
 * @param value 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit
 * @since 0.1
 */
public record TenantId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public TenantId {
        if (value == null) {
            throw new ValidationException("tenant", "must not be null");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new ValidationException("tenant",
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", value);
        }
    }

    /** @return the tenant with that id */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
