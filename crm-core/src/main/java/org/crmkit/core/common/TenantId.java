package org.crmkit.core.common;

import org.crmkit.spi.storage.TenantIds;

/**
 * Identifies a tenant: one company (or one business unit) whose customers are kept apart from
 * every other tenant's. Immutable and thread-safe.
 *
 * @param value 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit
 * @since 0.1
 */
public record TenantId(String value) {
    public TenantId {
        TenantIds.requireValid(value);
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
