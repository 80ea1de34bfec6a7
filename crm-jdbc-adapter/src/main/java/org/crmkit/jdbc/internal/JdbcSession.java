package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.util.Objects;

import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
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
    private final String documentParameter;
    private boolean open = true;

    JdbcSession(Connection connection, String tenant, String documentParameter) {
        this.connection = connection;
        this.tenant = tenant;
        this.documentParameter = documentParameter;
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

    /**
     * {@inheritDoc}
     *
     * @throws org.crmkit.spi.ValidationException if the kind's type is not a record class
     */
    @Override
    public <R extends StoredRecord> RecordStore<R> records(RecordKind<R> kind) {
        Objects.requireNonNull(kind, "kind must not be null");
        connection();
        return new JdbcRecordStore<>(this, kind, documentParameter);
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
