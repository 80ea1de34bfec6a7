package org.crmkit.spi.storage;

/**
 * The stores of one unit of work, all confined to one tenant. Obtained only inside
 * {@link CrmStorage#inTransaction}; not thread-safe; invalid once the unit of work ends.
 *
 * @since 0.1
 */
public interface StorageSession {

    /** @return the tenant this session is confined to; never null */
    String tenant();

    /** @return the customer store of this unit of work; never null */
    CustomerStore customers();

    /** @return the timeline store of this unit of work; never null */
    TimelineStore timeline();

    /**
     * The store of one kind of record (leads, quotes, orders, ...) in this unit of work.
     *
     * @param kind the kind; not null
     * @param <R>  the record type
     * @return the store; never null
     */
    <R extends StoredRecord> RecordStore<R> records(RecordKind<R> kind);
}
