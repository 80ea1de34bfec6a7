package org.crmkit.jdbc.internal;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.TenantIds;
import org.crmkit.spi.storage.TenantMismatchException;

/**
 * Tenant checks: the SPI's rule for a tenant id, and session confinement.
 */
final class Tenants {

    private Tenants() {
    }

    /** @throws ValidationException if {@code tenant} is null or not a valid tenant id */
    static String valid(String tenant) {
        return TenantIds.requireValid(tenant);
    }

    /** @throws TenantMismatchException if a record's tenant is not the session's */
    static void requireSame(String sessionTenant, String recordTenant) {
        if (!sessionTenant.equals(recordTenant)) {
            throw new TenantMismatchException(sessionTenant, recordTenant);
        }
    }
}
