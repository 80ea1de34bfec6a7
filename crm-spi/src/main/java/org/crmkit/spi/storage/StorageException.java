package org.crmkit.spi.storage;

import java.util.Optional;

import org.crmkit.spi.CrmException;

/**
 * The storage underneath failed (a lost connection, a constraint, a full disk). Keeps the
 * SQLState of the underlying database error where there is one.
 *
 * @since 0.1
 */
public class StorageException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String sqlState;

    public StorageException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param message  what failed; not null
     * @param sqlState the five-character SQLState of the database error; may be null
     * @param cause    the underlying exception; may be null
     */
    public StorageException(String message, String sqlState, Throwable cause) {
        super(sqlState == null ? message : message + " [SQLState " + sqlState + "]", cause);
        this.sqlState = sqlState;
    }

    /** @return the SQLState of the underlying database error, if there was one */
    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }
}
