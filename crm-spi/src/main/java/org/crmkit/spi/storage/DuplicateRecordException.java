package org.crmkit.spi.storage;

import java.util.UUID;

/**
 * An insert named an id that is already stored.
 *
 * @since 0.1
 */
public class DuplicateRecordException extends StorageException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final UUID id;

    public DuplicateRecordException(String entity, UUID id, String sqlState, Throwable cause) {
        super(entity + " " + id + " already exists", sqlState, cause);
        this.entity = entity;
        this.id = id;
    }

    /** @return the kind of record, for example {@code "customer"} */
    public String entity() {
        return entity;
    }

    /** @return the duplicate id */
    public UUID id() {
        return id;
    }
}
