package org.crmkit.spi.storage;

import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

/**
 * Stores customers of one tenant, inside one unit of work (see {@link StorageSession}).
 *
 * <p>Every method is confined to the session's tenant: a record whose tenant differs is refused
 * with {@link TenantMismatchException}, and an id that belongs to another tenant behaves as if it
 * did not exist. No method returns null.
 *
 * @since 0.1
 */
public interface CustomerStore {

    /**
     * @param id the customer's id; not null
     * @return the customer with that id in the session's tenant, or empty; the record is exactly one
     *         stored version (its lists are never read from another version written concurrently)
     */
    Optional<CustomerRecord> find(UUID id);

    /**
     * Stores a new customer.
     *
     * @param record the customer; its {@code version} must be 1; not null
     * @throws TenantMismatchException           if the record belongs to another tenant
     * @throws org.crmkit.spi.ValidationException if the version is not 1
     * @throws DuplicateRecordException          if a customer with that id already exists (in any tenant)
     * @throws StorageException                  if the storage fails
     */
    void insert(CustomerRecord record);

    /**
     * Stores several new customers, as {@link #insert} would one by one, possibly as one batch.
     * All or nothing: if one fails, the exception propagates, none of them was written, and the
     * session stays usable. The default implementation inserts one by one and is atomic only if
     * the store buffers its writes until commit; a store that writes at once must override it
     * (the JDBC adapter uses a savepoint).
     *
     * @param records the customers; not null
     */
    default void insertAll(Collection<CustomerRecord> records) {
        records.forEach(this::insert);
    }

    /**
     * Replaces a stored customer with a newer version, by optimistic locking: the write succeeds
     * only if the stored version is exactly {@code record.version() - 1}. All of the record's
     * lists replace the stored ones.
     *
     * @param record the new state; its version must be at least 2 (a version of 1 is refused with
     *               {@link org.crmkit.spi.ValidationException}: version 1 is only ever inserted); not null
     * @throws StaleWriteException     if the stored version is not {@code record.version() - 1},
     *                                 or no such customer exists in the tenant; nothing is written
     * @throws TenantMismatchException if the record belongs to another tenant
     * @throws StorageException        if the storage fails
     */
    void update(CustomerRecord record);

    /**
     * Finds customers matching every non-empty criterion of {@code query}, one page at a time,
     * in ascending order of id (UUIDs compared as unsigned 128-bit numbers, the order of the
     * UUID type of PostgreSQL and H2).
     *
     * @param query the criteria; not null
     * @param page  which page; not null
     * @return the page; never null; each record is exactly one stored version, as for {@link #find}
     */
    Page<CustomerRecord> query(CustomerQuery query, PageRequest page);

    /**
     * @param query the criteria; not null
     * @return how many customers of the tenant match
     */
    long count(CustomerQuery query);
}
