package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.crmkit.spi.storage.StorageException;

/** Small helpers over plain JDBC: binding, reading, running statements and translating errors. */
final class Jdbc {

    /** SQLState class 23, unique_violation: the same code in H2 and PostgreSQL. */
    static final String UNIQUE_VIOLATION = "23505";

    private static final String SELECT = "SELECT ";

    /** Numbers the runs of {@link #queryFresh}, so that no two runs have the same parameters. */
    private static final AtomicLong RUNS = new AtomicLong();

    private Jdbc() {
    }

    /** A piece of JDBC work that may fail with an {@link SQLException}. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work} so that, if it throws, none of its writes remain while the surrounding
     * transaction stays usable: a savepoint is set before and rolled back to on failure. Without
     * it, PostgreSQL would refuse every further statement of the transaction after one failed.
     */
    static <T> T atomically(Connection connection, SqlWork<T> work) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        T result;
        try {
            result = work.run();
        } catch (SQLException | RuntimeException | Error failure) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException rollbackFailure) {
                failure.addSuppressed(rollbackFailure);
            }
            throw failure;
        }
        connection.releaseSavepoint(savepoint);
        return result;
    }

    static <T> List<T> query(Connection connection, String sql, List<?> params, RowMapper<T> mapper)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<T> result = new ArrayList<>();
                while (rows.next()) {
                    result.add(mapper.map(rows));
                }
                return result;
            }
        }
    }

    /**
     * Runs a SELECT as {@link #query} does, but so that the database computes its result afresh.
     *
     * <p>H2 answers a statement run again in the same session with the same parameters from the
     * result of the previous run if it believes no table the statement reads has been modified
     * since. It can believe so wrongly: when a commit coincides with the previous run, that run
     * may read the data as before the commit yet be recorded as having seen the commit, and its
     * result then outlives the commit. A statement could thus return data older than what an
     * earlier statement of the same unit of work saw, which breaks the consistency check of
     * {@link CustomerTables#readConsistently}. One more parameter whose value differs on every
     * run (a result column the mapper ignores) keeps H2 from reusing a result; other databases
     * are unaffected.
     *
     * @param sql a statement starting with {@code "SELECT "}
     */
    static <T> List<T> queryFresh(Connection connection, String sql, List<?> params, RowMapper<T> mapper)
            throws SQLException {
        if (!sql.startsWith(SELECT)) {
            throw new IllegalArgumentException("not a SELECT: " + sql);
        }
        List<Object> all = new ArrayList<>(params.size() + 1);
        all.add(RUNS.incrementAndGet());
        all.addAll(params);
        return query(connection, SELECT + "CAST(? AS BIGINT) AS fresh_run, " + sql.substring(SELECT.length()), all,
                mapper);
    }

    static int update(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bindAll(statement, params);
            return statement.executeUpdate();
        }
    }

    /** Binds non-null values by their Java type. Nullable columns are bound with the typed setters below. */
    static void bindAll(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof UUID uuid) {
            statement.setObject(index, uuid);
        } else if (value instanceof Instant instant) {
            setInstant(statement, index, instant);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            throw new IllegalArgumentException("Cannot bind parameter " + index + " of type "
                    + (value == null ? "null" : value.getClass().getName()));
        }
    }

    static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UUID getUuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** A comma-separated list of {@code count} placeholders, for an {@code IN (...)} list. */
    static String placeholders(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1");
        }
        StringBuilder builder = new StringBuilder(count * 2);
        for (int i = 0; i < count; i++) {
            builder.append(i == 0 ? "?" : ",?");
        }
        return builder.toString();
    }

    /**
     * The SQLState of an exception, looking into chained exceptions (a batch failure often
     * carries the state only on its next exception or cause).
     *
     * @return the SQLState, or null if there is none
     */
    static String sqlState(SQLException exception) {
        int guard = 0;
        for (Throwable t = exception; t != null && guard < 20; t = t.getCause(), guard++) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null && guard < 20; e = e.getNextException(), guard++) {
                    if (e.getSQLState() != null) {
                        return e.getSQLState();
                    }
                }
            }
        }
        return null;
    }

    static boolean isUniqueViolation(SQLException exception) {
        return UNIQUE_VIOLATION.equals(sqlState(exception));
    }

    static StorageException storageFailure(String what, SQLException exception) {
        return new StorageException(what + ": " + exception.getMessage(), sqlState(exception), exception);
    }
}
