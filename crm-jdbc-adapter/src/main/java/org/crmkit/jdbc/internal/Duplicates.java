package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which id made an insert fail with a unique violation. A batch failure does not say which
 * row failed, so after the batch's savepoint is rolled back the ids are looked up.
 */
final class Duplicates {

    private static final Logger LOG = LoggerFactory.getLogger(Duplicates.class);
    private static final int CHUNK = 500;

    private Duplicates() {
    }

    /**
     * @param table a table whose primary key is {@code id}; a constant of this adapter, never input
     * @param ids   the ids that were inserted, in order
     * @return the first id that repeats an earlier one or is already stored (in any tenant); the
     *         first id if none can be found (a concurrent unit of work may have removed it since)
     */
    static UUID first(Connection connection, String table, List<UUID> ids) {
        Set<UUID> stored = new HashSet<>();
        try {
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                stored.addAll(Jdbc.query(connection, "SELECT id FROM " + table + " WHERE id IN ("
                        + Jdbc.placeholders(chunk.size()) + ")", chunk, row -> Jdbc.getUuid(row, "id")));
            }
        } catch (SQLException e) {
            LOG.debug("Cannot look up which id of {} is a duplicate", table, e);
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : ids) {
            if (stored.contains(id) || !seen.add(id)) {
                return id;
            }
        }
        return ids.get(0);
    }
}
