package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.StaleWriteException;

/** The customer store of one {@link JdbcSession}. */
final class JdbcCustomerStore implements CustomerStore {

    private static final String ENTITY = "customer";

    private final JdbcSession session;

    JdbcCustomerStore(JdbcSession session) {
        this.session = session;
    }

    @Override
    public Optional<CustomerRecord> find(UUID id) {
        Objects.requireNonNull(id, "id must not be null");
        Connection connection = session.connection();
        String sql = "SELECT " + CustomerTables.COLUMNS + " FROM crm_customer c WHERE c.tenant_id = ? AND c.id = ?";
        List<Object> params = List.of(session.tenant(), id);
        try {
            return CustomerTables.readConsistently(connection,
                    lock -> Jdbc.queryFresh(connection, lock ? sql + CustomerTables.FOR_UPDATE : sql, params,
                            CustomerTables::mapRow),
                    1, record -> true).records().stream().findFirst();
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot read customer " + id, e);
        }
    }

    @Override
    public void insert(CustomerRecord record) {
        insertAll(List.of(Objects.requireNonNull(record, "record must not be null")));
    }

    @Override
    public void insertAll(Collection<CustomerRecord> records) {
        List<CustomerRecord> list = checkedForInsert(records);
        if (list.isEmpty()) {
            return;
        }
        Connection connection = session.connection();
        try {
            Jdbc.atomically(connection, () -> {
                CustomerTables.insert(connection, list);
                return null;
            });
        } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
                UUID duplicate = Duplicates.first(connection, "crm_customer",
                        list.stream().map(CustomerRecord::id).toList());
                throw new DuplicateRecordException(ENTITY, duplicate, Jdbc.sqlState(e), e);
            }
            throw Jdbc.storageFailure("Cannot insert " + (list.size() == 1 ? "customer " + list.get(0).id()
                    : list.size() + " customers"), e);
        }
    }

    @Override
    public void update(CustomerRecord record) {
        Objects.requireNonNull(record, "record must not be null");
        Tenants.requireSame(session.tenant(), record.tenant());
        if (record.version() < 2) {
            throw new ValidationException("version", "must be at least 2 for an update", record.version());
        }
        Connection connection = session.connection();
        try {
            Jdbc.atomically(connection, () -> {
                if (!CustomerTables.update(connection, record)) {
                    throw new StaleWriteException(ENTITY, record.id(), record.version() - 1,
                            storedVersion(connection, record.id()));
                }
                return null;
            });
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot update customer " + record.id(), e);
        }
    }

    @Override
    public Page<CustomerRecord> query(CustomerQuery query, PageRequest page) {
        Objects.requireNonNull(query, "query must not be null");
        Objects.requireNonNull(page, "page must not be null");
        UUID after = page.cursor().map(Cursors::customerAfter).orElse(null);
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(CustomerTables.COLUMNS)
                .append(" FROM crm_customer c WHERE ");
        appendCriteria(sql, params, query);
        if (after != null) {
            sql.append(" AND c.id > ?");
            params.add(after);
        }
        // One row more than asked tells whether there is a next page.
        sql.append(" ORDER BY c.id FETCH FIRST ? ROWS ONLY");
        params.add(page.size() + 1);
        Connection connection = session.connection();
        String select = sql.toString();
        try {
            CustomerTables.Snapshot read = CustomerTables.readConsistently(connection,
                    lock -> Jdbc.queryFresh(connection, lock ? select + CustomerTables.FOR_UPDATE : select, params,
                            CustomerTables::mapRow),
                    page.size(), record -> matches(record, query));
            return read.more() ? Page.of(read.records(), page.size(), Cursors.customer(read.lastId()))
                    : Page.last(read.records());
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot query customers", e);
        }
    }

    @Override
    public long count(CustomerQuery query) {
        Objects.requireNonNull(query, "query must not be null");
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT COUNT(*) FROM crm_customer c WHERE ");
        appendCriteria(sql, params, query);
        try {
            return Jdbc.query(session.connection(), sql.toString(), params, row -> row.getLong(1)).get(0);
        } catch (SQLException e) {
            throw Jdbc.storageFailure("Cannot count customers", e);
        }
    }

    /** Appends the WHERE criteria of a query: fixed SQL fragments, every value a parameter. */
    private void appendCriteria(StringBuilder sql, List<Object> params, CustomerQuery query) {
        sql.append("c.tenant_id = ?");
        params.add(session.tenant());
        if (query.ownerId() != null) {
            sql.append(" AND c.owner_id = ?");
            params.add(query.ownerId());
        }
        if (query.type() != null) {
            sql.append(" AND c.customer_type = ?");
            params.add(query.type());
        }
        if (query.lifecycleStage() != null) {
            sql.append(" AND c.lifecycle_stage = ?");
            params.add(query.lifecycleStage());
        }
        if (query.updatedSince() != null) {
            sql.append(" AND c.updated_at >= ?");
            params.add(query.updatedSince());
        }
        if (query.organisation() != null) {
            sql.append(" AND c.org_legal_name_key = ?");
            params.add(query.organisation());
        }
        if (query.email() != null) {
            appendContactPoint(sql, params, ContactPointRecord.EMAIL, query.email());
        }
        if (query.phone() != null) {
            appendContactPoint(sql, params, ContactPointRecord.PHONE, query.phone());
        }
    }

    /**
     * Whether a record matches a query, as {@link #appendCriteria} would select its row: for
     * records read with their rows locked, whose database re-checks only the row's own criteria
     * after waiting for a writer.
     */
    private static boolean matches(CustomerRecord record, CustomerQuery query) {
        return (query.ownerId() == null || query.ownerId().equals(record.ownerId()))
                && (query.type() == null || query.type().equals(record.type()))
                && (query.lifecycleStage() == null || query.lifecycleStage().equals(record.lifecycleStage()))
                && (query.updatedSince() == null || !record.updatedAt().isBefore(query.updatedSince()))
                && (query.organisation() == null || record.organisation() != null
                        && query.organisation().equals(CustomerQuery.organisationKey(record.organisation().legalName())))
                && (query.email() == null || hasContactPoint(record, ContactPointRecord.EMAIL, query.email()))
                && (query.phone() == null || hasContactPoint(record, ContactPointRecord.PHONE, query.phone()));
    }

    private static boolean hasContactPoint(CustomerRecord record, String kind, String value) {
        return record.contactPoints().stream().anyMatch(point -> point.kind().equals(kind)
                && point.value().equals(value));
    }

    private static void appendContactPoint(StringBuilder sql, List<Object> params, String kind, String value) {
        sql.append(" AND EXISTS (SELECT 1 FROM crm_contact_point p WHERE p.tenant_id = c.tenant_id")
                .append(" AND p.kind = ? AND p.contact_value = ? AND p.customer_id = c.id)");
        params.add(kind);
        params.add(value);
    }

    private List<CustomerRecord> checkedForInsert(Collection<CustomerRecord> records) {
        Objects.requireNonNull(records, "records must not be null");
        List<CustomerRecord> list = new ArrayList<>(records.size());
        for (CustomerRecord record : records) {
            Objects.requireNonNull(record, "records must not contain null");
            Tenants.requireSame(session.tenant(), record.tenant());
            if (record.version() != 1) {
                throw new ValidationException("version", "must be 1 for a new customer", record.version());
            }
            list.add(record);
        }
        return list;
    }

    /** @return the stored version of a customer of this tenant, or 0 if there is none */
    private long storedVersion(Connection connection, UUID id) throws SQLException {
        return Jdbc.query(connection, "SELECT version FROM crm_customer WHERE tenant_id = ? AND id = ?",
                List.of(session.tenant(), id), row -> row.getLong(1)).stream().findFirst().orElse(0L);
    }
}
