package org.crmkit.jdbc.internal;

import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.TenantMismatchException;

/**
 * Tenant checks. The rule for a tenant id is the SPI's (its records refuse any other); it is
 * repeated here because the SPI's own check is not exported.
 */
final class Tenants {

    private static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Tenants() {
    }

    /** @throws ValidationException if {@code tenant} is null or not a valid tenant id */
    static String valid(String tenant) {
        if (tenant == null) {
            throw new ValidationException("tenant", "must not be null");
        }
        if (!TENANT_ID.matcher(tenant).matches()) {
            throw new ValidationException("tenant",
                    "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit", tenant);
        }
        return tenant;
    }

    /** @throws TenantMismatchException if a record's tenant is not the session's */
    static void requireSame(String sessionTenant, String recordTenant) {
        if (!sessionTenant.equals(recordTenant)) {
            throw new TenantMismatchException(sessionTenant, recordTenant);
        }
    }
}
