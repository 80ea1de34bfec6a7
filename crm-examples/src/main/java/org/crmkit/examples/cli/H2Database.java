package org.crmkit.examples.cli;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.crmkit.jdbc.Dialect;
import org.crmkit.jdbc.JdbcStorage;
import org.crmkit.jdbc.MigrationScript;
import org.crmkit.jdbc.SchemaMigrator;
import org.crmkit.spi.storage.StorageException;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded H2 database in a {@link DataDirectory}, open for the duration of one command.
 *
 * <p>H2 closes a file database when its last connection closes, and {@link JdbcStorage} takes a
 * connection per unit of work; so this class holds one connection open until {@link #close()},
 * and the database file is opened once per command instead of once per unit of work.
 */
final class H2Database implements AutoCloseable {

    /** H2's error code for a database file locked by another process. */
    private static final int DATABASE_IN_USE = 90020;

    private final DataDirectory dir;
    private final DataSource dataSource;
    private final Connection keepOpen;
    private final boolean created;

    private H2Database(DataDirectory dir, DataSource dataSource, Connection keepOpen, boolean created) {
        this.dir = dir;
        this.dataSource = dataSource;
        this.keepOpen = keepOpen;
        this.created = created;
    }

    /**
     * Opens the directory's database, creating it if {@code create} is set.
     *
     * @throws StorageException if the database cannot be opened (in use by another process, say)
     */
    static H2Database open(DataDirectory dir, boolean create) {
        boolean existed = dir.hasDatabase();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + dir.path().resolve(DataDirectory.DATABASE_NAME)
                + (create ? "" : ";IFEXISTS=TRUE"));
        h2.setUser("sa");
        h2.setPassword("");
        try {
            return new H2Database(dir, h2, h2.getConnection(), !existed);
        } catch (SQLException e) {
            if (e.getErrorCode() == DATABASE_IN_USE) {
                throw new StorageException("the database " + dir.databaseFile()
                        + " is in use by another program; close it and try again", e.getSQLState(), e);
            }
            throw new StorageException("cannot open the database in " + dir.path() + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    /**
     * Brings the schema up to date with the JDBC adapter's migrations.
     *
     * @return the migrations applied now; empty if the schema was up to date
     */
    List<MigrationScript> migrate() {
        return SchemaMigrator.create(dataSource, Dialect.H2).migrate();
    }

    /**
     * Checks, without changing anything, that the schema is the one this tool's JDBC adapter writes.
     *
     * @throws StorageException with a one-line message if the schema is missing, older or newer
     */
    void requireCurrentSchema() {
        List<Integer> applied = SchemaMigrator.create(dataSource, Dialect.H2).appliedVersions();
        int current = applied.isEmpty() ? 0 : applied.get(applied.size() - 1);
        int expected = SchemaMigrator.latestVersion();
        if (current < expected) {
            throw new StorageException("the database in " + dir.path() + " has schema version " + current
                    + ", this crm needs version " + expected + "; run 'crm demo --data-dir " + dir.path()
                    + "' once to upgrade it", null, null);
        }
        if (current > expected) {
            throw new StorageException("the database in " + dir.path() + " has schema version " + current
                    + ", newer than this crm knows (" + expected + "); use a newer crm", null, null);
        }
    }

    /** @return crmkit storage on this database */
    JdbcStorage storage() {
        return JdbcStorage.create(dataSource, Dialect.H2);
    }

    /** @return whether the database file was created by {@link #open} */
    boolean created() {
        return created;
    }

    /** Closes the connection that kept the database open, which closes the database. */
    @Override
    public void close() {
        try {
            keepOpen.close();
        } catch (SQLException e) {
            throw new StorageException("cannot close the database: " + e.getMessage(), e.getSQLState(), e);
        }
    }
}
