package org.crmkit.spi.storage;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores the records of one {@link RecordKind} for one tenant, inside one unit of work (see
 * {@link StorageSession#records(RecordKind)}).
 *
 * <p>The same rules as for customers apply: every method is confined to the session's tenant (a
 * record of another tenant is refused with {@link TenantMismatchException}, and an id of another
 * tenant behaves as if it did not exist); writes use optimistic locking; a method that throws has
 * written nothing; no method returns null. Ids are unique across tenants and kinds.
 *
 * @param <R> the record type
 * @since 0.1
 */
public interface RecordStore<R extends StoredRecord> {

    /**
     * @param id the record's id; not null
     * @return the record of this kind with that id in the session's tenant, or empty
     */
    Optional<R> find(UUID id);

    /**
     * Stores a new record and indexes it by its kind's keys.
     *
     * @param record the record; its version must be 1; not null
     * @throws TenantMismatchException           if the record belongs to another tenant
     * @throws org.crmkit.spi.ValidationException if the version is not 1
     * @throws DuplicateRecordException          if a record with that id exists (in any tenant or kind)
     * @throws StorageException                  if the storage fails
     */
    void insert(R record);

    /**
     * Stores several new records, all or nothing, as {@link CustomerStore#insertAll} does.
     *
     * @param records the records; not null
     */
    default void insertAll(Collection<R> records) {
        records.forEach(this::insert);
    }

    /**
     * Replaces a stored record with a newer version, by optimistic locking: the write succeeds only
     * if the stored version is exactly {@code record.version() - 1}. The record's keys replace the
     * stored ones.
     *
     * @param record the new state; its version must be at least 2; not null
     * @throws StaleWriteException     if the stored version is not {@code record.version() - 1}, or no
     *                                 such record of this kind exists in the tenant; nothing is written
     * @throws TenantMismatchException if the record belongs to another tenant
     * @throws StorageException        if the storage fails
     */
    void update(R record);

    /**
     * Finds the records that match {@code query}, a page at a time, in ascending order of id
     * (UUIDs compared as unsigned 128-bit numbers).
     *
     * @param query the criteria; each criterion's name must be one of the kind's key names; not null
     * @param page  which page; not null
     * @return the page; never null
     * @throws org.crmkit.spi.ValidationException if a criterion names a key the kind does not have
     */
    Page<R> query(RecordQuery query, PageRequest page);

    /**
     * @param query the criteria, as for {@link #query}; not null
     * @return how many records of the kind in the tenant match
     */
    long count(RecordQuery query);
}
