package org.crmkit.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.RecordStore;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.StoredRecord;
import org.crmkit.spi.storage.TenantMismatchException;
import org.crmkit.tck.storage.samples.KnownSamples;
import org.crmkit.tck.storage.samples.Sample;
import org.crmkit.tck.storage.samples.TckSampleRecord;
import org.crmkit.tck.storage.samples.TckSamples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The contract of the generic record store ({@link org.crmkit.spi.storage.StorageSession#records}) that
 * every {@link CrmStorage} implementation must pass, for every record kind the kit knows
 * ({@link KnownSamples}): round trips, finding by every key, queries, keyset paging in unsigned id
 * order, counts, optimistic locking, version rules, tenant confinement, ids unique across tenants and
 * kinds, all-or-nothing batches, rollback, reads that never pair a record with another version's keys,
 * and a seeded random model-based test.
 *
 * <p>Use it as {@link StorageContract}: extend it in the adapter's test sources and return the
 * storage under test from {@link #storage()}, which may be the same instance, on a database that need
 * not be empty, for every test: every test works in fresh random tenants with fresh random ids.
 *
 * <p>One test runs a writer and a reader at once: the storage must allow at least two concurrent
 * units of work. Every wait is bounded.
 *
 * <p>Tests that run once per sample are dynamic tests named after the sample's kind and its index
 * among the samples, for example {@code tck_sample #1}; tests that need many records run once per
 * kind, with its first sample, and are named after the kind.
 *
 * @since 0.1
 */
public abstract class RecordStoreContract {

    private static final long[] MODEL_SEEDS = {20261123L, 7L, -3_141_592_653L};
    private static final int MODEL_STEPS = 60;
    private static final int MANY = 13;
    private static final int CONCURRENT_VERSIONS = 150;
    private static final long CONCURRENT_WRITE_SECONDS = 1;

    /**
     * A second kind of the kit's sample class under another name, to check that ids are unique
     * across kinds and that a kind sees none of another kind's records.
     */
    private static final RecordKind<TckSampleRecord> TWIN_KIND = RecordKind.of("tck_sample_twin",
            TckSampleRecord.class, List.of("status"), r -> List.of(new IndexKey("status", r.status())));

    private String tenant;
    private String otherTenant;

    /**
     * The storage under test. May return the same instance for every call and every test.
     *
     * @return the storage; never null
     */
    protected abstract CrmStorage storage();

    @BeforeEach
    void useFreshTenants() {
        tenant = Records.newTenant();
        otherTenant = Records.newTenant();
    }

    // ---------------------------------------------------------------- round trips and finding

    @TestFactory
    Stream<DynamicTest> everySampleRoundTripsEqual() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R record = sample.record();
                storage().useTransaction(t, session -> {
                    session.records(sample.kind()).insert(record);
                    assertThat(session.records(sample.kind()).find(record.id())).as("inside the unit of work")
                            .contains(record);
                });

                assertThat(find(t, sample.kind(), record.id())).contains(record);
                assertThat(queryAll(t, sample.kind(), RecordQuery.all(), 10)).containsExactly(record);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everySampleIsFoundByEachOfItsKeys() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R record = sample.record();
                insert(t, sample.kind(), List.of(record));

                for (IndexKey key : sample.kind().keysOf(record)) {
                    RecordQuery query = RecordQuery.all().where(key.name(), key.value());
                    assertThat(queryAll(t, sample.kind(), query, 10)).as("query by %s", key).containsExactly(record);
                    assertThat(count(t, sample.kind(), query)).as("count by %s", key).isEqualTo(1);
                }
            }
        });
    }

    @Test
    void findReturnsEmptyForAnUnknownIdAndAnEmptyTenantHasNoRecords() {
        assertThat(find(tenant, TckSampleRecord.KIND, Records.newId())).isEmpty();
        assertThat(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all(), 10)).isEmpty();
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all())).isZero();
    }

    @Test
    void aUnitOfWorkFindsAndQueriesItsOwnWritesBeforeItCommits() {
        TckSampleRecord record = TckSamples.full(tenant);
        storage().useTransaction(tenant, session -> {
            RecordStore<TckSampleRecord> store = session.records(TckSampleRecord.KIND);
            store.insert(record);
            store.update(record.withVersion(2));
            assertThat(store.find(record.id())).contains(record.withVersion(2));
            assertThat(store.query(RecordQuery.all().where("status", record.status()), PageRequest.first(5)).items())
                    .containsExactly(record.withVersion(2));
            assertThat(store.count(RecordQuery.all().where("tag", "alpha"))).isEqualTo(1);
        });
    }

    // ---------------------------------------------------------------- queries

    @TestFactory
    Stream<DynamicTest> criteriaAreCombinedWithAnd() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R record = sample.record();
                R twin = SampleRecords.with(record, Map.of("id", Records.newId()));
                insert(t, sample.kind(), List.of(record, twin));
                List<IndexKey> keys = sample.kind().keysOf(record);
                RecordQuery everyKey = RecordQuery.all();
                for (IndexKey key : keys) {
                    everyKey = everyKey.where(key.name(), key.value());
                }

                assertThat(queryAll(t, sample.kind(), everyKey, 1)).containsExactlyElementsOf(sortedById(List.of(record, twin)));
                assertThat(count(t, sample.kind(), everyKey)).isEqualTo(2);
                if (!keys.isEmpty()) {
                    IndexKey first = keys.get(0);
                    RecordQuery contradicting = everyKey.where(first.name(), first.value() + "-no-such-value");
                    assertThat(queryAll(t, sample.kind(), contradicting, 5)).isEmpty();
                    assertThat(count(t, sample.kind(), contradicting)).isZero();
                }
            }
        });
    }

    @Test
    void queryWithSeveralCriteriaMatchesOnlyTheRecordsThatHaveThemAll() {
        TckSampleRecord openAlpha = withStatusAndTags(TckSamples.full(tenant), "OPEN", List.of("alpha", "beta"));
        TckSampleRecord openGamma = withStatusAndTags(TckSamples.full(tenant), "OPEN", List.of("gamma"));
        TckSampleRecord closedAlpha = withStatusAndTags(TckSamples.full(tenant), "CLOSED", List.of("alpha"));
        TckSampleRecord untagged = withStatusAndTags(TckSamples.minimal(tenant), "OPEN", List.of());
        insert(tenant, TckSampleRecord.KIND, List.of(openAlpha, openGamma, closedAlpha, untagged));

        assertThat(ids(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", "OPEN")
                .where("tag", "alpha"), 2))).containsExactly(openAlpha.id());
        assertThat(ids(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("tag", "alpha")
                .where("tag", "beta"), 2))).containsExactly(openAlpha.id());
        assertThat(ids(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("tag", "alpha"), 1)))
                .containsExactlyElementsOf(ids(sortedById(List.of(openAlpha, closedAlpha))));
        assertThat(ids(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", "OPEN"), 2)))
                .containsExactlyElementsOf(ids(sortedById(List.of(openAlpha, openGamma, untagged))));
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", "CLOSED")
                .where("tag", "gamma"))).isZero();
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", "open"))).as("case-sensitive")
                .isZero();
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all())).isEqualTo(4);
    }

    @Test
    void aQueryByAKeyTheKindDoesNotDeclareIsRefused() {
        RecordQuery undeclared = RecordQuery.all().where("noSuchKey", "x");

        assertThatThrownBy(() -> storage().inTransaction(tenant,
                session -> session.records(TckSampleRecord.KIND).query(undeclared, PageRequest.first(5))))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> storage().inTransaction(tenant,
                session -> session.records(TckSampleRecord.KIND).count(undeclared)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> storage().inTransaction(tenant, session -> session.records(TWIN_KIND)
                .count(RecordQuery.all().where("tag", "alpha"))))
                .as("a key of another kind of the same class").isInstanceOf(ValidationException.class);
    }

    // ---------------------------------------------------------------- paging and count

    @TestFactory
    Stream<DynamicTest> manyRecordsPageInUnsignedIdOrderWithCursors() {
        return forEveryKind(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                List<R> records = Records.mixedSignIds(MANY).stream()
                        .map(id -> SampleRecords.with(sample.record(), Map.of("id", (Object) id))).toList();
                insert(t, sample.kind(), records);
                List<R> sorted = sortedById(records);

                for (int size : new int[] {1, 5, MANY, MANY + 1}) {
                    assertThat(queryAll(t, sample.kind(), RecordQuery.all(), size)).as("read in pages of %d", size)
                            .containsExactlyElementsOf(sorted);
                }
                List<R> acrossUnits = Pages.readAll(page -> storage().inTransaction(t,
                        session -> session.records(sample.kind()).query(RecordQuery.all(), page)), 4, MANY);
                assertThat(acrossUnits).as("a cursor stays valid in a later unit of work").containsExactlyElementsOf(sorted);
                List<IndexKey> keys = sample.kind().keysOf(sample.record());
                if (!keys.isEmpty()) {
                    RecordQuery byKey = RecordQuery.all().where(keys.get(0).name(), keys.get(0).value());
                    assertThat(queryAll(t, sample.kind(), byKey, 6)).containsExactlyElementsOf(sorted);
                }
            }
        });
    }

    @Test
    void pagingComparesBothHalvesOfIdsAsUnsignedNumbers() {
        long high = new SplittableRandom().nextLong() & 0x0FFF_FFFF_FFFF_FFFFL;
        List<UUID> ids = List.of(
                new UUID(high | Long.MIN_VALUE, 5),
                new UUID(high, -1L),
                new UUID(high, Long.MIN_VALUE),
                new UUID(high, Long.MAX_VALUE),
                new UUID(high, 1),
                new UUID(high | 0x4000_0000_0000_0000L, 0),
                new UUID(high | Long.MIN_VALUE, -5));
        TckSampleRecord template = TckSamples.minimal(tenant);
        insert(tenant, TckSampleRecord.KIND, ids.stream()
                .map(id -> SampleRecords.with(template, Map.of("id", (Object) id))).toList());

        List<UUID> expected = List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(5), ids.get(0), ids.get(6));
        for (int size : new int[] {1, 2, 3, 7, 8}) {
            assertThat(ids(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all(), size)))
                    .as("ids read in pages of %d", size).containsExactlyElementsOf(expected);
        }
    }

    @TestFactory
    Stream<DynamicTest> countCountsTheMatchingRecordsOfTheKindInTheTenant() {
        return forEveryKind(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                String other = Records.newTenant();
                List<R> records = IntStream.range(0, 3)
                        .mapToObj(i -> SampleRecords.with(sample.record(), Map.of("id", (Object) Records.newId())))
                        .toList();
                insert(t, sample.kind(), records);
                insert(other, sample.kind(), List.of(SampleRecords.with(sample.record(),
                        Map.of("id", Records.newId(), "tenant", other))));

                assertThat(count(t, sample.kind(), RecordQuery.all())).isEqualTo(3);
                assertThat(count(other, sample.kind(), RecordQuery.all())).isEqualTo(1);
                for (IndexKey key : sample.kind().keysOf(sample.record())) {
                    assertThat(count(t, sample.kind(), RecordQuery.all().where(key.name(), key.value())))
                            .as("count by %s", key).isEqualTo(3);
                }
            }
        });
    }

    // ---------------------------------------------------------------- versions and optimistic locking

    @TestFactory
    Stream<DynamicTest> updateStoresTheNextVersionAndRefusesStaleOnes() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R first = sample.record();
                insert(t, sample.kind(), List.of(first));
                R second = SampleRecords.withVersion(first, 2);
                update(t, sample.kind(), second);
                assertThat(find(t, sample.kind(), first.id())).contains(second);

                StaleWriteException stale = (StaleWriteException) catchThrowable(() -> update(t, sample.kind(), second));
                assertThat(stale).as("an update based on version 1 again").isInstanceOf(StaleWriteException.class);
                assertThat(stale.id()).isEqualTo(first.id());
                assertThat(stale.expectedVersion()).isEqualTo(1);
                assertThat(stale.actualVersion()).isEqualTo(2);
                assertThatThrownBy(() -> update(t, sample.kind(), SampleRecords.withVersion(first, 4)))
                        .as("an update that skips a version").isInstanceOf(StaleWriteException.class);

                assertThat(find(t, sample.kind(), first.id())).as("nothing written").contains(second);
                for (IndexKey key : sample.kind().keysOf(second)) {
                    assertThat(count(t, sample.kind(), RecordQuery.all().where(key.name(), key.value())))
                            .as("found once by %s after the update", key).isEqualTo(1);
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> updateOfAnAbsentRecordIsRefusedAsStale() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R absent = SampleRecords.withVersion(sample.record(), 2);

                StaleWriteException stale = (StaleWriteException) catchThrowable(() -> update(t, sample.kind(), absent));

                assertThat(stale).isInstanceOf(StaleWriteException.class);
                assertThat(stale.actualVersion()).isZero();
                assertThat(find(t, sample.kind(), absent.id())).isEmpty();
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> insertNeedsVersionOneAndUpdateAtLeastTwo() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R atTwo = SampleRecords.withVersion(sample.record(), 2);
                assertThatThrownBy(() -> insert(t, sample.kind(), List.of(atTwo)))
                        .isInstanceOf(ValidationException.class).isNotInstanceOf(StaleWriteException.class);
                assertThat(count(t, sample.kind(), RecordQuery.all())).isZero();

                insert(t, sample.kind(), List.of(sample.record()));
                assertThatThrownBy(() -> update(t, sample.kind(), sample.record()))
                        .isInstanceOf(ValidationException.class).isNotInstanceOf(StaleWriteException.class);
                assertThat(find(t, sample.kind(), sample.record().id())).contains(sample.record());
            }
        });
    }

    @Test
    void anUpdateReplacesTheKeysSoOldKeysNoLongerFindTheRecord() {
        TckSampleRecord record = withStatusAndTags(TckSamples.full(tenant), "OPEN", List.of("alpha", "beta"));
        insert(tenant, TckSampleRecord.KIND, List.of(record));

        TckSampleRecord changed = record.withStatusAndTags("WON", List.of("beta", "gamma"));
        update(tenant, TckSampleRecord.KIND, changed);

        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", "OPEN"))).isZero();
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all().where("tag", "alpha"))).isZero();
        assertThat(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", "WON"), 5))
                .containsExactly(changed);
        assertThat(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("tag", "beta"), 5))
                .containsExactly(changed);
        assertThat(queryAll(tenant, TckSampleRecord.KIND, RecordQuery.all().where("tag", "gamma"), 5))
                .containsExactly(changed);

        TckSampleRecord untagged = changed.withStatusAndTags("WON", List.of());
        update(tenant, TckSampleRecord.KIND, untagged);
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all().where("tag", "beta"))).isZero();
        assertThat(find(tenant, TckSampleRecord.KIND, record.id())).contains(untagged);
    }

    // ---------------------------------------------------------------- tenants, kinds and ids

    @TestFactory
    Stream<DynamicTest> aSessionIsConfinedToItsTenantBothWays() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                String other = Records.newTenant();
                R ofOther = SampleRecords.with(sample.record(), Map.of("tenant", other));

                assertThatThrownBy(() -> insert(t, sample.kind(), List.of(ofOther)))
                        .isInstanceOf(TenantMismatchException.class);
                assertThatThrownBy(() -> update(t, sample.kind(), SampleRecords.withVersion(ofOther, 2)))
                        .isInstanceOf(TenantMismatchException.class);
                assertThat(count(t, sample.kind(), RecordQuery.all())).isZero();
                assertThat(count(other, sample.kind(), RecordQuery.all())).isZero();

                insert(other, sample.kind(), List.of(ofOther));
                assertThat(find(t, sample.kind(), ofOther.id())).as("another tenant's id is invisible").isEmpty();
                assertThat(queryAll(t, sample.kind(), RecordQuery.all(), 5)).isEmpty();
                for (IndexKey key : sample.kind().keysOf(ofOther)) {
                    assertThat(count(t, sample.kind(), RecordQuery.all().where(key.name(), key.value()))).isZero();
                }
                R sameIdHere = SampleRecords.withVersion(sample.record(), 2);
                assertThatThrownBy(() -> update(t, sample.kind(), sameIdHere))
                        .as("updating another tenant's id behaves as if it were absent")
                        .isInstanceOf(StaleWriteException.class);
                assertThat(find(other, sample.kind(), ofOther.id())).contains(ofOther);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> anIdIsUniqueAcrossTenantsAndKinds() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                String other = Records.newTenant();
                R record = sample.record();
                insert(t, sample.kind(), List.of(record));

                DuplicateRecordException duplicate = (DuplicateRecordException) catchThrowable(
                        () -> insert(other, sample.kind(), List.of(SampleRecords.with(record, Map.of("tenant", other)))));
                assertThat(duplicate).as("the same id in another tenant").isInstanceOf(DuplicateRecordException.class);
                assertThat(duplicate.id()).isEqualTo(record.id());
                assertThatThrownBy(() -> insert(t, sample.kind(), List.of(record)))
                        .as("the same id again").isInstanceOf(DuplicateRecordException.class);
                TckSampleRecord ofTwinKind = SampleRecords.with(TckSamples.minimal(t), Map.of("id", record.id()));
                assertThatThrownBy(() -> insert(t, TWIN_KIND, List.of(ofTwinKind)))
                        .as("the same id in another kind").isInstanceOf(DuplicateRecordException.class);

                assertThat(find(t, TWIN_KIND, record.id())).as("another kind's id is invisible").isEmpty();
                assertThatThrownBy(() -> update(t, TWIN_KIND, ofTwinKind.withVersion(2)))
                        .as("updating another kind's id behaves as if it were absent")
                        .isInstanceOf(StaleWriteException.class);
                assertThat(count(other, sample.kind(), RecordQuery.all())).isZero();
                assertThat(find(t, sample.kind(), record.id())).contains(record);
            }
        });
    }

    @Test
    void aKindSeesNoneOfTheRecordsOfAnother() {
        TckSampleRecord ofTwin = TckSamples.full(tenant);
        insert(tenant, TWIN_KIND, List.of(ofTwin));

        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all())).isZero();
        assertThat(count(tenant, TckSampleRecord.KIND, RecordQuery.all().where("status", ofTwin.status()))).isZero();
        assertThat(find(tenant, TckSampleRecord.KIND, ofTwin.id())).isEmpty();
        assertThat(queryAll(tenant, TWIN_KIND, RecordQuery.all().where("status", ofTwin.status()), 5))
                .containsExactly(ofTwin);
    }

    // ---------------------------------------------------------------- units of work

    @TestFactory
    Stream<DynamicTest> aFailedInsertAllWritesNothingAndTheSessionStaysUsable() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R existing = sample.record();
                insert(t, sample.kind(), List.of(existing));
                List<R> batch = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    batch.add(SampleRecords.with(existing, Map.of("id", Records.newId())));
                }
                batch.add(existing);
                R afterwards = SampleRecords.with(existing, Map.of("id", Records.newId()));

                storage().useTransaction(t, session -> {
                    RecordStore<R> store = session.records(sample.kind());
                    assertThatThrownBy(() -> store.insertAll(batch)).isInstanceOf(DuplicateRecordException.class);
                    assertThat(store.count(RecordQuery.all())).as("inside the unit of work").isEqualTo(1);
                    List<R> invalid = List.of(SampleRecords.with(existing, Map.of("id", Records.newId())),
                            SampleRecords.with(existing, Map.of("id", Records.newId(), "version", 2L)));
                    assertThatThrownBy(() -> store.insertAll(invalid)).isInstanceOf(ValidationException.class);
                    store.insert(afterwards);
                });

                assertThat(queryAll(t, sample.kind(), RecordQuery.all(), 10))
                        .containsExactlyElementsOf(sortedById(List.of(existing, afterwards)));
                List<R> good = List.of(SampleRecords.with(existing, Map.of("id", Records.newId())),
                        SampleRecords.with(existing, Map.of("id", Records.newId())));
                insert(t, sample.kind(), good);
                assertThat(count(t, sample.kind(), RecordQuery.all())).isEqualTo(4);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aRolledBackUnitOfWorkLeavesNothingBehind() {
        return forEverySample(new SampleTest() {
            @Override
            <R extends StoredRecord> void run(String t, Sample<R> sample) {
                R existing = sample.record();
                insert(t, sample.kind(), List.of(existing));
                R fresh = SampleRecords.with(existing, Map.of("id", Records.newId()));
                IllegalStateException failure = new IllegalStateException("work failed");

                Throwable thrown = catchThrowable(() -> storage().useTransaction(t, session -> {
                    RecordStore<R> store = session.records(sample.kind());
                    store.insert(fresh);
                    store.update(SampleRecords.withVersion(existing, 2));
                    throw failure;
                }));

                assertThat(thrown).isSameAs(failure);
                assertThat(find(t, sample.kind(), fresh.id())).isEmpty();
                assertThat(find(t, sample.kind(), existing.id())).contains(existing);
                assertThat(count(t, sample.kind(), RecordQuery.all())).isEqualTo(1);
                update(t, sample.kind(), SampleRecords.withVersion(existing, 2));
                insert(t, sample.kind(), List.of(fresh));
                assertThat(count(t, sample.kind(), RecordQuery.all())).isEqualTo(2);
            }
        });
    }

    @Test
    @Timeout(120)
    void aConcurrentReaderSeesEveryRecordWithTheKeysOfTheVersionItRead() throws Exception {
        TckSampleRecord first = withStatusAndTags(TckSamples.minimal(tenant), "ODD", List.of("odd"));
        insert(tenant, TckSampleRecord.KIND, List.of(first));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            Future<TckSampleRecord> writer = executor.submit(() -> {
                try {
                    TckSampleRecord current = first;
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(CONCURRENT_WRITE_SECONDS);
                    for (int n = 0; n < CONCURRENT_VERSIONS && System.nanoTime() < until; n++) {
                        boolean even = (current.version() + 1) % 2 == 0;
                        TckSampleRecord next = current.withStatusAndTags(even ? "EVEN" : "ODD",
                                List.of(even ? "even" : "odd"));
                        update(tenant, TckSampleRecord.KIND, next);
                        current = next;
                    }
                    return current;
                } finally {
                    writing.set(false);
                }
            });
            Future<Integer> reader = executor.submit(() -> {
                int reads = 0;
                while (writing.get() || reads == 0) {
                    for (String parity : List.of("even", "odd")) {
                        List<TckSampleRecord> found = storage().inTransaction(tenant, session -> session
                                .records(TckSampleRecord.KIND)
                                .query(RecordQuery.all().where("tag", parity), PageRequest.first(5)).items());
                        for (TckSampleRecord read : found) {
                            assertThat(read.tags()).as("tags of version %d found by tag %s", read.version(), parity)
                                    .containsExactly(parity);
                            assertThat(read.version() % 2 == 0).as("version %d found by tag %s", read.version(), parity)
                                    .isEqualTo(parity.equals("even"));
                        }
                    }
                    reads++;
                }
                return reads;
            });
            TckSampleRecord last = writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
            assertThat(find(tenant, TckSampleRecord.KIND, first.id())).contains(last);
        } finally {
            executor.shutdownNow();
            executor.awaitTermination(20, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- model-based

    @TestFactory
    Stream<DynamicTest> randomOperationSequencesMatchAReferenceModel() {
        return LongStream.of(MODEL_SEEDS).mapToObj(seed -> dynamicTest("seed " + seed, () -> {
            try {
                new Model(seed).run(MODEL_STEPS);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("model-based record store test failed with seed " + seed + ": " + e, e);
            }
        }));
    }

    /**
     * A seeded random sequence of inserts, updates, stale updates, duplicates, finds, queries and
     * counts over every known kind, in units of work of which some are rolled back, checked step by
     * step against a map of what must be stored.
     */
    private final class Model {
        private final SplittableRandom random;
        private final String t = Records.newTenant();
        private final List<Sample<?>> templates = KnownSamples.all(t);
        private Map<UUID, Sample<?>> committed = new LinkedHashMap<>();

        Model(long seed) {
            this.random = new SplittableRandom(seed);
        }

        void run(int steps) {
            int done = 0;
            while (done < steps) {
                int length = 1 + random.nextInt(8);
                boolean rollBack = random.nextInt(4) == 0;
                Map<UUID, Sample<?>> working = new LinkedHashMap<>(committed);
                RuntimeException rollback = new IllegalStateException("rolled back on purpose");
                Throwable thrown = catchThrowable(() -> storage().useTransaction(t, session -> {
                    for (int i = 0; i < length; i++) {
                        step(session, working);
                    }
                    if (rollBack) {
                        throw rollback;
                    }
                }));
                if (rollBack) {
                    assertThat(thrown).isSameAs(rollback);
                } else if (thrown != null) {
                    throw new AssertionError(thrown);
                } else {
                    committed = working;
                }
                done += length;
                checkEverything();
            }
        }

        private void step(StorageSession session, Map<UUID, Sample<?>> working) {
            int action = random.nextInt(10);
            if (working.isEmpty() || action < 3) {
                insertNew(session, working, templates.get(random.nextInt(templates.size())));
            } else {
                Sample<?> existing = pick(working);
                switch (action) {
                    case 3, 4 -> updateNext(session, working, existing);
                    case 5 -> staleUpdate(session, existing);
                    case 6 -> duplicateInsert(session, existing);
                    case 7 -> assertThat(find(session, existing)).isEqualTo(existing.record());
                    default -> checkQuery(session, working, existing);
                }
            }
        }

        private <R extends StoredRecord> void insertNew(StorageSession session,
                Map<UUID, Sample<?>> working, Sample<R> template) {
            R record = SampleRecords.with(template.record(), Map.of("id", Records.newId()));
            if (record instanceof TckSampleRecord sample) {
                record = template.kind().cast(withStatusAndTags(sample, randomStatus(), randomTags()));
            }
            session.records(template.kind()).insert(record);
            working.put(record.id(), Sample.of(template.kind(), record));
        }

        private <R extends StoredRecord> void updateNext(StorageSession session,
                Map<UUID, Sample<?>> working, Sample<R> existing) {
            R next = existing.record() instanceof TckSampleRecord sample
                    ? existing.kind().cast(sample.withStatusAndTags(randomStatus(), randomTags()))
                    : SampleRecords.withVersion(existing.record(), existing.record().version() + 1);
            session.records(existing.kind()).update(next);
            working.put(next.id(), Sample.of(existing.kind(), next));
        }

        private <R extends StoredRecord> void staleUpdate(StorageSession session,
                Sample<R> existing) {
            long version = existing.record().version();
            long wrong = version >= 2 && random.nextBoolean() ? version : version + 2;
            R stale = SampleRecords.withVersion(existing.record(), wrong);
            assertThatThrownBy(() -> session.records(existing.kind()).update(stale))
                    .isInstanceOf(StaleWriteException.class);
        }

        private <R extends StoredRecord> void duplicateInsert(StorageSession session,
                Sample<R> existing) {
            R again = SampleRecords.withVersion(existing.record(), 1);
            assertThatThrownBy(() -> session.records(existing.kind()).insert(again))
                    .isInstanceOf(DuplicateRecordException.class);
        }

        private <R extends StoredRecord> R find(StorageSession session, Sample<R> existing) {
            return session.records(existing.kind()).find(existing.record().id()).orElse(null);
        }

        private <R extends StoredRecord> void checkQuery(StorageSession session,
                Map<UUID, Sample<?>> working, Sample<R> existing) {
            RecordQuery query = RecordQuery.all();
            for (IndexKey key : existing.kind().keysOf(existing.record())) {
                if (random.nextInt(3) == 0) {
                    query = query.where(key.name(), key.value());
                }
            }
            List<R> expected = expected(working, existing.kind(), query);
            RecordQuery asked = query;
            int pageSize = 1 + random.nextInt(5);
            List<R> actual = Pages.readAll(page -> session.records(existing.kind()).query(asked, page), pageSize,
                    expected.size());
            assertThat(actual).as("query %s of kind %s in pages of %d", query, existing.kind().name(), pageSize)
                    .containsExactlyElementsOf(expected);
            assertThat(session.records(existing.kind()).count(query)).isEqualTo(expected.size());
        }

        private void checkEverything() {
            storage().useTransaction(t, session -> {
                Map<RecordKind<?>, Integer> perKind = new HashMap<>();
                for (Sample<?> sample : committed.values()) {
                    assertThat((Object) find(session, sample)).isEqualTo(sample.record());
                    perKind.merge(sample.kind(), 1, Integer::sum);
                }
                for (Sample<?> template : templates) {
                    assertThat(session.records(template.kind()).count(RecordQuery.all()))
                            .as("count of kind %s", template.kind().name())
                            .isEqualTo((long) perKind.getOrDefault(template.kind(), 0));
                }
            });
        }

        private Sample<?> pick(Map<UUID, Sample<?>> working) {
            List<Sample<?>> all = new ArrayList<>(working.values());
            return all.get(random.nextInt(all.size()));
        }

        private String randomStatus() {
            return List.of("NEW", "OPEN", "WON").get(random.nextInt(3));
        }

        private List<String> randomTags() {
            List<String> tags = new ArrayList<>();
            for (String tag : List.of("x", "y", "z")) {
                if (random.nextBoolean()) {
                    tags.add(tag);
                }
            }
            return tags;
        }
    }

    private static <R extends StoredRecord> List<R> expected(Map<UUID, Sample<?>> working, RecordKind<R> kind,
            RecordQuery query) {
        List<R> matching = new ArrayList<>();
        for (Sample<?> sample : working.values()) {
            if (sample.kind().equals(kind)) {
                R record = kind.cast(sample.record());
                if (kind.keysOf(record).containsAll(query.criteria())) {
                    matching.add(record);
                }
            }
        }
        return sortedById(matching);
    }

    // ---------------------------------------------------------------- helpers

    /** A test run once per known sample; generic so that the sample's kind and record types agree. */
    private abstract static class SampleTest {
        abstract <R extends StoredRecord> void run(String tenant, Sample<R> sample);
    }

    /**
     * One dynamic test per known sample, each in a fresh tenant with freshly made samples, named
     * after the sample's kind and index.
     */
    private Stream<DynamicTest> forEverySample(SampleTest test) {
        List<Sample<?>> names = KnownSamples.all(Records.newTenant());
        assertThat(names).as("known samples").isNotEmpty();
        return IntStream.range(0, names.size()).mapToObj(i -> dynamicTest(names.get(i).kind().name() + " #" + i, () -> {
            String t = Records.newTenant();
            test.run(t, KnownSamples.all(t).get(i));
        }));
    }

    /** As {@link #forEverySample}, for the first sample of each kind only: for tests that need many records. */
    private Stream<DynamicTest> forEveryKind(SampleTest test) {
        List<Sample<?>> names = KnownSamples.all(Records.newTenant());
        Set<String> kinds = new HashSet<>();
        return IntStream.range(0, names.size()).filter(i -> kinds.add(names.get(i).kind().name()))
                .mapToObj(i -> dynamicTest(names.get(i).kind().name(), () -> {
                    String t = Records.newTenant();
                    test.run(t, KnownSamples.all(t).get(i));
                }));
    }

    private static TckSampleRecord withStatusAndTags(TckSampleRecord record, String status, List<String> tags) {
        return SampleRecords.with(record, Map.of("status", status, "tags", tags));
    }

    private <R extends StoredRecord> void insert(String t, RecordKind<R> kind, List<R> records) {
        storage().useTransaction(t, session -> {
            if (records.size() == 1) {
                session.records(kind).insert(records.get(0));
            } else {
                session.records(kind).insertAll(records);
            }
        });
    }

    private <R extends StoredRecord> void update(String t, RecordKind<R> kind, R record) {
        storage().useTransaction(t, session -> session.records(kind).update(record));
    }

    private <R extends StoredRecord> Optional<R> find(String t, RecordKind<R> kind, UUID id) {
        return storage().inTransaction(t, session -> session.records(kind).find(id));
    }

    private <R extends StoredRecord> long count(String t, RecordKind<R> kind, RecordQuery query) {
        return storage().inTransaction(t, session -> session.records(kind).count(query));
    }

    /** Reads every page of a query in one unit of work and checks the total against its count. */
    private <R extends StoredRecord> List<R> queryAll(String t, RecordKind<R> kind, RecordQuery query, int pageSize) {
        return storage().inTransaction(t, session -> {
            RecordStore<R> store = session.records(kind);
            long matching = store.count(query);
            List<R> all = Pages.readAll(page -> store.query(query, page), pageSize, (int) matching + 100);
            assertThat(all).as("query %s read in pages of %d, against its count", query, pageSize)
                    .hasSize((int) matching);
            return all;
        });
    }

    private static <R extends StoredRecord> List<R> sortedById(List<R> records) {
        List<R> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(StoredRecord::id, Records.unsignedUuidOrder()));
        return sorted;
    }

    private static List<UUID> ids(List<? extends StoredRecord> records) {
        return records.stream().map(StoredRecord::id).toList();
    }
}
