package org.crmkit.jdbc.internal;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps the current row of a result set to a value. Implementations read only the current row
 * and never keep the result set.
 *
 * @param <T> the value type
 */
@FunctionalInterface
interface RowMapper<T> {

    /**
     * @param row the result set, positioned on a row; not null
     * @return the value of that row; never null
     * @throws SQLException if a column cannot be read
     */
    T map(ResultSet row) throws SQLException;
}
