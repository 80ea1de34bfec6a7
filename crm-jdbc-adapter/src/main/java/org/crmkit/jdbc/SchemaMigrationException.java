package org.crmkit.jdbc;

import org.crmkit.spi.storage.StorageException;

/**
 * The schema could not be migrated: a script is missing from the jar, the database has a newer or
 * a different schema than this jar knows, or a script failed (then the SQLState of the database
 * error is kept, see {@link #sqlState()}).
 *
 * @since 0.1
 */
public class SchemaMigrationException extends StorageException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message  what failed; not null
     * @param sqlState the SQLState of the database error; may be null
     * @param cause    the underlying exception; may be null
     */
    public SchemaMigrationException(String message, String sqlState, Throwable cause) {
        super(message, sqlState, cause);
    }
}
