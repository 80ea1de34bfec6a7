package org.crmkit.jdbc.internal;

import java.sql.Connection;

import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TimelineStore;

/**
 * The session of one unit of work: one connection in one transaction, one tenant. Not
 * thread-safe. Once the unit of work ends, every call on the session or its stores fails with
 * {@link IllegalStateException}, so that a session that escaped its callback cannot write
 * outside a transaction.
 */
final class JdbcSession implements StorageSession {

    private final Connection connection;
    private final String tenant;
    private final JdbcCustomerStore customers;
    private final JdbcTimelineStore timeline;
    private boolean open = true;

    JdbcSession(Connection connection, String tenant) {
        this.connection = connection;
        this.tenant = tenant;
        this.customers = new JdbcCustomerStore(this);
        this.timeline = new JdbcTimelineStore(this);
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public TimelineStore timeline() {
        return timeline;
    }

    @Override
    public <R extends org.crmkit.spi.storage.StoredRecord> org.crmkit.spi.storage.RecordStore<R> records(
            org.crmkit.spi.storage.RecordKind<R> kind) {
        throw new UnsupportedOperationException("records of kind " + kind.name() + " are not stored yet");
    }

    /** @return the connection of this unit of work, after checking the session is still open */
    Connection connection() {
        if (!open) {
            throw new IllegalStateException("The storage session of tenant '" + tenant
                    + "' was used after its unit of work ended");
        }
        return connection;
    }

    void close() {
        open = false;
    }
}
