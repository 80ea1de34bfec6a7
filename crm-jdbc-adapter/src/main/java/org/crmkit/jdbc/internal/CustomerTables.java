package org.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.crmkit.spi.storage.AttributeRecord;
import org.crmkit.spi.storage.ConsentRecord;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.OrganisationRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.PostalAddressRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL and row mapping of a customer: the {@code crm_customer} row and its five child tables. */
final class CustomerTables {

    static final String COLUMNS = "c.id, c.tenant_id, c.version, c.customer_type, c.name, c.org_legal_name, "
            + "c.org_registration_number, c.org_tax_number, c.org_industry, c.org_website, c.relationship_level, "
            + "c.lifecycle_stage, c.owner_id, c.created_at, c.updated_at";

    /** Appended to a SELECT of customer rows to lock the rows it returns until the transaction ends. */
    static final String FOR_UPDATE = " FOR UPDATE";

    /** How many times a read is tried without locks before it locks the customer rows it reads. */
    static final int OPTIMISTIC_READS = 20;

    /** IN lists are split into chunks of this many ids, well below every driver's parameter limit. */
    private static final int CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(CustomerTables.class);

    private static final String INSERT = "INSERT INTO crm_customer (id, tenant_id, version, customer_type, name, "
            + "org_legal_name, org_registration_number, org_tax_number, org_industry, org_website, "
            + "relationship_level, lifecycle_stage, owner_id, created_at, updated_at, org_legal_name_key) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static final String UPDATE = "UPDATE crm_customer SET version = ?, customer_type = ?, name = ?, "
            + "org_legal_name = ?, org_registration_number = ?, org_tax_number = ?, org_industry = ?, "
            + "org_website = ?, relationship_level = ?, lifecycle_stage = ?, owner_id = ?, created_at = ?, "
            + "updated_at = ?, org_legal_name_key = ? WHERE tenant_id = ? AND id = ? AND version = ?";

    private static final ChildTable<ContactPointRecord> CONTACT_POINTS = new ChildTable<>("crm_contact_point",
            List.of("tenant_id", "kind", "contact_value", "label", "is_primary"),
            CustomerRecord::contactPoints,
            (statement, i, owner, item) -> {
                statement.setString(i, owner.tenant());
                statement.setString(i + 1, item.kind());
                statement.setString(i + 2, item.value());
                Jdbc.setText(statement, i + 3, item.label());
                statement.setBoolean(i + 4, item.primary());
            },
            row -> new ContactPointRecord(row.getString("kind"), row.getString("contact_value"),
                    row.getString("label"), row.getBoolean("is_primary")));

    private static final ChildTable<PostalAddressRecord> POSTAL_ADDRESSES = new ChildTable<>("crm_postal_address",
            List.of("label", "is_primary", "street", "city", "region", "postal_code", "country"),
            CustomerRecord::postalAddresses,
            (statement, i, owner, item) -> {
                Jdbc.setText(statement, i, item.label());
                statement.setBoolean(i + 1, item.primary());
                statement.setString(i + 2, item.street());
                statement.setString(i + 3, item.city());
                Jdbc.setText(statement, i + 4, item.region());
                Jdbc.setText(statement, i + 5, item.postalCode());
                statement.setString(i + 6, item.country());
            },
            row -> new PostalAddressRecord(row.getString("label"), row.getBoolean("is_primary"),
                    row.getString("street"), row.getString("city"), row.getString("region"),
                    row.getString("postal_code"), row.getString("country")));

    private static final ChildTable<AttributeRecord> ATTRIBUTES = new ChildTable<>("crm_attribute",
            List.of("category", "attr_name", "attr_type", "attr_value"),
            CustomerRecord::attributes,
            (statement, i, owner, item) -> {
                statement.setString(i, item.category());
                statement.setString(i + 1, item.name());
                statement.setString(i + 2, item.type());
                statement.setString(i + 3, item.value());
            },
            row -> new AttributeRecord(row.getString("category"), row.getString("attr_name"),
                    row.getString("attr_type"), row.getString("attr_value")));

    private static final ChildTable<ConsentRecord> CONSENTS = new ChildTable<>("crm_consent",
            List.of("channel", "purpose", "status", "decided_at", "evidence"),
            CustomerRecord::consents,
            (statement, i, owner, item) -> {
                statement.setString(i, item.channel());
                statement.setString(i + 1, item.purpose());
                statement.setString(i + 2, item.status());
                Jdbc.setInstant(statement, i + 3, item.at());
                statement.setString(i + 4, item.evidence());
            },
            row -> new ConsentRecord(row.getString("channel"), row.getString("purpose"), row.getString("status"),
                    Jdbc.getInstant(row, "decided_at"), row.getString("evidence")));

    private static final ChildTable<OwnershipRecord> OWNER_HISTORY = new ChildTable<>("crm_ownership",
            List.of("owner_id", "valid_from", "valid_until", "assigned_by", "reason"),
            CustomerRecord::ownerHistory,
            (statement, i, owner, item) -> {
                statement.setString(i, item.ownerId());
                Jdbc.setInstant(statement, i + 1, item.from());
                Jdbc.setInstant(statement, i + 2, item.until());
                statement.setString(i + 3, item.assignedBy());
                Jdbc.setText(statement, i + 4, item.reason());
            },
            row -> new OwnershipRecord(row.getString("owner_id"), Jdbc.getInstant(row, "valid_from"),
                    Jdbc.getInstant(row, "valid_until"), row.getString("assigned_by"), row.getString("reason")));

    private static final List<ChildTable<?>> CHILDREN =
            List.of(CONTACT_POINTS, POSTAL_ADDRESSES, ATTRIBUTES, CONSENTS, OWNER_HISTORY);

    private CustomerTables() {
    }

    /** The customer row without its lists, as read by a query. */
    record CustomerRow(UUID id, String tenant, long version, String type, String name,
            OrganisationRecord organisation, String relationshipLevel, String lifecycleStage, String ownerId,
            java.time.Instant createdAt, java.time.Instant updatedAt) {
    }

    static CustomerRow mapRow(ResultSet row) throws SQLException {
        String legalName = row.getString("org_legal_name");
        OrganisationRecord organisation = legalName == null ? null
                : new OrganisationRecord(legalName, row.getString("org_registration_number"),
                        row.getString("org_tax_number"), row.getString("org_industry"), row.getString("org_website"));
        return new CustomerRow(Jdbc.getUuid(row, "id"), row.getString("tenant_id"), row.getLong("version"),
                row.getString("customer_type"), row.getString("name"), organisation,
                row.getString("relationship_level"), row.getString("lifecycle_stage"), row.getString("owner_id"),
                Jdbc.getInstant(row, "created_at"), Jdbc.getInstant(row, "updated_at"));
    }

    /** Inserts the customer rows and all their lists, each table as one batch. */
    static void insert(Connection connection, Collection<CustomerRecord> records) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            for (CustomerRecord record : records) {
                statement.setObject(1, record.id());
                statement.setString(2, record.tenant());
                statement.setLong(3, record.version());
                statement.setString(4, record.type());
                statement.setString(5, record.name());
                bindOrganisation(statement, 6, record.organisation());
                statement.setString(11, record.relationshipLevel());
                statement.setString(12, record.lifecycleStage());
                statement.setString(13, record.ownerId());
                Jdbc.setInstant(statement, 14, record.createdAt());
                Jdbc.setInstant(statement, 15, record.updatedAt());
                Jdbc.setText(statement, 16, legalNameKey(record.organisation()));
                if (records.size() == 1) {
                    statement.executeUpdate();
                } else {
                    statement.addBatch();
                }
            }
            if (records.size() > 1) {
                statement.executeBatch();
            }
        }
        insertChildren(connection, records);
    }

    /**
     * Writes a new version over the stored one if the stored version is {@code record.version() - 1}.
     *
     * @return whether the row was updated (false: stale or absent); the lists are replaced only if it was
     */
    static boolean update(Connection connection, CustomerRecord record) throws SQLException {
        int updated;
        try (PreparedStatement statement = connection.prepareStatement(UPDATE)) {
            statement.setLong(1, record.version());
            statement.setString(2, record.type());
            statement.setString(3, record.name());
            bindOrganisation(statement, 4, record.organisation());
            statement.setString(9, record.relationshipLevel());
            statement.setString(10, record.lifecycleStage());
            statement.setString(11, record.ownerId());
            Jdbc.setInstant(statement, 12, record.createdAt());
            Jdbc.setInstant(statement, 13, record.updatedAt());
            Jdbc.setText(statement, 14, legalNameKey(record.organisation()));
            statement.setString(15, record.tenant());
            statement.setObject(16, record.id());
            statement.setLong(17, record.version() - 1);
            updated = statement.executeUpdate();
        }
        if (updated == 0) {
            return false;
        }
        for (ChildTable<?> child : CHILDREN) {
            child.deleteFor(connection, record.id());
        }
        insertChildren(connection, List.of(record));
        return true;
    }

    /**
     * Reads the customer rows a statement selects, without or with locking them.
     *
     * <p>Implementations run one SELECT of {@link #COLUMNS} from {@code crm_customer c} with
     * {@link Jdbc#queryFresh}; with {@code lock} they append {@link #FOR_UPDATE} to it.
     */
    @FunctionalInterface
    interface RowReader {
        List<CustomerRow> read(boolean lock) throws SQLException;
    }

    /**
     * What a consistent read found.
     *
     * @param records the first {@code limit} rows completed with their lists, in the rows' order
     *                (without those the last attempt's check dropped)
     * @param more    whether the statement selected more than {@code limit} rows
     * @param lastId  the id of the last of the first {@code limit} rows, or null if there were none
     */
    record Snapshot(List<CustomerRecord> records, boolean more, UUID lastId) {
    }

    /**
     * Reads customers so that each record is exactly one version of its customer, never the
     * customer row of one version with lists of another, although the row and its five lists are
     * read by separate statements at READ COMMITTED, each of which sees the commits made before
     * it started.
     *
     * <p>An optimistic read, without locks: it reads the rows, then their lists, then the rows'
     * versions again, every statement with {@link Jdbc#queryFresh} so that each sees every commit
     * made before it started. Every write of a customer's lists updates (and so versions) its row in the
     * same transaction, and versions only grow; so if no version changed, no transaction that
     * touched these customers committed between the first and the last statement, and every list
     * belongs to the version read. If one changed, the whole read is repeated (the statement too,
     * so that its criteria are evaluated against the versions returned), up to
     * {@value #OPTIMISTIC_READS} times. The last resort is the same read with the customer rows
     * locked ({@code SELECT ... FOR UPDATE}) until the unit of work ends: with the rows locked no
     * other transaction can write a new version until then, so the lists read next belong to the
     * versions the locking statement returned (H2 and PostgreSQL both return the latest committed
     * version of a row they had to wait for). Having waited, both re-check the criteria on the
     * customer row against that version, but not criteria on other tables, such as a contact
     * point's: so the records of the last attempt are checked once more with
     * {@code stillMatches}, and those that no longer match are dropped.
     *
     * <p>The unit of work's own uncommitted writes are read like committed ones: they hold the
     * row locks of the customers they changed, so no other transaction can change those in between.
     *
     * @param limit        how many of the selected rows to complete; the rest only tells
     *                     {@link Snapshot#more()}
     * @param stillMatches whether a record of the locking attempt still matches the statement's criteria
     */
    static Snapshot readConsistently(Connection connection, RowReader reader, int limit,
            Predicate<CustomerRecord> stillMatches) throws SQLException {
        for (int attempt = 1; attempt <= OPTIMISTIC_READS; attempt++) {
            List<CustomerRow> rows = reader.read(false);
            List<CustomerRow> kept = firstRows(rows, limit);
            List<CustomerRecord> records = withChildren(connection, kept);
            if (unchanged(connection, kept)) {
                return new Snapshot(records, rows.size() > limit, lastId(kept));
            }
        }
        LOG.debug("Customers changed during {} reads in a row; reading them again with their rows locked",
                OPTIMISTIC_READS);
        List<CustomerRow> rows = reader.read(true);
        List<CustomerRow> kept = firstRows(rows, limit);
        List<CustomerRecord> records = withChildren(connection, kept).stream().filter(stillMatches).toList();
        return new Snapshot(records, rows.size() > limit, lastId(kept));
    }

    private static List<CustomerRow> firstRows(List<CustomerRow> rows, int limit) {
        return rows.size() > limit ? rows.subList(0, limit) : rows;
    }

    private static UUID lastId(List<CustomerRow> rows) {
        return rows.isEmpty() ? null : rows.get(rows.size() - 1).id();
    }

    /** @return whether every row is still stored with the version it was read with */
    private static boolean unchanged(Connection connection, List<CustomerRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return true;
        }
        Map<UUID, Long> versions = new HashMap<>();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<UUID> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK)).stream()
                    .map(CustomerRow::id).toList();
            String sql = "SELECT id, version FROM crm_customer WHERE id IN (" + Jdbc.placeholders(chunk.size()) + ")";
            for (Map.Entry<UUID, Long> stored : Jdbc.queryFresh(connection, sql, chunk,
                    row -> Map.entry(Jdbc.getUuid(row, "id"), row.getLong("version")))) {
                versions.put(stored.getKey(), stored.getValue());
            }
        }
        for (CustomerRow row : rows) {
            Long stored = versions.get(row.id());
            if (stored == null || stored != row.version()) {
                return false;
            }
        }
        return true;
    }

    /** Completes customer rows with their lists, keeping the rows' order. */
    private static List<CustomerRecord> withChildren(Connection connection, List<CustomerRow> rows)
            throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(CustomerRow::id).toList();
        Map<UUID, List<ContactPointRecord>> contactPoints = CONTACT_POINTS.load(connection, ids);
        Map<UUID, List<PostalAddressRecord>> addresses = POSTAL_ADDRESSES.load(connection, ids);
        Map<UUID, List<AttributeRecord>> attributes = ATTRIBUTES.load(connection, ids);
        Map<UUID, List<ConsentRecord>> consents = CONSENTS.load(connection, ids);
        Map<UUID, List<OwnershipRecord>> owners = OWNER_HISTORY.load(connection, ids);
        List<CustomerRecord> records = new ArrayList<>(rows.size());
        for (CustomerRow row : rows) {
            UUID id = row.id();
            records.add(new CustomerRecord(id, row.tenant(), row.version(), row.type(), row.name(),
                    row.organisation(), row.relationshipLevel(), row.lifecycleStage(), row.ownerId(),
                    contactPoints.getOrDefault(id, List.of()), addresses.getOrDefault(id, List.of()),
                    attributes.getOrDefault(id, List.of()), consents.getOrDefault(id, List.of()),
                    owners.getOrDefault(id, List.of()), row.createdAt(), row.updatedAt()));
        }
        return records;
    }

    private static void insertChildren(Connection connection, Collection<CustomerRecord> records)
            throws SQLException {
        for (ChildTable<?> child : CHILDREN) {
            child.insert(connection, records);
        }
    }

    /**
     * The value of {@code org_legal_name_key}, which the {@code organisation} criterion of
     * {@link org.crmkit.spi.storage.CustomerQuery} compares: computed here rather than by SQL's
     * {@code LOWER(TRIM(...))}, whose white space and case rules differ from Java's.
     */
    private static String legalNameKey(OrganisationRecord organisation) {
        return organisation == null ? null : CustomerQuery.organisationKey(organisation.legalName());
    }

    private static void bindOrganisation(PreparedStatement statement, int index, OrganisationRecord organisation)
            throws SQLException {
        boolean present = organisation != null;
        Jdbc.setText(statement, index, present ? organisation.legalName() : null);
        Jdbc.setText(statement, index + 1, present ? organisation.registrationNumber() : null);
        Jdbc.setText(statement, index + 2, present ? organisation.taxNumber() : null);
        Jdbc.setText(statement, index + 3, present ? organisation.industry() : null);
        Jdbc.setText(statement, index + 4, present ? organisation.website() : null);
    }
}
