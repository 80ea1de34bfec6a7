package org.crmkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;

import javax.sql.DataSource;

import org.crmkit.spi.storage.StorageException;

/**
 * The databases {@link JdbcStorage} supports, and what differs between them.
 *
 * <p>The adapter's SQL for reading and writing is the same on every dialect (standard SQL with
 * {@code FETCH FIRST n ROWS ONLY}, native {@code UUID} and {@code TIMESTAMP WITH TIME ZONE}
 * columns). What differs is the schema: each dialect has its own folder of migration scripts
 * (see {@link #migrationLocation()}), using the text types and DDL features of that database.
 *
 * <p>This enum is immutable and thread-safe.
 *
 * @since 0.1
 */
public enum Dialect {

    /**
     * H2 2.x. DDL is not transactional in H2: each DDL statement commits on its own, so the
     * H2 scripts are written to be re-runnable ({@code IF NOT EXISTS}).
     */
    H2("H2", "h2", false),

    /** PostgreSQL 12 or later. DDL is transactional: a migration script applies entirely or not at all. */
    POSTGRESQL("PostgreSQL", "postgresql", true);

    private final String productName;
    private final String folder;
    private final boolean transactionalDdl;

    Dialect(String productName, String folder, boolean transactionalDdl) {
        this.productName = productName;
        this.folder = folder;
        this.transactionalDdl = transactionalDdl;
    }

    /**
     * @return the database product name as JDBC reports it
     *         ({@link java.sql.DatabaseMetaData#getDatabaseProductName()}); never null
     */
    public String productName() {
        return productName;
    }

    /**
     * The class-path folder of this dialect's migration scripts, without leading or trailing slash,
     * for example {@code "org/crmkit/jdbc/migration/postgresql"}. A host with its own migration tool
     * can point it there (Flyway: {@code classpath:org/crmkit/jdbc/migration/postgresql}) or use
     * {@link SchemaMigrator#scripts(Dialect)}.
     *
     * @return the folder; never null
     */
    public String migrationLocation() {
        return "org/crmkit/jdbc/migration/" + folder;
    }

    /** @return whether DDL statements take part in transactions (and so can be rolled back) */
    public boolean transactionalDdl() {
        return transactionalDdl;
    }

    /**
     * The statement that keeps other migrators, in any process, out until the current transaction
     * ends (a transaction-level advisory lock, so that no lock outlives its transaction on a
     * pooled connection), or null where there is no such lock and DDL would end the transaction anyway.
     */
    String migrationLockStatement() {
        // The key is an arbitrary constant of this adapter: the ASCII bytes of "crmkit" as a number.
        return this == POSTGRESQL ? "SELECT pg_advisory_xact_lock(109343113177460)" : null;
    }

    /**
     * The SQL expression that binds a record's JSON text to the {@code body} column of
     * {@code crm_record}: a plain parameter for H2's CLOB, a cast for PostgreSQL's JSONB (which
     * does not take a character parameter as it is).
     */
    String documentParameter() {
        return this == POSTGRESQL ? "CAST(? AS JSONB)" : "?";
    }

    /**
     * Finds the dialect of a database product name, ignoring case.
     *
     * @param databaseProductName the name reported by
     *                            {@link java.sql.DatabaseMetaData#getDatabaseProductName()}; not null
     * @return the dialect; never null
     * @throws StorageException if the product is not supported
     */
    public static Dialect fromProductName(String databaseProductName) {
        Objects.requireNonNull(databaseProductName, "databaseProductName must not be null");
        String name = databaseProductName.trim().toLowerCase(Locale.ROOT);
        for (Dialect dialect : values()) {
            if (name.equals(dialect.productName.toLowerCase(Locale.ROOT))) {
                return dialect;
            }
        }
        throw new StorageException("Unsupported database product '" + databaseProductName
                + "'; supported are H2 and PostgreSQL", null);
    }

    /**
     * Detects the dialect of a data source by opening one connection and reading its metadata.
     * The connection is closed before this method returns.
     *
     * @param dataSource the data source; not null
     * @return the dialect; never null
     * @throws StorageException if no connection can be obtained (keeping the SQLState), or the
     *                          database is not supported
     */
    public static Dialect detect(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        try (Connection connection = dataSource.getConnection()) {
            return fromProductName(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new StorageException("Cannot detect the database dialect: " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }
}
