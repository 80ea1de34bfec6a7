package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.spi.storage.CustomerRecord;

/**
 * One of a customer's lists, stored in its own table keyed by {@code (customer_id, ordinal)}.
 * The ordinal is the item's index in the list, so that reading back restores the list's order.
 *
 * @param <T> the item type
 */
final class ChildTable<T> {

    /** Binds one item's columns, starting at parameter {@code index}. */
    @FunctionalInterface
    interface Binder<T> {
        void bind(PreparedStatement statement, int index, CustomerRecord owner, T item) throws SQLException;
    }

    /** IN lists are split into chunks of this many ids, well below every driver's parameter limit. */
    private static final int CHUNK = 500;

    private final String table;
    private final List<String> columns;
    private final Function<CustomerRecord, List<T>> items;
    private final Binder<T> binder;
    private final RowMapper<T> mapper;

    ChildTable(String table, List<String> columns, Function<CustomerRecord, List<T>> items, Binder<T> binder,
            RowMapper<T> mapper) {
        this.table = table;
        this.columns = List.copyOf(columns);
        this.items = items;
        this.binder = binder;
        this.mapper = mapper;
    }

    /** Inserts the items of every given customer as one batch. */
    void insert(Connection connection, Collection<CustomerRecord> owners) throws SQLException {
        String sql = "INSERT INTO " + table + " (customer_id, ordinal, " + String.join(", ", columns)
                + ") VALUES (?, ?, " + Jdbc.placeholders(columns.size()) + ")";
        PreparedStatement statement = null;
        try {
            for (CustomerRecord owner : owners) {
                List<T> list = items.apply(owner);
                for (int i = 0; i < list.size(); i++) {
                    if (statement == null) {
                        statement = connection.prepareStatement(sql);
                    }
                    statement.setObject(1, owner.id());
                    statement.setInt(2, i);
                    binder.bind(statement, 3, owner, list.get(i));
                    statement.addBatch();
                }
            }
            if (statement != null) {
                statement.executeBatch();
            }
        } finally {
            if (statement != null) {
                statement.close();
            }
        }
    }

    void deleteFor(Connection connection, UUID customerId) throws SQLException {
        Jdbc.update(connection, "DELETE FROM " + table + " WHERE customer_id = ?", List.of(customerId));
    }

    /** @return the items of each given customer, in list order; customers without items are absent */
    Map<UUID, List<T>> load(Connection connection, List<UUID> customerIds) throws SQLException {
        Map<UUID, List<T>> byCustomer = new HashMap<>();
        for (int from = 0; from < customerIds.size(); from += CHUNK) {
            List<UUID> chunk = customerIds.subList(from, Math.min(customerIds.size(), from + CHUNK));
            String sql = "SELECT customer_id, " + String.join(", ", columns) + " FROM " + table
                    + " WHERE customer_id IN (" + Jdbc.placeholders(chunk.size()) + ") ORDER BY customer_id, ordinal";
            List<Map.Entry<UUID, T>> rows = Jdbc.queryFresh(connection, sql, chunk,
                    row -> Map.entry(Jdbc.getUuid(row, "customer_id"), mapper.map(row)));
            for (Map.Entry<UUID, T> row : rows) {
                byCustomer.computeIfAbsent(row.getKey(), id -> new ArrayList<>()).add(row.getValue());
            }
        }
        return byCustomer;
    }
}
