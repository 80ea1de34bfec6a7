package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StoredRecord;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The store of one {@link RecordKind} in one {@link JdbcSession}: every kind shares the document
 * table {@code crm_record} (the record as JSON, see {@link RecordDocuments}) and the key table
 * {@code crm_record_key} (one row per {@link IndexKey}, replaced with the record).
 *
 * <p>Reads need no locks: a record is one row, and a query selects the rows and tests their keys
 * in one statement, which sees one committed state of both tables (the keys of a record are
 * written in the same transaction as its row).
 *
 * @param <R> the record type
 */
final class JdbcRecordStore<R extends StoredRecord> implements RecordStore<R> {

    private static final String COLUMNS = "r.id, r.version, r.body";

    private final JdbcSession session;
    private final RecordKind<R> kind;
    private final String insertRecord;
    private final String updateRecord;

    JdbcRecordStore(JdbcSession session, RecordKind<R> kind, String documentParameter) {
        if (!kind.type().isRecord()) {
            throw new ValidationException("kind.type", "must be a record class to be stored as a document",
                    kind.type().getName());
        }
        this.session = session;
        this.kind = kind;
        this.insertRecord = "INSERT INTO crm_record (id, tenant_id, kind, version, body) VALUES (?, ?, ?, ?, "
                + documentParameter + ")";
        this.updateRecord = "UPDATE crm_record SET version = ?, body = " + documentParameter
                + " WHERE id = ? AND tenant_id = ? AND kind = ? AND version = ?";
    }

    @Override
    public Optional<R> find(UUID id) {
        Objects.requireNonNull(id, "id must not be null");
        String sql = "SELECT " + COLUMNS + " FROM crm_record r WHERE r.id = ? AND r.tenant_id = ? AND r.kind = ?";
        try {
            return Jdbc.queryFresh(session.connection(), sql, List.of(id, session.tenant(), kind.name()), this::map)
                    .stream().findFirst();
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot read " + kind.name() + " " + id, e);
        }
    }

    @Override
    public void insert(R record) {
        insertAll(List.of(Objects.requireNonNull(record, "record must not be null")));
    }

    @Override
    public void insertAll(Collection<R> records) {
        Objects.requireNonNull(records, "records must not be null");
        List<Document> documents = new ArrayList<>(records.size());
        for (R record : records) {
            Objects.requireNonNull(record, "records must not contain null");
            R checked = kind.cast(record);
            Tenants.requireSame(session.tenant(), checked.tenant());
            if (checked.version() != 1) {
                throw new ValidationException("version", "must be 1 for a new " + kind.name(), checked.version());
            }
            documents.add(document(checked));
        }
        if (documents.isEmpty()) {
            return;
        }
        Connection connection = session.connection();
        try {
            Jdbc.atomically(connection, () -> {
                try (PreparedStatement statement = connection.prepareStatement(insertRecord)) {
                    for (Document document : documents) {
                        statement.setObject(1, document.id());
                        statement.setString(2, session.tenant());
                        statement.setString(3, kind.name());
                        statement.setLong(4, document.version());
                        statement.setString(5, document.body());
                        if (documents.size() == 1) {
                            statement.executeUpdate();
                        } else {
                            statement.addBatch();
                        }
                    }
                    if (documents.size() > 1) {
                        statement.executeBatch();
                    }
                }
                insertKeys(connection, documents);
                return null;
            });
        } catch (SQLException e) {
            List<UUID> ids = documents.stream().map(Document::id).toList();
            if (Jdbc.isUniqueViolation(e)) {
                throw new DuplicateRecordException(kind.name(), Duplicates.first(connection, "crm_record", ids),
                        Jdbc.sqlState(e), e);
            }
            throw Jdbc.storageFailure("Cannot insert " + (ids.size() == 1 ? kind.name() + " " + ids.get(0)
                    : ids.size() + " records of kind " + kind.name()), e);
        }
    }

    @Override
    public void update(R record) {
        Objects.requireNonNull(record, "record must not be null");
        R checked = kind.cast(record);
        Tenants.requireSame(session.tenant(), checked.tenant());
        if (checked.version() < 2) {
            throw new ValidationException("version", "must be at least 2 for an update", checked.version());
        }
        Document document = document(checked);
        Connection connection = session.connection();
        try {
            Jdbc.atomically(connection, () -> {
                int updated = Jdbc.update(connection, updateRecord, List.of(document.version(), document.body(),
                        document.id(), session.tenant(), kind.name(), document.version() - 1));
                if (updated == 0) {
                    throw new StaleWriteException(kind.name(), document.id(), document.version() - 1,
                            storedVersion(connection, document.id()));
                }
                Jdbc.update(connection, "DELETE FROM crm_record_key WHERE record_id = ?", List.of(document.id()));
                insertKeys(connection, List.of(document));
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot update " + kind.name() + " " + document.id(), e);
        }
    }

    @Override
    public Page<R> query(RecordQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query must not be null");
        Objects.requireNonNull(page, "page must not be null");
        checkCriteria(query);
        UUID after = page.cursor().map(cursor -> Cursors.recordAfter(kind.name(), cursor)).orElse(null);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM crm_record r WHERE ");
        appendCriteria(sql, params, query);
        if (after != null) {
            sql.append(" AND r.id > ?");
            params.add(after);
        }
        // One row more than asked tells whether there is a next page.
        sql.append(" ORDER BY r.id FETCH FIRST ? ROWS ONLY");
        params.add(page.size() + 1);
        try {
            List<R> rows = Jdbc.queryFresh(session.connection(), sql.toString(), params, this::map);
            if (rows.size() <= page.size()) {
                return Page.last(rows);
            }
            List<R> items = List.copyOf(rows.subList(0, page.size()));
            return Page.of(items, page.size(), Cursors.record(kind.name(), items.get(items.size() - 1).id()));
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot query records of kind " + kind.name(), e);
        }
    }

    @Override
    public long count(RecordQuery query) {
        Objects.requireNonNull(query, "query must not be null");
        checkCriteria(query);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM crm_record r WHERE ");
        appendCriteria(sql, params, query);
        try {
            return Jdbc.queryFresh(session.connection(), sql.toString(), params, row -> row.getLong(2)).get(0);
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot count records of kind " + kind.name(), e);
        }
    }

    /** One record ready to write: its JSON document and its keys, computed before any statement runs. */
    private record Document(UUID id, long version, String body, List<IndexKey> keys) {
    }

    /**
     * Makes the document of a record, and reads it back at once: a record that would not come back
     * equal (a component of a type the mapper cannot read, or whose equality is not by value) is
     * refused now, before anything is written, rather than found unreadable later.
     */
    private Document document(R record) {
        List<IndexKey> keys = kind.keysOf(record);
        String body;
        R back;
        try {
            body = RecordDocuments.write(record);
            back = RecordDocuments.read(body, kind.type());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new ValidationException("record", "must be a record that JSON keeps exactly: " + e.getMessage(),
                    kind.name());
        }
        if (!back.equals(record)) {
            throw new ValidationException("record", "must read back equal from its JSON document (are all its "
                    + "components values, compared by equals?)", kind.name());
        }
        return new Document(record.id(), record.version(), body, keys);
    }

    private void insertKeys(Connection connection, List<Document> documents) throws SQLException {
        int count = documents.stream().mapToInt(document -> document.keys().size()).sum();
        if (count == 0) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO crm_record_key "
                + "(record_id, tenant_id, kind, key_name, key_value) VALUES (?, ?, ?, ?, ?)")) {
            for (Document document : documents) {
                for (IndexKey key : document.keys()) {
                    statement.setObject(1, document.id());
                    statement.setString(2, session.tenant());
                    statement.setString(3, kind.name());
                    statement.setString(4, key.name());
                    statement.setString(5, key.value());
                    statement.addBatch();
                }
            }
            statement.executeBatch();
        }
    }

    private void checkCriteria(RecordQuery query) {
        for (IndexKey criterion : query.criteria()) {
            if (!kind.keyNames().contains(criterion.name())) {
                throw new ValidationException("query.criteria", "must name keys of kind " + kind.name() + " "
                        + kind.keyNames(), criterion.name());
            }
        }
    }

    /** Appends the WHERE criteria of a query: fixed SQL fragments, every value a parameter. */
    private void appendCriteria(StringBuilder sql, List<Object> params, RecordQuery query) {
        sql.append("r.tenant_id = ? AND r.kind = ?");
        params.add(session.tenant());
        params.add(kind.name());
        for (IndexKey criterion : query.criteria()) {
            sql.append(" AND EXISTS (SELECT 1 FROM crm_record_key k WHERE k.tenant_id = r.tenant_id")
                    .append(" AND k.kind = r.kind AND k.key_name = ? AND k.key_value = ? AND k.record_id = r.id)");
            params.add(criterion.name());
            params.add(criterion.value());
        }
    }

    private R map(ResultSet row) throws SQLException {
        UUID id = Jdbc.getUuid(row, "id");
        R record;
        try {
            record = RecordDocuments.read(row.getString("body"), kind.type());
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StorageException("Cannot read " + kind.name() + " " + id + ": its stored document does not "
                    + "fit " + kind.type().getName() + " (" + e.getMessage() + ")", null, e);
        }
        if (!id.equals(record.id()) || record.version() != row.getLong("version")
                || !session.tenant().equals(record.tenant())) {
            throw new StorageException("Cannot read " + kind.name() + " " + id + ": its stored document says id "
                    + record.id() + ", tenant " + record.tenant() + ", version " + record.version()
                    + ", unlike its row", null, null);
        }
        return record;
    }

    /** @return the stored version of a record of this kind in this tenant, or 0 if there is none */
    private long storedVersion(Connection connection, UUID id) throws SQLException {
        return Jdbc.query(connection, "SELECT version FROM crm_record WHERE id = ? AND tenant_id = ? AND kind = ?",
                List.of(id, session.tenant(), kind.name()), row -> row.getLong(1)).stream().findFirst().orElse(0L);
    }
}
