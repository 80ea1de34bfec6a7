package org.crmkit.jdbc;

import java.util.Objects;
import java.util.function.Function;

import javax.sql.DataSource;

import org.crmkit.jdbc.internal.UnitOfWork;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.StorageSession;

/**
 * {@link CrmStorage} over plain JDBC, for H2 and PostgreSQL.
 *
 * <pre>{@code
 * SchemaMigrator.create(dataSource).migrate();          // once, when the host starts
 * CrmStorage storage = JdbcStorage.create(dataSource);
 * }</pre>
 *
 * <p>The host owns the {@link DataSource}: it configures it (a connection pool in production),
 * and closes it; this class never does. Each unit of work
 * ({@link #inTransaction(String, Function)}) takes one connection from the data source, switches
 * it to manual commit at isolation level READ COMMITTED, commits when the work returns and rolls
 * back when it throws, then restores the connection's auto-commit mode and isolation level and
 * closes it (returning it to the pool), also when the commit or the rollback fails.
 * Concurrent updates of one customer are detected by optimistic locking on its version.
 *
 * <p>Every customer a read returns is exactly one version of it (or the unit of work's own
 * uncommitted state), never the customer row of one version with lists of another, although the
 * row and its lists are read by separate statements. The read takes no locks: it checks
 * afterwards that the versions of the customers it read have not changed, and reads again if
 * one has. Should that happen 20 times in a row (a customer updated faster than it can be read),
 * the last attempt reads the customer rows with {@code SELECT ... FOR UPDATE}, which locks them
 * until the unit of work ends; such a read may wait for a writer, and may then fail as a
 * lock timeout or deadlock would.
 *
 * <p>The schema must have been created first, with {@link SchemaMigrator} or the host's own
 * migration tool (see {@link SchemaMigrator#scripts(Dialect)}). Every database error is reported as
 * an {@link org.crmkit.spi.storage.StorageException} keeping its SQLState.
 *
 * <p>Instances are immutable and thread-safe: many threads may run units of work at once, each
 * with its own connection and session. A session is confined to its unit of work and thread.
 *
 * <p>Every unit of work takes a connection from the data source and closes it at the end, so give
 * it a pooled data source in production. With an H2 file database and no pool, every unit of
 * work would open and close the database file; keep one connection open for the application's
 * lifetime, or add {@code ;DB_CLOSE_DELAY=-1} to the URL.
 *
 * @since 0.1
 */
public final class JdbcStorage implements CrmStorage {

    private final Dialect dialect;
    private final UnitOfWork unitOfWork;

    private JdbcStorage(DataSource dataSource, Dialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
        this.unitOfWork = new UnitOfWork(dataSource, dialect.documentParameter());
    }

    /**
     * Storage on a data source whose dialect is detected from its metadata
     * ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}); this opens and closes one connection.
     *
     * @param dataSource the host's data source; not null
     * @return the storage; never null
     * @throws org.crmkit.spi.storage.StorageException if no connection can be obtained (keeping the
     *                                                 SQLState) or the database is not H2 or PostgreSQL
     */
    public static JdbcStorage create(DataSource dataSource) {
        return new JdbcStorage(dataSource, Dialect.detect(dataSource));
    }

    /**
     * Storage on a data source of a known dialect. Opens no connection.
     *
     * @param dataSource the host's data source; not null
     * @param dialect    the database's dialect; not null
     * @return the storage; never null
     */
    public static JdbcStorage create(DataSource dataSource, Dialect dialect) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        return new JdbcStorage(dataSource, dialect);
    }

    /** @return the dialect of the database this storage writes to; never null */
    public Dialect dialect() {
        return dialect;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The work runs in one JDBC transaction at isolation level READ COMMITTED on a connection
     * of its own. A store method that fails leaves none of its own writes behind and the session
     * usable (it is guarded by a savepoint), so work that catches, say, a
     * {@link org.crmkit.spi.storage.DuplicateRecordException} may continue and commit. Using the
     * session after the work has returned fails with {@link IllegalStateException}.
     *
     * @throws NullPointerException if {@code work} is null
     */
    @Override
    public <T> T inTransaction(String tenant, Function<StorageSession, T> work) {
        return unitOfWork.run(tenant, work);
    }

    @Override
    public String toString() {
        return "JdbcStorage[" + dialect + "]";
    }
}
