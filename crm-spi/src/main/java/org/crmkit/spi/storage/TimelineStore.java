package org.crmkit.spi.storage;

import java.util.Collection;
import java.util.UUID;

/**
 * Append-only store of customers' timeline entries, inside one unit of work, confined to the
 * session's tenant.
 *
 * @since 0.1
 */
public interface TimelineStore {

    /**
     * Appends one entry.
     *
     * @param entry the entry; its customer must exist in the session's tenant (it may have been
     *              inserted earlier in the same unit of work); not null
     * @throws TenantMismatchException  if the entry belongs to another tenant
     * @throws StorageException         if the customer does not exist in the tenant
     * @throws DuplicateRecordException if an entry with that id exists
     * @throws StorageException         if the storage fails
     */
    void append(TimelineEntryRecord entry);

    /**
     * Appends several entries, as {@link #append} would one by one, possibly as one batch. All or
     * nothing, as {@link CustomerStore#insertAll}: the default is atomic only for a store that
     * buffers its writes until commit.
     *
     * @param entries the entries; not null
     */
    default void appendAll(Collection<TimelineEntryRecord> entries) {
        entries.forEach(this::append);
    }

    /**
     * A customer's entries, oldest first (by {@code occurredAt}, then by id for equal times,
     * UUIDs compared as unsigned numbers).
     *
     * @param customerId the customer; not null
     * @param page       which page; not null
     * @return the page; empty if the customer has no entries or belongs to another tenant
     */
    Page<TimelineEntryRecord> forCustomer(UUID customerId, PageRequest page);
}
