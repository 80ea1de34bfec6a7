package org.crmkit.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.crmkit.jdbc.internal.SqlScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and upgrades the crmkit schema with the versioned SQL scripts shipped in this jar.
 *
 * <p>Migrations run only when asked: {@code SchemaMigrator.create(dataSource).migrate()}, typically
 * once when the host starts. The versions applied are recorded in the table
 * {@value #HISTORY_TABLE}; a script already recorded is never run again, so migrating an
 * up-to-date schema is a no-op. Each script runs in its own transaction together with its history
 * row: on PostgreSQL, whose DDL is transactional, a script applies entirely or not at all. H2
 * commits each DDL statement on its own; its scripts are therefore written to be re-runnable, and a
 * migration that failed half-way completes when run again.
 *
 * <p>Migrating fails with {@link SchemaMigrationException} if a script is missing from the class
 * path, if the history records a version newer than this jar knows (the database was migrated by a
 * newer crmkit), if a script recorded as applied has since been changed, or if a script fails.
 *
 * <p>Hosts that run their own migration tool can use the scripts directly: they are class-path
 * resources in {@link Dialect#migrationLocation()} (for Flyway,
 * {@code classpath:org/crmkit/jdbc/migration/postgresql} or {@code .../h2}), and
 * {@link #scripts(Dialect)} returns them with their text.
 *
 * <p>Instances are immutable and thread-safe. Migrations started through this class in one JVM
 * run one at a time; on PostgreSQL, migrators in different processes also wait for each other
 * (a transaction-level advisory lock).
 *
 * @since 0.1
 */
public final class SchemaMigrator {

    /** The table that records applied migrations. */
    public static final String HISTORY_TABLE = "crm_schema_history";

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

    /** The migrations this jar knows, by version; every dialect has a script for each. */
    private static final Map<Integer, String> MIGRATIONS = Map.of(1, "crm_schema", 2, "record_store");

    private static final Object LOCK = new Object();

    private static final String CREATE_HISTORY = "CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " ("
            + "version INTEGER NOT NULL PRIMARY KEY, "
            + "description VARCHAR(200) NOT NULL, "
            + "script VARCHAR(200) NOT NULL, "
            + "checksum BIGINT NOT NULL, "
            + "installed_at TIMESTAMP WITH TIME ZONE NOT NULL, "
            + "execution_ms BIGINT NOT NULL)";

    private final DataSource dataSource;
    private final Dialect dialect;

    private SchemaMigrator(DataSource dataSource, Dialect dialect) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource must not be null");
        this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
    }

    /**
     * A migrator for a data source whose dialect is detected from its metadata (this opens and
     * closes one connection).
     *
     * @param dataSource the host's data source; not null
     * @return the migrator; never null
     * @throws org.crmkit.spi.storage.StorageException if no connection can be obtained or the
     *                                                 database is not supported
     */
    public static SchemaMigrator create(DataSource dataSource) {
        return new SchemaMigrator(dataSource, Dialect.detect(dataSource));
    }

    /**
     * A migrator for a data source of a known dialect. Opens no connection.
     *
     * @param dataSource the host's data source; not null
     * @param dialect    the database's dialect; not null
     * @return the migrator; never null
     */
    public static SchemaMigrator create(DataSource dataSource, Dialect dialect) {
        return new SchemaMigrator(dataSource, dialect);
    }

    /** @return the dialect whose scripts this migrator applies; never null */
    public Dialect dialect() {
        return dialect;
    }

    /** @return the newest schema version this jar knows */
    public static int latestVersion() {
        return MIGRATIONS.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * The migration scripts shipped for a dialect, read from the class path.
     *
     * @param dialect the dialect; not null
     * @return the scripts in ascending order of version; never null, never empty, immutable
     * @throws SchemaMigrationException if a script is missing from the class path or cannot be read
     */
    public static List<MigrationScript> scripts(Dialect dialect) {
        Objects.requireNonNull(dialect, "dialect must not be null");
        List<MigrationScript> scripts = new ArrayList<>();
        for (int version = 1; version <= latestVersion(); version++) {
            String description = MIGRATIONS.get(version);
            String path = dialect.migrationLocation() + "/" + MigrationScript.fileName(version, description);
            scripts.add(new MigrationScript(dialect, version, description, read(path)));
        }
        return List.copyOf(scripts);
    }

    /**
     * Applies every script not yet recorded in {@value #HISTORY_TABLE}, in ascending order of
     * version, creating the history table first if needed. Idempotent: on an up-to-date schema
     * it applies nothing.
     *
     * @return the scripts applied by this call, in order; empty if the schema was up to date; never null
     * @throws SchemaMigrationException if a script is missing, the schema is newer than this jar or
     *                                  was changed, or a script fails (keeping its SQLState); scripts
     *                                  applied before the failing one stay applied
     */
    public List<MigrationScript> migrate() {
        List<MigrationScript> scripts = scripts(dialect);
        synchronized (LOCK) {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                try {
                    return migrate(connection, scripts);
                } finally {
                    restoreAutoCommit(connection, autoCommit);
                }
            } catch (SQLException e) {
                throw new SchemaMigrationException("Cannot migrate the crmkit schema: " + e.getMessage(),
                        e.getSQLState(), e);
            }
        }
    }

    /**
     * The schema versions recorded as applied.
     *
     * @return the versions in ascending order; empty if the history table does not exist; never null
     * @throws SchemaMigrationException if the database cannot be read
     */
    public List<Integer> appliedVersions() {
        try (Connection connection = dataSource.getConnection()) {
            if (!historyExists(connection)) {
                return List.of();
            }
            return List.copyOf(readHistory(connection).keySet());
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot read " + HISTORY_TABLE + ": " + e.getMessage(),
                    e.getSQLState(), e);
        }
    }

    private List<MigrationScript> migrate(Connection connection, List<MigrationScript> scripts) throws SQLException {
        connection.setAutoCommit(false);
        lock(connection);
        try (PreparedStatement create = connection.prepareStatement(CREATE_HISTORY)) {
            create.execute();
        }
        connection.commit();
        lock(connection);
        Map<Integer, Long> applied = readHistory(connection);
        connection.commit();
        check(applied, scripts);
        List<MigrationScript> done = new ArrayList<>();
        for (MigrationScript script : scripts) {
            if (!applied.containsKey(script.version()) && apply(connection, script)) {
                done.add(script);
            }
        }
        if (done.isEmpty()) {
            LOG.debug("crmkit schema is up to date at version {}", latestVersion());
        }
        return List.copyOf(done);
    }

    /** Waits until no other migrator works on this database, for the rest of the current transaction. */
    private void lock(Connection connection) throws SQLException {
        String lock = dialect.migrationLockStatement();
        if (lock != null) {
            try (PreparedStatement statement = connection.prepareStatement(lock)) {
                statement.execute();
            }
        }
    }

    /** Refuses a history that this jar's scripts do not explain. */
    private void check(Map<Integer, Long> applied, List<MigrationScript> scripts) {
        int latest = latestVersion();
        for (Map.Entry<Integer, Long> entry : applied.entrySet()) {
            int version = entry.getKey();
            if (version > latest) {
                throw new SchemaMigrationException("The database's crmkit schema is at version " + version
                        + ", newer than the newest version this crm-jdbc-adapter knows (" + latest
                        + "); use a crmkit release that knows version " + version, null, null);
            }
            MigrationScript script = scripts.get(version - 1);
            if (SqlScripts.checksum(script.sql()) != entry.getValue()) {
                throw new SchemaMigrationException("Migration " + script.resourcePath()
                        + " differs from the version applied to this database (checksum mismatch in "
                        + HISTORY_TABLE + ")", null, null);
            }
        }
    }

    /** @return whether the script was applied by this call (false if another migrator applied it meanwhile) */
    private boolean apply(Connection connection, MigrationScript script) {
        long started = System.nanoTime();
        int statementNumber = 0;
        try {
            lock(connection);
            if (readHistory(connection).containsKey(script.version())) {
                connection.commit();
                return false;
            }
            for (String sql : SqlScripts.statements(script.sql())) {
                statementNumber++;
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    statement.execute();
                }
            }
            statementNumber = 0;
            long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY_TABLE
                    + " (version, description, script, checksum, installed_at, execution_ms)"
                    + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)")) {
                insert.setInt(1, script.version());
                insert.setString(2, script.description());
                insert.setString(3, script.fileName());
                insert.setLong(4, SqlScripts.checksum(script.sql()));
                insert.setLong(5, elapsedMs);
                insert.executeUpdate();
            }
            connection.commit();
            LOG.info("Applied crmkit schema migration {} ({} ms)", script.resourcePath(), elapsedMs);
            return true;
        } catch (SQLException e) {
            SchemaMigrationException failure = new SchemaMigrationException("Migration " + script.resourcePath()
                    + " failed" + (statementNumber > 0 ? " at statement " + statementNumber : "") + ": "
                    + e.getMessage(), e.getSQLState(), e);
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
    }

    private static Map<Integer, Long> readHistory(Connection connection) throws SQLException {
        Map<Integer, Long> applied = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT version, checksum FROM " + HISTORY_TABLE + " ORDER BY version");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return applied;
    }

    private static boolean historyExists(Connection connection) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        // Unquoted names are stored upper-case by H2 and lower-case by PostgreSQL.
        for (String name : List.of(HISTORY_TABLE, HISTORY_TABLE.toUpperCase(java.util.Locale.ROOT))) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE", "BASE TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Reads a script from the class path; package-private for tests of a missing script. */
    static String read(String path) {
        try (InputStream in = SchemaMigrator.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new SchemaMigrationException("Migration script " + path
                        + " is missing from the class path; the crm-jdbc-adapter jar is incomplete", null, null);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SchemaMigrationException("Cannot read migration script " + path + ": " + e.getMessage(),
                    null, e);
        }
    }

    private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
        try {
            connection.setAutoCommit(autoCommit);
        } catch (SQLException e) {
            LOG.debug("Cannot restore auto-commit on a connection", e);
        }
    }
}
