package org.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.AttributeRecord;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TimelineEntryRecord;
import org.crmkit.tck.storage.samples.TckSampleRecord;
import org.crmkit.tck.storage.samples.TckSamples;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the JDBC adapter promises beyond the storage contract of {@code crm-tck}: migrations,
 * SQLStates, connection handling, dialect detection. Each subclass runs it on one database.
 */
abstract class JdbcAdapterContract {

    private static final List<String> TABLES = List.of("crm_customer", "crm_contact_point", "crm_postal_address",
            "crm_attribute", "crm_consent", "crm_ownership", "crm_timeline_entry", "crm_schema_history", "crm_record",
            "crm_record_key");

    /** @return a new, empty database of the dialect under test */
    protected abstract DataSource freshDatabase() throws SQLException;

    /** @return the dialect under test */
    protected abstract Dialect dialect();

    /** @return a data source whose database cannot be reached, as a misconfigured host would have */
    protected abstract DataSource unreachableDatabase();

    /** @return the SQLState the driver reports for {@link #unreachableDatabase()} */
    protected abstract String unreachableSqlState();

    private DataSource migratedDatabase() throws SQLException {
        DataSource dataSource = freshDatabase();
        SchemaMigrator.create(dataSource, dialect()).migrate();
        return dataSource;
    }

    // --- migrations ---------------------------------------------------------------------------

    @Test
    void migrationCreatesEveryTableAndRecordsItsVersion() throws SQLException {
        DataSource dataSource = freshDatabase();

        List<MigrationScript> applied = SchemaMigrator.create(dataSource).migrate();

        assertThat(applied).extracting(MigrationScript::fileName)
                .containsExactly("V1__crm_schema.sql", "V2__record_store.sql");
        assertThat(tables(dataSource)).containsAll(TABLES);
        assertThat(SchemaMigrator.create(dataSource, dialect()).appliedVersions()).containsExactly(1, 2);
    }

    @Test
    void migratingTwiceIsANoOp() throws SQLException {
        DataSource dataSource = migratedDatabase();

        List<MigrationScript> second = SchemaMigrator.create(dataSource, dialect()).migrate();

        assertThat(second).isEmpty();
        assertThat(single(dataSource, "SELECT COUNT(*) FROM crm_schema_history"))
                .isEqualTo((long) SchemaMigrator.latestVersion());
    }

    @Test
    void appliedVersionsIsEmptyBeforeTheFirstMigration() throws SQLException {
        assertThat(SchemaMigrator.create(freshDatabase(), dialect()).appliedVersions()).isEmpty();
    }

    @Test
    void scriptsReturnsTheShippedScriptsWithTheirResourcePaths() throws Exception {
        List<MigrationScript> scripts = SchemaMigrator.scripts(dialect());

        assertThat(scripts).hasSize(SchemaMigrator.latestVersion());
        MigrationScript first = scripts.get(0);
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.dialect()).isEqualTo(dialect());
        String folder = dialect() == Dialect.H2 ? "h2" : "postgresql";
        assertThat(first.resourcePath()).isEqualTo("org/crmkit/jdbc/migration/" + folder + "/V1__crm_schema.sql");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(first.resourcePath())) {
            assertThat(in).isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(first.sql());
        }
        assertThat(first.sql()).contains("CREATE TABLE", "crm_customer", "crm_timeline_entry");
    }

    @Test
    void migrationRefusesASchemaNewerThanTheJar() throws SQLException {
        DataSource dataSource = migratedDatabase();
        execute(dataSource, "INSERT INTO crm_schema_history (version, description, script, checksum, installed_at, "
                + "execution_ms) VALUES (99, 'future', 'V99__future.sql', 0, CURRENT_TIMESTAMP, 0)");

        assertThatThrownBy(() -> SchemaMigrator.create(dataSource, dialect()).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("version 99")
                .hasMessageContaining("newer");
    }

    @Test
    void migrationRefusesAnAppliedScriptThatChanged() throws SQLException {
        DataSource dataSource = migratedDatabase();
        execute(dataSource, "UPDATE crm_schema_history SET checksum = checksum + 1 WHERE version = 1");

        assertThatThrownBy(() -> SchemaMigrator.create(dataSource, dialect()).migrate())
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void aMissingScriptFailsClearly() {
        assertThatThrownBy(() -> SchemaMigrator.read("org/crmkit/jdbc/migration/h2/V99__missing.sql"))
                .isInstanceOf(SchemaMigrationException.class)
                .hasMessageContaining("V99__missing.sql")
                .hasMessageContaining("missing");
    }

    @Test
    void aFailingScriptIsReportedWithItsSqlStateAndNotRecorded() throws SQLException {
        DataSource dataSource = freshDatabase();
        // A table in the way makes the first CREATE TABLE of PostgreSQL's script fail; H2's script
        // uses IF NOT EXISTS, so there an incompatible column type makes a later statement fail.
        execute(dataSource, "CREATE TABLE crm_customer (id INTEGER PRIMARY KEY)");

        SchemaMigrationException failure = catchThrowableOfType(SchemaMigrationException.class,
                () -> SchemaMigrator.create(dataSource, dialect()).migrate());

        assertThat(failure).hasMessageContaining("V1__crm_schema.sql");
        assertThat(failure.sqlState()).isPresent();
        assertThat(SchemaMigrator.create(dataSource, dialect()).appliedVersions()).isEmpty();
        if (dialect().transactionalDdl()) {
            assertThat(tables(dataSource)).doesNotContain("crm_timeline_entry", "crm_contact_point");
        }
    }

    @Test
    void aFailedMigrationCompletesWhenRunAgainAfterTheCauseIsRemoved() throws SQLException {
        DataSource dataSource = freshDatabase();
        execute(dataSource, "CREATE TABLE crm_customer (id INTEGER PRIMARY KEY)");
        assertThatThrownBy(() -> SchemaMigrator.create(dataSource, dialect()).migrate())
                .isInstanceOf(SchemaMigrationException.class);
        execute(dataSource, "DROP TABLE crm_customer");

        List<MigrationScript> applied = SchemaMigrator.create(dataSource, dialect()).migrate();

        assertThat(applied).extracting(MigrationScript::version).containsExactly(1, 2);
        assertThat(tables(dataSource)).containsAll(TABLES);
    }

    @Test
    void concurrentMigratorsApplyEachScriptOnce() throws Exception {
        DataSource dataSource = freshDatabase();
        ExecutorService executor = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<MigrationScript>>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(executor.submit(() -> SchemaMigrator.create(dataSource, dialect()).migrate()));
            }
            int applied = 0;
            for (Future<List<MigrationScript>> run : runs) {
                applied += run.get(60, TimeUnit.SECONDS).size();
            }
            assertThat(applied).isEqualTo(SchemaMigrator.latestVersion());
        } finally {
            executor.shutdownNow();
        }
        assertThat(single(dataSource, "SELECT COUNT(*) FROM crm_schema_history"))
                .isEqualTo((long) SchemaMigrator.latestVersion());
    }

    // --- record documents ---------------------------------------------------------------------

    @Test
    void aRecordIsStoredAsAJsonDocumentOfExactlyItsComponents() throws Exception {
        DataSource dataSource = migratedDatabase();
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        String tenant = TestRecords.newTenant();
        TckSampleRecord full = TckSamples.full(tenant);
        TckSampleRecord minimal = TckSamples.minimal(tenant);
        storage.useTransaction(tenant, s -> s.records(TckSampleRecord.KIND).insertAll(List.of(full, minimal)));

        JsonNode document = new ObjectMapper().readTree(body(dataSource, full.id()));

        List<String> names = new ArrayList<>();
        document.fieldNames().forEachRemaining(names::add);
        assertThat(names).as("components only, not derived getters such as isSecured()")
                .containsExactlyInAnyOrder(Stream.of(TckSampleRecord.class.getRecordComponents())
                        .map(RecordComponent::getName).toArray(String[]::new));
        assertThat(document.get("rate").isTextual()).as("decimals as text").isTrue();
        assertThat(document.get("rate").asText()).isEqualTo("12.50");
        assertThat(document.get("discount").asText()).isEqualTo("1E+3");
        assertThat(document.get("total").get("amount").asText()).isEqualTo("1234567890123456789.10");
        assertThat(document.get("occurredAt").asText()).isEqualTo("2024-05-17T08:30:15.123456Z");
        assertThat(document.get("dueOn").asText()).isEqualTo("2024-02-29");
        assertThat(document.get("id").asText()).isEqualTo(full.id().toString());
        assertThat(document.get("parts").size()).isEqualTo(2);
        JsonNode sparse = new ObjectMapper().readTree(body(dataSource, minimal.id()));
        assertThat(sparse.get("note").isNull()).as("nulls are written").isTrue();
        assertThat(sparse.get("parts").isArray()).isTrue();
    }

    @Test
    void aStoredDocumentWithAPropertyTheRecordLacksIsRefusedRatherThanDropped() throws Exception {
        DataSource dataSource = migratedDatabase();
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        String tenant = TestRecords.newTenant();
        TckSampleRecord record = TckSamples.minimal(tenant);
        storage.useTransaction(tenant, s -> s.records(TckSampleRecord.KIND).insert(record));
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(body(dataSource, record.id()));
        document.put("retiredComponent", "still data");
        writeBody(dataSource, record.id(), document.toString());

        StorageException failure = catchThrowableOfType(StorageException.class,
                () -> storage.inTransaction(tenant, s -> s.records(TckSampleRecord.KIND).find(record.id())));

        assertThat(failure).hasMessageContaining("tck_sample").hasMessageContaining(record.id().toString())
                .hasMessageContaining("retiredComponent");
    }

    @Test
    void aStoredDocumentLackingAPrimitiveIsRefusedAndLackingANullableReadsAsNull() throws Exception {
        DataSource dataSource = migratedDatabase();
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        String tenant = TestRecords.newTenant();
        TckSampleRecord record = TckSamples.minimal(tenant);
        storage.useTransaction(tenant, s -> s.records(TckSampleRecord.KIND).insert(record));
        ObjectNode document = (ObjectNode) new ObjectMapper().readTree(body(dataSource, record.id()));

        document.remove("note");
        writeBody(dataSource, record.id(), document.toString());
        Optional<TckSampleRecord> read = storage.inTransaction(tenant,
                s -> s.records(TckSampleRecord.KIND).find(record.id()));
        assertThat(read).contains(record);

        document.remove("counter");
        writeBody(dataSource, record.id(), document.toString());
        assertThatThrownBy(() -> storage.inTransaction(tenant, s -> s.records(TckSampleRecord.KIND).find(record.id())))
                .isInstanceOf(StorageException.class).hasMessageContaining("counter");
    }

    @Test
    void aCursorOfAnotherKindIsRefused() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        RecordKind<TckSampleRecord> other = RecordKind.of("tck_other", TckSampleRecord.class, List.of(), r -> List.of());
        storage.useTransaction(tenant, s -> s.records(TckSampleRecord.KIND)
                .insertAll(List.of(TckSamples.minimal(tenant), TckSamples.minimal(tenant))));
        PageRequest next = storage.inTransaction(tenant, s -> s.records(TckSampleRecord.KIND)
                .query(RecordQuery.all(), PageRequest.first(1))).next().orElseThrow();

        assertThatThrownBy(() -> storage.inTransaction(tenant, s -> s.records(other).query(RecordQuery.all(), next)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aKindWhoseTypeIsNotARecordClassIsRefused() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        RecordKind<PlainStored> plain = RecordKind.of("plain", PlainStored.class, List.of(), r -> List.of());

        assertThatThrownBy(() -> storage.useTransaction(TestRecords.newTenant(), s -> s.records(plain)))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void aRecordThatWouldNotReadBackEqualIsRefusedBeforeAnythingIsWritten() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        RecordKind<WithArray> kind = RecordKind.of("with_array", WithArray.class, List.of(), r -> List.of());
        WithArray record = new WithArray(UUID.randomUUID(), tenant, 1, new int[] {1, 2});

        assertThatThrownBy(() -> storage.useTransaction(tenant, s -> s.records(kind).insert(record)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("equal");
        long stored = storage.inTransaction(tenant, s -> s.records(kind).count(RecordQuery.all()));
        assertThat(stored).isZero();
    }

    /** A record whose equality is not by value: arrays compare by identity. */
    public record WithArray(UUID id, String tenant, long version, int[] values) implements StoredRecord {
    }

    /** A stored record that is not a record class. */
    private static final class PlainStored implements StoredRecord {
        @Override
        public UUID id() {
            return UUID.randomUUID();
        }

        @Override
        public String tenant() {
            return "t";
        }

        @Override
        public long version() {
            return 1;
        }
    }

    private static String body(DataSource dataSource, UUID id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT body FROM crm_record WHERE id = ?")) {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
    }

    private void writeBody(DataSource dataSource, UUID id, String json) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("UPDATE crm_record SET body = "
                        + dialect().documentParameter() + " WHERE id = ?")) {
            statement.setString(1, json);
            statement.setObject(2, id);
            statement.executeUpdate();
        }
    }

    // --- errors -------------------------------------------------------------------------------

    @Test
    void aStorageExceptionKeepsTheSqlStateOfAMissingTable() throws SQLException {
        DataSource dataSource = migratedDatabase();
        execute(dataSource, "DROP TABLE crm_timeline_entry");
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());

        StorageException failure = catchThrowableOfType(StorageException.class, () -> storage.inTransaction(
                TestRecords.newTenant(), s -> s.timeline().forCustomer(UUID.randomUUID(), PageRequest.first(10))));

        // 42P01 in PostgreSQL, 42S02 / 42102 in H2: syntax error or access rule violation class 42.
        assertThat(failure.sqlState()).hasValueSatisfying(state -> assertThat(state).startsWith("42"));
        assertThat(failure).hasMessageContaining("SQLState");
    }

    @Test
    void anUnreachableDatabaseIsAStorageExceptionWithItsSqlState() {
        DataSource dataSource = unreachableDatabase();

        StorageException onDetect = catchThrowableOfType(StorageException.class,
                () -> JdbcStorage.create(dataSource));
        StorageException onWork = catchThrowableOfType(StorageException.class,
                () -> JdbcStorage.create(dataSource, dialect()).inTransaction("acme", s -> null));

        assertThat(onDetect.sqlState()).contains(unreachableSqlState());
        assertThat(onWork.sqlState()).contains(unreachableSqlState());
    }

    @Test
    void aDuplicateInABatchNamesTheDuplicateAndLeavesTheSessionUsable() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        CustomerRecord stored = TestRecords.customer(tenant);
        CustomerRecord fresh = TestRecords.customer(tenant);
        CustomerRecord kept = TestRecords.customer(tenant);
        storage.useTransaction(tenant, s -> s.customers().insert(stored));

        AtomicReference<DuplicateRecordException> failure = new AtomicReference<>();
        storage.useTransaction(tenant, s -> {
            try {
                s.customers().insertAll(List.of(fresh, stored));
            } catch (DuplicateRecordException e) {
                failure.set(e);
            }
            s.customers().insert(kept);
        });

        assertThat(failure.get().id()).isEqualTo(stored.id());
        assertThat(failure.get().entity()).isEqualTo("customer");
        assertThat(failure.get().sqlState()).contains("23505");
        storage.useTransaction(tenant, s -> {
            assertThat(s.customers().find(fresh.id())).isEmpty();
            assertThat(s.customers().find(kept.id())).contains(kept);
        });
    }

    @Test
    void aDuplicateInsideOneBatchIsNamed() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        CustomerRecord first = TestRecords.customer(tenant);
        CustomerRecord twin = TestRecords.customer(tenant, first.id());

        DuplicateRecordException failure = catchThrowableOfType(DuplicateRecordException.class,
                () -> storage.useTransaction(tenant, s -> s.customers().insertAll(List.of(first, twin))));

        assertThat(failure.id()).isEqualTo(first.id());
    }

    @Test
    void aForeignCursorIsRefused() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());

        assertThatThrownBy(() -> storage.inTransaction("acme",
                s -> s.customers().query(CustomerQuery.all(), new PageRequest(10, "not-a-cursor"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("after");
    }

    // --- consistent reads ----------------------------------------------------------------------

    @Test
    void aReadThatSawANewVersionOfTheListsIsRepeatedWithoutLocking() throws SQLException {
        DataSource database = migratedDatabase();
        JdbcStorage writer = JdbcStorage.create(database, dialect());
        CountingDataSource reading = new CountingDataSource(database);
        JdbcStorage reader = JdbcStorage.create(reading, dialect());
        String tenant = TestRecords.newTenant();
        UUID id = UUID.randomUUID();
        writer.useTransaction(tenant, s -> s.customers().insert(versioned(tenant, id, 1)));
        AtomicLong version = new AtomicLong(1);
        AtomicInteger locking = new AtomicInteger();
        reading.beforePrepare = sql -> {
            if (sql.endsWith(" FOR UPDATE")) {
                locking.incrementAndGet();
            } else if (version.get() == 1 && sql.contains("FROM crm_attribute")) {
                // Another unit of work commits version 2 after the row of version 1 was read.
                writer.useTransaction(tenant,
                        s -> s.customers().update(versioned(tenant, id, version.incrementAndGet())));
            }
        };

        Optional<CustomerRecord> found = reader.inTransaction(tenant, s -> s.customers().find(id));

        assertThat(version.get()).isEqualTo(2);
        assertThat(found).contains(versioned(tenant, id, 2));
        assertThat(locking.get()).as("statements that locked rows").isZero();
    }

    @Test
    void aReadThatKeepsSeeingNewVersionsLocksTheCustomersAndReturnsOneVersionOfEach() throws SQLException {
        DataSource database = migratedDatabase();
        JdbcStorage writer = JdbcStorage.create(database, dialect());
        CountingDataSource reading = new CountingDataSource(database);
        JdbcStorage reader = JdbcStorage.create(reading, dialect());
        String tenant = TestRecords.newTenant();
        UUID id = UUID.randomUUID();
        writer.useTransaction(tenant, s -> s.customers().insert(versioned(tenant, id, 1)));
        AtomicLong version = new AtomicLong(1);
        AtomicInteger locking = new AtomicInteger();
        reading.beforePrepare = sql -> {
            if (sql.endsWith(" FOR UPDATE")) {
                locking.incrementAndGet();
            } else if (locking.get() == 0 && sql.contains("FROM crm_attribute")) {
                // Another unit of work commits a new version between reading the row and its lists, every time.
                writer.useTransaction(tenant,
                        s -> s.customers().update(versioned(tenant, id, version.incrementAndGet())));
            }
        };

        Optional<CustomerRecord> found = reader.inTransaction(tenant, s -> s.customers().find(id));

        assertThat(version.get()).as("the version after 20 optimistic reads, each overtaken").isEqualTo(21);
        assertThat(locking.get()).as("statements that locked rows").isEqualTo(1);
        assertThat(found).contains(versioned(tenant, id, 21));

        locking.set(0);
        List<CustomerRecord> queried = reader.inTransaction(tenant, s -> s.customers()
                .query(CustomerQuery.all().withEmail("info@" + id + ".example"), PageRequest.first(10)).items());

        assertThat(version.get()).isEqualTo(41);
        assertThat(locking.get()).as("statements that locked rows").isEqualTo(1);
        assertThat(queried).containsExactly(versioned(tenant, id, 41));
        // The lock ended with the unit of work.
        writer.useTransaction(tenant, s -> s.customers().update(versioned(tenant, id, 42)));
    }

    @Test
    void aLockingQueryDropsACustomerThatNoLongerMatchesOnceItsWriterCommitted() throws Exception {
        DataSource database = migratedDatabase();
        JdbcStorage writer = JdbcStorage.create(database, dialect());
        CountingDataSource reading = new CountingDataSource(database);
        JdbcStorage reader = JdbcStorage.create(reading, dialect());
        String tenant = TestRecords.newTenant();
        UUID id = UUID.randomUUID();
        String email = "info@" + id + ".example";
        writer.useTransaction(tenant, s -> s.customers().insert(versioned(tenant, id, 1)));
        AtomicLong version = new AtomicLong(1);
        CountDownLatch updated = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        AtomicReference<Future<?>> lastWriter = new AtomicReference<>();
        reading.beforePrepare = sql -> {
            if (sql.endsWith(" FOR UPDATE")) {
                // A writer changes the e-mail address and holds the row while the locking read starts.
                CustomerRecord moved = withoutContactPoints(versioned(tenant, id, version.incrementAndGet()));
                lastWriter.set(executor.submit(() -> writer.useTransaction(tenant, s -> {
                    s.customers().update(moved);
                    updated.countDown();
                    sleep(300); // so that the locking read waits for this commit
                })));
                await(updated);
            } else if (lastWriter.get() == null && sql.contains("FROM crm_attribute")) {
                writer.useTransaction(tenant,
                        s -> s.customers().update(versioned(tenant, id, version.incrementAndGet())));
            }
        };
        try {
            List<CustomerRecord> queried = reader.inTransaction(tenant, s -> s.customers()
                    .query(CustomerQuery.all().withEmail(email), PageRequest.first(10)).items());

            lastWriter.get().get(20, TimeUnit.SECONDS);
            assertThat(queried).as("customers with the e-mail address " + email).isEmpty();
            Optional<CustomerRecord> stored = writer.inTransaction(tenant, s -> s.customers().find(id));
            assertThat(stored).contains(withoutContactPoints(versioned(tenant, id, 22)));
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * What the locking fallback of a read relies on: a {@code SELECT ... FOR UPDATE} at READ
     * COMMITTED that had to wait for a writer returns the version the writer committed.
     */
    @Test
    void aLockingReadThatWaitedForAWriterReturnsTheVersionItCommitted() throws Exception {
        DataSource database = migratedDatabase();
        String tenant = TestRecords.newTenant();
        UUID id = UUID.randomUUID();
        JdbcStorage.create(database, dialect()).useTransaction(tenant,
                s -> s.customers().insert(versioned(tenant, id, 1)));
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection writer = database.getConnection(); Connection reader = database.getConnection()) {
            for (Connection connection : List.of(writer, reader)) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            }
            try (PreparedStatement update = writer.prepareStatement(
                    "UPDATE crm_customer SET version = 2, name = 'v2' WHERE id = ?")) {
                update.setObject(1, id);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            Future<String> locked = executor.submit(() -> {
                try (PreparedStatement select = reader.prepareStatement(
                        "SELECT c.version, c.name FROM crm_customer c WHERE c.tenant_id = ? AND c.id = ? FOR UPDATE")) {
                    select.setString(1, tenant);
                    select.setObject(2, id);
                    try (ResultSet row = select.executeQuery()) {
                        assertThat(row.next()).isTrue();
                        return row.getLong(1) + " " + row.getString(2);
                    }
                } finally {
                    reader.rollback();
                }
            });
            Thread.sleep(200); // time for the reader to reach the lock and wait there
            assertThat(locked).as("a locking read while the writer holds the row").isNotDone();
            writer.commit();

            assertThat(locked.get(20, TimeUnit.SECONDS)).isEqualTo("2 v2");
        } finally {
            executor.shutdownNow();
        }
    }

    // --- connections and transactions ---------------------------------------------------------

    @Test
    void aFailedCommitRollsBackAndLeaksNoConnection() throws SQLException {
        CountingDataSource dataSource = new CountingDataSource(migratedDatabase());
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        String tenant = TestRecords.newTenant();
        CustomerRecord customer = TestRecords.customer(tenant);
        dataSource.failCommit = true;

        StorageException failure = catchThrowableOfType(StorageException.class,
                () -> storage.useTransaction(tenant, s -> s.customers().insert(customer)));

        assertThat(failure.sqlState()).contains("40001");
        assertThat(dataSource.open()).isZero();
        assertThat(dataSource.closedWithManualCommit()).isZero();
        dataSource.failCommit = false;
        Optional<CustomerRecord> found = storage.inTransaction(tenant, s -> s.customers().find(customer.id()));
        assertThat(found).isEmpty();
        assertThat(dataSource.open()).isZero();
    }

    @Test
    void aFailedRollbackKeepsTheWorksExceptionAndLeaksNoConnection() throws SQLException {
        CountingDataSource dataSource = new CountingDataSource(migratedDatabase());
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        IllegalStateException thrown = new IllegalStateException("work failed");
        dataSource.failRollback = true;

        Throwable failure = catchThrowableOfType(IllegalStateException.class,
                () -> storage.useTransaction("acme", s -> {
                    s.customers().count(CustomerQuery.all());
                    throw thrown;
                }));

        assertThat(failure).isSameAs(thrown);
        assertThat(failure.getSuppressed()).singleElement().isInstanceOf(SQLException.class);
        assertThat(dataSource.open()).isZero();
    }

    @Test
    void workThatThrowsIsRolledBackAndItsExceptionRethrownUnchanged() throws SQLException {
        CountingDataSource dataSource = new CountingDataSource(migratedDatabase());
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        String tenant = TestRecords.newTenant();
        CustomerRecord customer = TestRecords.customer(tenant);
        RuntimeException thrown = new RuntimeException("boom");

        Throwable failure = catchThrowableOfType(RuntimeException.class, () -> storage.useTransaction(tenant, s -> {
            s.customers().insert(customer);
            throw thrown;
        }));

        assertThat(failure).isSameAs(thrown);
        Optional<CustomerRecord> found = storage.inTransaction(tenant, s -> s.customers().find(customer.id()));
        assertThat(found).isEmpty();
        assertThat(dataSource.open()).isZero();
        assertThat(dataSource.closedWithManualCommit()).isZero();
    }

    @Test
    void manyUnitsOfWorkLeaveNoConnectionOpenAndRestoreAutoCommit() throws SQLException {
        CountingDataSource dataSource = new CountingDataSource(migratedDatabase());
        JdbcStorage storage = JdbcStorage.create(dataSource, dialect());
        String tenant = TestRecords.newTenant();

        for (int i = 0; i < 20; i++) {
            CustomerRecord customer = TestRecords.customer(tenant);
            storage.useTransaction(tenant, s -> s.customers().insert(customer));
            storage.useTransaction(tenant, s -> s.customers().update(customer.withVersion(2, Instant.now())));
            try {
                storage.useTransaction(tenant, s -> s.customers().update(customer.withVersion(2, Instant.now())));
            } catch (StaleWriteException expected) {
                // the stored version is 2 now
            }
        }

        assertThat(dataSource.open()).isZero();
        assertThat(dataSource.closedWithManualCommit()).isZero();
        long count = storage.inTransaction(tenant, s -> s.customers().count(CustomerQuery.all()));
        assertThat(count).isEqualTo(20);
    }

    @Test
    void aSessionCannotBeUsedAfterItsUnitOfWork() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());

        StorageSession escaped = storage.inTransaction("acme", s -> s);

        assertThatThrownBy(() -> escaped.customers().find(UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anInvalidTenantIsAValidationException() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());

        assertThatThrownBy(() -> storage.inTransaction("no spaces", s -> null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> storage.inTransaction(null, s -> null))
                .isInstanceOf(ValidationException.class);
    }

    // --- dialects -----------------------------------------------------------------------------

    @Test
    void detectsTheDialectFromTheDatabase() throws SQLException {
        DataSource dataSource = freshDatabase();

        assertThat(Dialect.detect(dataSource)).isEqualTo(dialect());
        assertThat(JdbcStorage.create(dataSource).dialect()).isEqualTo(dialect());
        assertThat(SchemaMigrator.create(dataSource).dialect()).isEqualTo(dialect());
    }

    @Test
    void refusesAnUnsupportedDatabaseProduct() {
        assertThat(Dialect.fromProductName("postgresql")).isEqualTo(Dialect.POSTGRESQL);
        assertThatThrownBy(() -> Dialect.fromProductName("Oracle"))
                .isInstanceOf(StorageException.class)
                .hasMessageContaining("Oracle");
    }

    // --- storage details that depend on the schema ----------------------------------------------

    @Test
    void keepsLargeUnicodeValues() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        String name = "名".repeat(2_000);
        String attribute = "😀ü".repeat(5_000);
        String summary = "通话记录 call notes ✓ ".repeat(6_000);
        CustomerRecord base = TestRecords.customer(tenant);
        CustomerRecord customer = new CustomerRecord(base.id(), tenant, 1, base.type(), name, base.organisation(),
                base.relationshipLevel(), base.lifecycleStage(), base.ownerId(), base.contactPoints(),
                base.postalAddresses(), List.of(new AttributeRecord("EXTERNAL", "essay", "TEXT", attribute)),
                base.consents(), base.ownerHistory(), base.createdAt(), base.updatedAt());
        TimelineEntryRecord entry = TestRecords.entry(tenant, customer.id(), TestRecords.T0, summary);

        storage.useTransaction(tenant, s -> {
            s.customers().insert(customer);
            s.timeline().append(entry);
        });

        assertThat(summary.length()).isGreaterThan(100_000);
        storage.useTransaction(tenant, s -> {
            assertThat(s.customers().find(customer.id())).contains(customer);
            assertThat(s.timeline().forCustomer(customer.id(), PageRequest.first(5)).items()).containsExactly(entry);
        });
    }

    @Test
    void pagesInUnsignedUuidOrder() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        List<UUID> ids = List.of(new UUID(0x0000_0000_0000_0001L, 5), new UUID(0x7fff_ffff_ffff_ffffL, -1),
                new UUID(0x8000_0000_0000_0000L, 0), new UUID(-1L, 1), new UUID(-1L, -1));
        List<CustomerRecord> customers = new ArrayList<>();
        for (UUID id : ids) {
            customers.add(TestRecords.customer(tenant, id));
        }
        Collections.reverse(customers);
        storage.useTransaction(tenant, s -> s.customers().insertAll(customers));

        List<UUID> read = new ArrayList<>();
        Optional<PageRequest> next = Optional.of(PageRequest.first(2));
        while (next.isPresent()) {
            PageRequest request = next.get();
            Page<CustomerRecord> page = storage.inTransaction(tenant,
                    s -> s.customers().query(CustomerQuery.all(), request));
            page.items().forEach(c -> read.add(c.id()));
            next = page.next();
        }

        assertThat(read).containsExactlyElementsOf(ids);
    }

    @Test
    void aContactPointCriterionMatchesOnlyItsKindAndValue() throws SQLException {
        JdbcStorage storage = JdbcStorage.create(migratedDatabase(), dialect());
        String tenant = TestRecords.newTenant();
        CustomerRecord customer = TestRecords.customer(tenant);
        String email = customer.contactPoints().get(2).value();
        storage.useTransaction(tenant, s -> s.customers().insert(customer));

        storage.useTransaction(tenant, s -> {
            assertThat(s.customers().count(CustomerQuery.all().withEmail(email))).isEqualTo(1);
            assertThat(s.customers().count(CustomerQuery.all().withPhone(email))).isZero();
            assertThat(s.customers().count(CustomerQuery.all().withEmail(email.toUpperCase(Locale.ROOT)))).isZero();
            assertThat(s.customers().count(CustomerQuery.all().withEmail(email).withPhone("+8613800000000")))
                    .isEqualTo(1);
        });
        long otherTenant = storage.inTransaction(TestRecords.newTenant(),
                s -> s.customers().count(CustomerQuery.all().withEmail(email)));
        assertThat(otherTenant).isZero();
    }

    // --- helpers ------------------------------------------------------------------------------

    private static Set<String> tables(DataSource dataSource) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            try (ResultSet rows = metaData.getTables(null, null, "%", null)) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    /** A customer whose name, attribute and update time are derived from its version. */
    private static CustomerRecord versioned(String tenant, UUID id, long version) {
        CustomerRecord base = TestRecords.customer(tenant, id);
        return new CustomerRecord(id, tenant, version, base.type(), "v" + version, base.organisation(),
                base.relationshipLevel(), base.lifecycleStage(), base.ownerId(), base.contactPoints(),
                base.postalAddresses(), List.of(new AttributeRecord("INTERNAL", "version", "NUMBER",
                        String.valueOf(version))), base.consents(), base.ownerHistory(), base.createdAt(),
                TestRecords.T0.plusSeconds(version));
    }

    private static CustomerRecord withoutContactPoints(CustomerRecord r) {
        return new CustomerRecord(r.id(), r.tenant(), r.version(), r.type(), r.name(), r.organisation(),
                r.relationshipLevel(), r.lifecycleStage(), r.ownerId(), List.of(), r.postalAddresses(),
                r.attributes(), r.consents(), r.ownerHistory(), r.createdAt(), r.updatedAt());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private static long single(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
