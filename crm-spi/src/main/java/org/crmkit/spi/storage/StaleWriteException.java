package org.crmkit.spi.storage;

import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * An update was refused by optimistic locking: someone else changed (or removed) the record since
 * it was read. Nothing was written. Read the record again, re-apply the change, and retry.
 *
 * <p>It is a {@link ValidationException} on the field {@code version}: the version the writer
 * held is no longer the stored one.
 *
 * @since 0.1
 */
public class StaleWriteException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final String entity;
    private final UUID id;
    private final long expectedVersion;
    private final long actualVersion;

    /**
     * @param entity          the kind of record, for example {@code "customer"}
     * @param id              the record's id
     * @param expectedVersion the version the writer read and expected to replace
     * @param actualVersion   the version actually stored, or 0 if there is no such record
     */
    public StaleWriteException(String entity, UUID id, long expectedVersion, long actualVersion) {
        super("version", "must be the stored version",
                entity + " " + id + ": stale write refused, version: expected stored version " + expectedVersion
                        + (actualVersion == 0 ? " but the record does not exist" : " but found " + actualVersion),
                true);
        this.entity = entity;
        this.id = id;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String entity() {
        return entity;
    }

    public UUID id() {
        return id;
    }

    /** @return the version the writer expected to find stored */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** @return the version found, or 0 if the record does not exist */
    public long actualVersion() {
        return actualVersion;
    }
}
