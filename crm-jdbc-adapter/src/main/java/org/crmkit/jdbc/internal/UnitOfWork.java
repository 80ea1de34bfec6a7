package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.function.Function;

import javax.sql.DataSource;

import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs units of work: one connection from the data source per unit, in a READ COMMITTED
 * transaction that commits when the work returns and rolls back when it throws. The connection's
 * auto-commit mode and isolation level are restored and the connection is closed (returned to
 * the host's pool) in every case, including a failed commit or rollback.
 */
public final class UnitOfWork {

    private static final Logger LOG = LoggerFactory.getLogger(UnitOfWork.class);

    private final DataSource dataSource;
    private final String documentParameter;

    /**
     * @param dataSource        the host's data source; not null
     * @param documentParameter the SQL expression that binds a record's JSON text to the body
     *                          column of {@code crm_record} in this database, for example
     *                          {@code "?"} or {@code "CAST(? AS JSONB)"}; a constant of the adapter
     */
    public UnitOfWork(DataSource dataSource, String documentParameter) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        this.documentParameter = Objects.requireNonNull(documentParameter, "documentParameter must not be null");
    }

    /**
     * Runs {@code work} as one unit of work for {@code tenant}.
     *
     * @see org.crmkit.spi.storage.CrmStorage#inTransaction
     */
    public <T> T run(String tenant, Function<StorageSession, T> work) {
        Tenants.valid(tenant);
        Objects.requireNonNull(work, "work must not be null");
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot obtain a connection", e);
        }
        if (connection == null) {
            throw new StorageException("The data source returned no connection", null);
        }
        try {
            return runOn(connection, tenant, documentParameter, work);
        } finally {
            close(connection);
        }
    }

    private static <T> T runOn(Connection connection, String tenant, String documentParameter,
            Function<StorageSession, T> work) {
        boolean autoCommit;
        int isolation;
        try {
            autoCommit = connection.getAutoCommit();
            isolation = connection.getTransactionIsolation();
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot start a transaction", e);
        }
        try {
            try {
                if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                }
                if (autoCommit) {
                    connection.setAutoCommit(false);
                }
            } catch (SQLException e) {
                throw Jdbc.storageFailure("Cannot start a transaction", e);
            }
            return inTransaction(connection, tenant, documentParameter, work);
        } finally {
            restore(connection, autoCommit, isolation);
        }
    }

    private static <T> T inTransaction(Connection connection, String tenant, String documentParameter,
            Function<StorageSession, T> work) {
        JdbcSession session = new JdbcSession(connection, tenant, documentParameter);
        T result;
        try {
            result = work.apply(session);
        } catch (Throwable failure) {
            // Throwable: work may throw a checked exception sneakily; it is rethrown unchanged.
            session.close();
            rollback(connection, failure);
            throw failure;
        }
        session.close();
        try {
            connection.commit();
        } catch (SQLException e) {
            StorageException failure = Jdbc.storageFailure("Cannot commit the unit of work of tenant '"
                    + tenant + "'", e);
            rollback(connection, failure);
            throw failure;
        }
        return result;
    }

    /** Rolls back after {@code failure}; a failing rollback is attached to it, never thrown instead of it. */
    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warn("Rollback failed after {}", failure.toString(), e);
        }
    }

    private static void restore(Connection connection, boolean autoCommit, int isolation) {
        try {
            if (autoCommit) {
                connection.setAutoCommit(true);
            }
            if (isolation != Connection.TRANSACTION_READ_COMMITTED && isolation != Connection.TRANSACTION_NONE) {
                connection.setTransactionIsolation(isolation);
            }
        } catch (SQLException | RuntimeException e) {
            // The connection is closed next anyway; a pool will validate or discard it.
            LOG.debug("Cannot restore the connection's settings", e);
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Cannot close a connection", e);
        }
    }
}
