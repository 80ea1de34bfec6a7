package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.TimelineEntryRecord;
import org.crmkit.spi.storage.TimelineStore;

/** The timeline store of one {@link JdbcSession}. */
final class JdbcTimelineStore implements TimelineStore {

    private static final String ENTITY = "timeline entry";

    private static final String COLUMNS = "id, tenant_id, customer_id, occurred_at, kind, channel, staff_id, "
            + "department, summary, outcome";

    private static final String INSERT = "INSERT INTO crm_timeline_entry (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcSession session;

    JdbcTimelineStore(JdbcSession session) {
        this.session = session;
    }

    @Override
    public void append(TimelineEntryRecord entry) {
        appendAll(List.of(Objects.requireNonNull(entry, "entry must not be null")));
    }

    @Override
    public void appendAll(Collection<TimelineEntryRecord> entries) {
        Objects.requireNonNull(entries, "entries must not be null");
        List<TimelineEntryRecord> list = new ArrayList<>(entries.size());
        for (TimelineEntryRecord entry : entries) {
            Objects.requireNonNull(entry, "entries must not contain null");
            Tenants.requireSame(session.tenant(), entry.tenant());
            list.add(entry);
        }
        if (list.isEmpty()) {
            return;
        }
        Connection connection = session.connection();
        try {
            Jdbc.atomically(connection, () -> {
                insert(connection, list);
                return null;
            });
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                UUID duplicate = Duplicates.first(connection, "crm_timeline_entry",
                        list.stream().map(TimelineEntryRecord::id).toList());
                throw new DuplicateRecordException(ENTITY, duplicate, Jdbc.sqlState(e), e);
            }
            throw Jdbc.storageFailure("Cannot append " + (list.size() == 1 ? ENTITY + " " + list.get(0).id()
                    : list.size() + " timeline entries"), e);
        }
    }

    @Override
    public Page<TimelineEntryRecord> forCustomer(UUID customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(page, "page must not be null");
        List<Object> params = new ArrayList<>(List.of(session.tenant(), customerId));
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM crm_timeline_entry WHERE tenant_id = ? AND customer_id = ?");
        if (page.cursor().isPresent()) {
            Cursors.TimelineKey after = Cursors.timelineAfter(page.after());
            sql.append(" AND (occurred_at > ? OR (occurred_at = ? AND id > ?))");
            params.add(after.occurredAt());
            params.add(after.occurredAt());
            params.add(after.id());
        }
        sql.append(" ORDER BY occurred_at, id FETCH FIRST ? ROWS ONLY");
        params.add(page.size() + 1);
        try {
            List<TimelineEntryRecord> rows = Jdbc.query(session.connection(), sql.toString(), params,
                    JdbcTimelineStore::map);
            if (rows.size() <= page.size()) {
                return Page.last(rows);
            }
            List<TimelineEntryRecord> items = rows.subList(0, page.size());
            TimelineEntryRecord last = items.get(items.size() - 1);
            return Page.of(items, page.size(), Cursors.timeline(last.occurredAt(), last.id()));
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot read the timeline of customer " + customerId, e);
        }
    }

    private static void insert(Connection connection, List<TimelineEntryRecord> entries) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (TimelineEntryRecord entry : entries) {
                statement.setObject(1, entry.id());
                statement.setString(2, entry.tenant());
                statement.setObject(3, entry.customerId());
                Jdbc.setInstant(statement, 4, entry.occurredAt());
                statement.setString(5, entry.kind());
                Jdbc.setText(statement, 6, entry.channel());
                Jdbc.setText(statement, 7, entry.staffId());
                Jdbc.setText(statement, 8, entry.department());
                statement.setString(9, entry.summary());
                Jdbc.setText(statement, 10, entry.outcome());
                if (entries.size() == 1) {
                    statement.executeUpdate();
                } else {
                    statement.addBatch();
                }
            }
            if (entries.size() > 1) {
                statement.executeBatch();
            }
        }
    }

    private static TimelineEntryRecord map(ResultSet row) throws SQLException {
        return new TimelineEntryRecord(Jdbc.getUuid(row, "id"), row.getString("tenant_id"),
                Jdbc.getUuid(row, "customer_id"), Jdbc.getInstant(row, "occurred_at"), row.getString("kind"),
                row.getString("channel"), row.getString("staff_id"), row.getString("department"),
                row.getString("summary"), row.getString("outcome"));
    }
}
