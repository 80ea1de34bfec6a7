package org.crmkit.spi.storage;

import org.crmkit.spi.ValidationException;

/**
 * A record of one tenant was handed to a session of another. Nothing was written.
 *
 * @since 0.1
 */
public class TenantMismatchException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public TenantMismatchException(String sessionTenant, String recordTenant) {
        super("tenant", "must be the session's tenant '" + sessionTenant + "'", recordTenant);
    }
}
