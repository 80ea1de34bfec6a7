package org.crmkit.tck.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.tck.storage.Records.BASE_TIME;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.AttributeRecord;
import org.crmkit.spi.storage.ConsentRecord;
import org.crmkit.spi.storage.ContactPointRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.OrganisationRecord;
import org.crmkit.spi.storage.OwnershipRecord;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.PostalAddressRecord;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TenantMismatchException;
import org.crmkit.spi.storage.TimelineEntryRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link CrmStorage} implementation must pass: round trips of every field,
 * paging, queries, optimistic locking, transactions (including batches that fail as a whole),
 * tenant isolation, concurrent writers, and reads that never mix two versions of a customer.
 *
 * <p>A vendor uses it by extending it in the adapter's own test sources and returning the storage
 * under test:
 * <pre>{@code
 * class AcmeStorageTest extends StorageContract {
 *     private static final CrmStorage STORAGE = AcmeStorage.create(testDataSource());
 *
 *     @Override
 *     protected CrmStorage storage() {
 *         return STORAGE;
 *     }
 * }
 * }</pre>
 * and adding {@code org.crmkit:crm-tck} and JUnit Jupiter (API and engine) to the test class path.
 *
 * <p>{@link #storage()} may return the same instance for every test, for example one database
 * for the whole class, and that database need not be empty: every test works in fresh random
 * tenants and with fresh random ids, so tests never see each other's data, and the contract can
 * run again against a database it already ran against. The contract never deletes anything.
 *
 * <p>Some tests run units of work on several threads at once; the storage must allow at least two
 * concurrent units of work (for a connection pool: at least two connections). Every wait is
 * bounded, so a storage that blocks fails instead of hanging.
 *
 * @since 0.1
 */
public abstract class StorageContract {

    private static final long[] MODEL_SEEDS = {20240517L, 7L, 982_451_653L, -42L};
    private static final int MODEL_STEPS = 150;
    private static final long WAIT_SECONDS = 20;
    /** How many versions the writer of {@link #readsNeverMixTwoVersionsOfACustomer()} writes at most. */
    private static final long MIXED_READS_VERSIONS = 200;
    /** How long that writer writes at most, so that a slow store keeps the test short. */
    private static final long MIXED_READS_WRITE_SECONDS = 5;

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

    // ---------------------------------------------------------------- round trips

    @Test
    void roundTripsEveryFieldOfAFullyPopulatedOrganisation() {
        CustomerRecord customer = Records.customer(tenant);
        assertThat(customer.organisation()).isNotNull();

        insert(tenant, customer);

        assertRoundTrip(customer);
    }

    @Test
    void roundTripsAPersonWithoutOrganisationAndWithNullOptionalFields() {
        CustomerRecord person = Records.person(tenant);
        assertThat(person.organisation()).isNull();

        insert(tenant, person);

        assertRoundTrip(person);
    }

    @Test
    void roundTripsOrganisationDetailsWhoseOptionalFieldsAreNull() {
        CustomerRecord customer = Records.aCustomer(tenant)
                .organisation(new OrganisationRecord("Only The Legal Name Ltd", null, null, null, null))
                .build();

        insert(tenant, customer);

        assertRoundTrip(customer);
    }

    @Test
    void roundTripsACustomerWhoseListsAreAllEmpty() {
        CustomerRecord customer = Records.minimalCustomer(tenant);

        insert(tenant, customer);

        assertRoundTrip(customer);
    }

    @Test
    void roundTripsUnicodeTextInEveryScriptUnchanged() {
        CustomerRecord customer = Records.unicodeCustomer(tenant);

        insert(tenant, customer);

        CustomerRecord found = find(tenant, customer.id()).orElseThrow();
        assertSameText(found.name(), customer.name(), "name");
        assertThat(found.contactPoints()).containsExactlyElementsOf(customer.contactPoints());
        assertThat(found.postalAddresses()).containsExactlyElementsOf(customer.postalAddresses());
        assertThat(found.attributes()).containsExactlyElementsOf(customer.attributes());
        assertRoundTrip(customer);
    }

    @Test
    void roundTripsLargeValuesUnchanged() {
        CustomerRecord customer = Records.largeCustomer(tenant);
        assertThat(customer.name()).hasSize(Records.LARGE_NAME_LENGTH);

        insert(tenant, customer);

        CustomerRecord found = find(tenant, customer.id()).orElseThrow();
        assertSameText(found.name(), customer.name(), "name");
        assertThat(found.attributes()).hasSameSizeAs(customer.attributes());
        for (int i = 0; i < customer.attributes().size(); i++) {
            assertThat(customer.attributes().get(i).value()).hasSize(Records.LARGE_ATTRIBUTE_LENGTH);
            assertSameText(found.attributes().get(i).value(), customer.attributes().get(i).value(),
                    "attributes[" + i + "].value");
        }
        assertThat(found).isEqualTo(customer);
    }

    @Test
    void roundTripsInstantsAtMicrosecondPrecisionIncludingBeforeTheEpochAndFarAhead() {
        Instant beforeEpoch = Instant.parse("1969-12-31T23:59:59.999999Z");
        Instant farAhead = Instant.parse("2199-12-31T23:59:59.999999Z");
        Instant dstChange = Instant.parse("2024-03-31T01:30:00.000001Z");
        CustomerRecord customer = Records.aCustomer(tenant)
                .createdAt(beforeEpoch)
                .updatedAt(Instant.parse("2024-05-17T08:30:15.123456789Z"))
                .consents(List.of(new ConsentRecord("EMAIL", "SERVICE", "GRANTED", dstChange, "form")))
                .ownerHistory(List.of(
                        new OwnershipRecord("s-1", beforeEpoch, dstChange, "m-1", null),
                        new OwnershipRecord("s-2", dstChange, farAhead, "m-1", null)))
                .build();
        assertThat(customer.updatedAt()).isEqualTo(Instant.parse("2024-05-17T08:30:15.123456Z"));

        insert(tenant, customer);

        CustomerRecord found = find(tenant, customer.id()).orElseThrow();
        assertThat(found.createdAt()).isEqualTo(beforeEpoch);
        assertThat(found.updatedAt()).isEqualTo(customer.updatedAt());
        assertThat(found.ownerHistory()).extracting(OwnershipRecord::until).containsExactly(dstChange, farAhead);
        assertThat(found).isEqualTo(customer);
    }

    @Test
    void findReturnsEmptyForAnUnknownId() {
        insert(tenant, Records.customer(tenant));

        assertThat(find(tenant, Records.newId())).isEmpty();
    }

    @Test
    void queryReturnsExactlyWhatFindReturnsForEveryCustomer() {
        List<CustomerRecord> customers = List.of(Records.customer(tenant), Records.person(tenant),
                Records.minimalCustomer(tenant), Records.unicodeCustomer(tenant),
                Records.aCustomer(tenant).contactPoints(List.of()).build());
        insert(tenant, customers.toArray(CustomerRecord[]::new));

        List<CustomerRecord> queried = queryAll(tenant, CustomerQuery.all(), 2);

        assertThat(queried).containsExactlyElementsOf(sortedById(customers));
        for (CustomerRecord customer : queried) {
            assertThat(find(tenant, customer.id())).contains(customer);
        }
    }

    // ---------------------------------------------------------------- timeline

    @Test
    void roundTripsEveryFieldOfTimelineEntries() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        TimelineEntryRecord full = Records.timelineEntry(tenant, customer.id(), BASE_TIME);
        TimelineEntryRecord minimal = Records.minimalTimelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(1));
        TimelineEntryRecord large = Records.largeTimelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(2));
        assertThat(large.summary()).hasSizeGreaterThanOrEqualTo(100_000);

        storage().useTransaction(tenant, session -> {
            session.timeline().append(full);
            session.timeline().append(minimal);
            session.timeline().append(large);
        });

        List<TimelineEntryRecord> timeline = timelineOf(tenant, customer.id());
        assertThat(timeline).hasSize(3);
        assertThat(timeline.get(0)).isEqualTo(full);
        assertThat(timeline.get(1)).isEqualTo(minimal);
        assertSameText(timeline.get(2).summary(), large.summary(), "summary");
        assertThat(timeline.get(2)).isEqualTo(large);
    }

    @Test
    void timelineIsOrderedByOccurrenceThenByUnsignedId() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        List<UUID> ids = Records.mixedSignIds(12);
        List<TimelineEntryRecord> entries = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            // Three instants, one of them a microsecond after another, so that most entries tie.
            Instant at = BASE_TIME.plus(i % 3 == 2 ? 1 : 0, ChronoUnit.MICROS).plusSeconds(i % 3 == 0 ? -60 : 0);
            entries.add(Records.timelineEntry(ids.get(i), tenant, customer.id(), at));
        }
        Collections.shuffle(entries, new Random(1));

        storage().useTransaction(tenant, session -> entries.forEach(session.timeline()::append));

        assertThat(timelineOf(tenant, customer.id())).containsExactlyElementsOf(sortedTimeline(entries));
    }

    @Test
    void appendAllStoresEveryEntry() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        List<TimelineEntryRecord> entries = IntStream.range(0, 20)
                .mapToObj(i -> Records.timelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(37L * i % 11)))
                .collect(Collectors.toList());

        storage().useTransaction(tenant, session -> session.timeline().appendAll(entries));

        assertThat(timelineOf(tenant, customer.id())).containsExactlyElementsOf(sortedTimeline(entries));
    }

    @Test
    void timelinePagesConcatenateToTheWholeTimelineInOrder() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        List<UUID> ids = Records.mixedSignIds(23);
        List<TimelineEntryRecord> entries = IntStream.range(0, ids.size())
                .mapToObj(i -> Records.timelineEntry(ids.get(i), tenant, customer.id(), BASE_TIME.plusSeconds(i % 4)))
                .collect(Collectors.toList());
        storage().useTransaction(tenant, session -> session.timeline().appendAll(entries));

        for (int size : new int[] {1, 5, 23, 24, PageRequest.MAX_SIZE}) {
            List<TimelineEntryRecord> read = storage().inTransaction(tenant, session -> Pages.readAll(
                    page -> session.timeline().forCustomer(customer.id(), page), size, entries.size()));
            assertThat(read).as("timeline read in pages of %d", size).containsExactlyElementsOf(sortedTimeline(entries));
        }
    }

    @Test
    void timelineHoldsOnlyTheEntriesOfTheCustomerAsked() {
        CustomerRecord first = insert(tenant, Records.customer(tenant));
        CustomerRecord second = insert(tenant, Records.customer(tenant));
        CustomerRecord withoutEntries = insert(tenant, Records.customer(tenant));
        TimelineEntryRecord ofFirst = Records.timelineEntry(tenant, first.id(), BASE_TIME);
        TimelineEntryRecord ofSecond = Records.timelineEntry(tenant, second.id(), BASE_TIME);
        storage().useTransaction(tenant, session -> session.timeline().appendAll(List.of(ofFirst, ofSecond)));

        assertThat(timelineOf(tenant, first.id())).containsExactly(ofFirst);
        assertThat(timelineOf(tenant, second.id())).containsExactly(ofSecond);
        assertThat(timelineOf(tenant, withoutEntries.id())).isEmpty();
        assertThat(timelineOf(tenant, Records.newId())).isEmpty();
    }

    @Test
    void appendingATimelineEntryWithAnExistingIdIsRefused() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        TimelineEntryRecord entry = Records.timelineEntry(tenant, customer.id(), BASE_TIME);
        storage().useTransaction(tenant, session -> session.timeline().append(entry));
        TimelineEntryRecord sameId = Records.timelineEntry(entry.id(), tenant, customer.id(), BASE_TIME.plusSeconds(5));

        assertThatThrownBy(() -> storage().useTransaction(tenant, session -> session.timeline().append(sameId)))
                .isInstanceOf(DuplicateRecordException.class);

        assertThat(timelineOf(tenant, customer.id())).containsExactly(entry);
    }

    @Test
    void appendingATimelineEntryForACustomerThatDoesNotExistIsRefused() {
        UUID missing = Records.newId();
        TimelineEntryRecord orphan = Records.timelineEntry(tenant, missing, BASE_TIME);

        assertThatThrownBy(() -> storage().useTransaction(tenant, session -> session.timeline().append(orphan)))
                .isInstanceOf(StorageException.class);

        assertThat(timelineOf(tenant, missing)).isEmpty();
    }

    @Test
    void aTimelineEntryMayFollowItsCustomerInTheSameUnitOfWork() {
        CustomerRecord customer = Records.customer(tenant);
        TimelineEntryRecord entry = Records.timelineEntry(tenant, customer.id(), BASE_TIME);

        storage().useTransaction(tenant, session -> {
            session.customers().insert(customer);
            session.timeline().append(entry);
        });

        assertThat(timelineOf(tenant, customer.id())).containsExactly(entry);
    }

    @Test
    void aCursorTheStoreDidNotIssueIsRefusedNamingTheCursor() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        PageRequest forged = new PageRequest(10, "not a cursor of this store %%");

        assertThatThrownBy(() -> storage().inTransaction(tenant,
                session -> session.customers().query(CustomerQuery.all(), forged)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("after");
        assertThatThrownBy(() -> storage().inTransaction(tenant,
                session -> session.timeline().forCustomer(customer.id(), forged)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("after");
    }

    // ---------------------------------------------------------------- batches

    @Test
    void insertAllStoresEveryCustomer() {
        List<CustomerRecord> customers = IntStream.range(0, 40)
                .mapToObj(i -> i % 3 == 0 ? Records.person(tenant) : Records.customer(tenant))
                .collect(Collectors.toList());

        storage().useTransaction(tenant, session -> session.customers().insertAll(customers));

        assertThat(queryAll(tenant, CustomerQuery.all(), 15)).containsExactlyElementsOf(sortedById(customers));
        for (CustomerRecord customer : customers) {
            assertThat(find(tenant, customer.id())).contains(customer);
        }
    }

    @Test
    void aDuplicateWithinInsertAllRollsBackTheWholeBatch() {
        CustomerRecord first = Records.customer(tenant);
        CustomerRecord second = Records.customer(tenant);
        CustomerRecord firstAgain = Records.from(Records.person(tenant)).id(first.id()).build();

        assertThatThrownBy(() -> storage().useTransaction(tenant,
                session -> session.customers().insertAll(List.of(first, second, firstAgain))))
                .isInstanceOf(DuplicateRecordException.class);

        assertThat(find(tenant, first.id())).isEmpty();
        assertThat(find(tenant, second.id())).isEmpty();
        assertThat(count(tenant, CustomerQuery.all())).isZero();
    }

    /**
     * A store method that throws has written nothing (see {@link CrmStorage}), batches included:
     * work that catches the failure of {@code insertAll} and goes on commits none of that batch.
     */
    @Test
    void aFailedInsertAllWritesNothingEvenIfTheWorkGoesOn() {
        CustomerRecord existing = insert(tenant, Records.customer(tenant));
        CustomerRecord beforeDuplicate = Records.customer(tenant);
        CustomerRecord duplicate = Records.from(Records.person(tenant)).id(existing.id()).build();
        CustomerRecord beforeForeign = Records.customer(tenant);
        CustomerRecord foreign = Records.customer(otherTenant);
        CustomerRecord beforeRepeat = Records.person(tenant);
        CustomerRecord repeated = Records.from(Records.customer(tenant)).id(beforeRepeat.id()).build();
        CustomerRecord afterwards = Records.customer(tenant);
        List<CustomerRecord> refused = List.of(beforeDuplicate, beforeForeign, beforeRepeat);

        storage().useTransaction(tenant, session -> {
            CustomerStore customers = session.customers();
            assertThatThrownBy(() -> customers.insertAll(List.of(beforeDuplicate, duplicate)))
                    .as("a batch ending with an id stored before").isInstanceOf(DuplicateRecordException.class);
            assertThatThrownBy(() -> customers.insertAll(List.of(beforeForeign, foreign)))
                    .as("a batch ending with a customer of another tenant").isInstanceOf(TenantMismatchException.class);
            assertThatThrownBy(() -> customers.insertAll(List.of(beforeRepeat, repeated)))
                    .as("a batch naming one id twice").isInstanceOf(DuplicateRecordException.class);
            for (CustomerRecord record : refused) {
                assertThat(customers.find(record.id())).as("inside the unit of work, " + record.id()).isEmpty();
            }
            assertThat(customers.count(CustomerQuery.all())).as("inside the unit of work").isEqualTo(1);
            customers.insert(afterwards);
        });

        assertThat(queryAll(tenant, CustomerQuery.all(), 10)).containsExactlyElementsOf(
                sortedById(List.of(existing, afterwards)));
        assertThat(find(otherTenant, foreign.id())).isEmpty();
        // Nothing of the refused batches reserved their ids.
        storage().useTransaction(tenant, session -> session.customers().insertAll(refused));
        assertThat(count(tenant, CustomerQuery.all())).isEqualTo(5);
    }

    /** The same as {@link #aFailedInsertAllWritesNothingEvenIfTheWorkGoesOn()} for {@code appendAll}. */
    @Test
    void aFailedBatchAppendWritesNothingEvenIfTheWorkGoesOn() {
        CustomerRecord customer = insert(tenant, Records.customer(tenant));
        TimelineEntryRecord stored = Records.timelineEntry(tenant, customer.id(), BASE_TIME);
        storage().useTransaction(tenant, session -> session.timeline().append(stored));
        TimelineEntryRecord first = Records.timelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(1));
        TimelineEntryRecord orphan = Records.timelineEntry(tenant, Records.newId(), BASE_TIME.plusSeconds(2));
        TimelineEntryRecord last = Records.timelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(3));
        TimelineEntryRecord beforeDuplicate = Records.timelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(4));
        TimelineEntryRecord duplicate =
                Records.timelineEntry(stored.id(), tenant, customer.id(), BASE_TIME.plusSeconds(5));
        TimelineEntryRecord beforeForeign = Records.timelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(6));
        TimelineEntryRecord foreign = Records.timelineEntry(otherTenant, customer.id(), BASE_TIME.plusSeconds(7));
        TimelineEntryRecord afterwards = Records.timelineEntry(tenant, customer.id(), BASE_TIME.plusSeconds(8));

        storage().useTransaction(tenant, session -> {
            assertThatThrownBy(() -> session.timeline().appendAll(List.of(first, orphan, last)))
                    .as("a batch with an entry of a customer that does not exist")
                    .isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> session.timeline().appendAll(List.of(beforeDuplicate, duplicate)))
                    .as("a batch ending with an entry id stored before").isInstanceOf(DuplicateRecordException.class);
            assertThatThrownBy(() -> session.timeline().appendAll(List.of(beforeForeign, foreign)))
                    .as("a batch ending with an entry of another tenant").isInstanceOf(TenantMismatchException.class);
            assertThat(session.timeline().forCustomer(customer.id(), PageRequest.first(20)).items())
                    .as("inside the unit of work").containsExactly(stored);
            session.timeline().append(afterwards);
        });

        assertThat(timelineOf(tenant, customer.id())).containsExactly(stored, afterwards);
        // Nothing of the refused batches reserved their ids.
        storage().useTransaction(tenant, session -> session.timeline().appendAll(
                List.of(first, last, beforeDuplicate, beforeForeign)));
        assertThat(timelineOf(tenant, customer.id()))
                .containsExactly(stored, first, last, beforeDuplicate, beforeForeign, afterwards);
    }

    // ---------------------------------------------------------------- paging and count

    @Test
    void customerPagesConcatenateToAllCustomersInUnsignedIdOrderWithoutDuplicates() {
        List<CustomerRecord> customers = Records.mixedSignIds(25).stream()
                .map(id -> Records.aCustomer(tenant).id(id).build())
                .collect(Collectors.toList());
        insert(tenant, customers.toArray(CustomerRecord[]::new));

        List<CustomerRecord> read = queryAll(tenant, CustomerQuery.all(), 7);

        assertThat(read).hasSize(25).doesNotHaveDuplicates();
        assertThat(read).extracting(CustomerRecord::id).isSortedAccordingTo(Records.unsignedUuidOrder());
        assertThat(read).containsExactlyElementsOf(sortedById(customers));
    }

    @Test
    void pagingComparesBothHalvesOfIdsAsUnsignedNumbers() {
        long high = new Random().nextLong() & 0x0FFF_FFFF_FFFF_FFFFL;
        // Ids that signed comparison of either half would order differently.
        List<UUID> ids = List.of(
                new UUID(high | Long.MIN_VALUE, 5),
                new UUID(high, -1L),
                new UUID(high, Long.MIN_VALUE),
                new UUID(high, Long.MAX_VALUE),
                new UUID(high, 1),
                new UUID(high | 0x4000_0000_0000_0000L, 0),
                new UUID(high | Long.MIN_VALUE, -5));
        insert(tenant, ids.stream().map(id -> Records.aCustomer(tenant).id(id).build()).toArray(CustomerRecord[]::new));

        List<UUID> expected = List.of(ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(5), ids.get(0), ids.get(6));
        for (int size : new int[] {1, 2, 3, 7, 8}) {
            assertThat(queryAll(tenant, CustomerQuery.all(), size)).as("ids read in pages of %d", size)
                    .extracting(CustomerRecord::id).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aCursorStaysValidInALaterUnitOfWork() {
        List<CustomerRecord> customers = IntStream.range(0, 9).mapToObj(i -> Records.customer(tenant))
                .collect(Collectors.toList());
        insert(tenant, customers.toArray(CustomerRecord[]::new));

        List<CustomerRecord> read = Pages.readAll(page -> storage().inTransaction(tenant,
                session -> session.customers().query(CustomerQuery.all(), page)), 4, customers.size());

        assertThat(read).containsExactlyElementsOf(sortedById(customers));
    }

    @Test
    void pagingIsByKeySoCustomersInsertedBetweenPagesNeitherRepeatNorHideOthers() {
        List<CustomerRecord> customers = IntStream.range(0, 10).mapToObj(i -> Records.customer(tenant))
                .collect(Collectors.toList());
        insert(tenant, customers.toArray(CustomerRecord[]::new));
        List<CustomerRecord> sorted = sortedById(customers);

        Page<CustomerRecord> firstPage = storage().inTransaction(tenant,
                session -> session.customers().query(CustomerQuery.all(), PageRequest.first(4)));
        assertThat(firstPage.items()).containsExactlyElementsOf(sorted.subList(0, 4));
        assertThat(firstPage.next()).isPresent();
        // Two ids below every id read so far (an offset-based store would repeat two customers)
        // and one above every id (which the following pages must show).
        CustomerRecord lowest = Records.aCustomer(tenant).id(new UUID(0, Records.newId().getLeastSignificantBits())).build();
        CustomerRecord alsoLow = Records.aCustomer(tenant).id(new UUID(1, Records.newId().getLeastSignificantBits())).build();
        CustomerRecord highest = Records.aCustomer(tenant).id(new UUID(-1L, Records.newId().getLeastSignificantBits())).build();
        insert(tenant, lowest, alsoLow, highest);

        List<CustomerRecord> afterCursor = new ArrayList<>();
        Optional<PageRequest> next = firstPage.next();
        for (int n = 0; n < 10 && next.isPresent(); n++) {
            PageRequest request = next.get();
            Page<CustomerRecord> page = storage().inTransaction(tenant,
                    session -> session.customers().query(CustomerQuery.all(), request));
            afterCursor.addAll(page.items());
            next = page.next();
        }

        assertThat(next).as("paging ended").isEmpty();
        assertThat(afterCursor).containsExactlyElementsOf(concat(sorted.subList(4, sorted.size()), List.of(highest)));
    }

    @Test
    void everyPageSizeFromOneToTheMaximumIsServed() {
        List<CustomerRecord> customers = IntStream.range(0, 5).mapToObj(i -> Records.customer(tenant))
                .collect(Collectors.toList());
        insert(tenant, customers.toArray(CustomerRecord[]::new));

        for (int size : new int[] {1, 4, 5, 6, PageRequest.MAX_SIZE}) {
            assertThat(queryAll(tenant, CustomerQuery.all(), size)).as("read in pages of %d", size)
                    .containsExactlyElementsOf(sortedById(customers));
        }
        Page<CustomerRecord> single = storage().inTransaction(tenant,
                session -> session.customers().query(CustomerQuery.all(), PageRequest.first(PageRequest.MAX_SIZE)));
        assertThat(single.items()).hasSize(5);
    }

    @Test
    void anEmptyTenantHasNoCustomers() {
        assertThat(queryAll(tenant, CustomerQuery.all(), 10)).isEmpty();
        assertThat(count(tenant, CustomerQuery.all())).isZero();
    }

    @Test
    void countCountsTheMatchingCustomersOfTheTenant() {
        insert(tenant, Records.aCustomer(tenant).ownerId("s-1").build(), Records.aCustomer(tenant).ownerId("s-1").build(),
                Records.aCustomer(tenant).ownerId("s-2").build());
        insert(otherTenant, Records.aCustomer(otherTenant).ownerId("s-1").build());

        assertThat(count(tenant, CustomerQuery.all())).isEqualTo(3);
        assertThat(count(tenant, CustomerQuery.all().withOwner("s-1"))).isEqualTo(2);
        assertThat(count(tenant, CustomerQuery.all().withOwner("s-9"))).isZero();
        assertThat(count(otherTenant, CustomerQuery.all())).isEqualTo(1);
    }

    // ---------------------------------------------------------------- query criteria

    @Test
    void queryByOwnerMatchesTheCurrentOwnerOnly() {
        CustomerRecord owned = Records.aCustomer(tenant).ownerId("s-1").build();
        CustomerRecord formerlyOwned = Records.aCustomer(tenant).ownerId("s-2").ownerHistory(List.of(
                new OwnershipRecord("s-1", BASE_TIME.minusSeconds(99), BASE_TIME.minusSeconds(9), "m-1", null),
                new OwnershipRecord("s-2", BASE_TIME.minusSeconds(9), null, "m-1", null))).build();
        insert(tenant, owned, formerlyOwned, Records.aCustomer(tenant).ownerId("s-10").build());

        assertThat(ids(queryAll(tenant, CustomerQuery.all().withOwner("s-1"), 10))).containsExactly(owned.id());
        assertThat(ids(queryAll(tenant, CustomerQuery.all().withOwner("s-2"), 10))).containsExactly(formerlyOwned.id());
        assertThat(queryAll(tenant, CustomerQuery.all().withOwner("S-1"), 10)).isEmpty();
    }

    @Test
    void queryByTypeMatchesThatTypeOnly() {
        CustomerRecord b2b = Records.aCustomer(tenant).type("B2B").build();
        CustomerRecord b2c = Records.aCustomer(tenant).type("B2C").build();
        CustomerRecord dealer = Records.aCustomer(tenant).type("DEALER").build();
        insert(tenant, b2b, b2c, dealer);

        assertThat(ids(queryAll(tenant, CustomerQuery.all().withType("B2C"), 10))).containsExactly(b2c.id());
        assertThat(ids(queryAll(tenant, CustomerQuery.all().withType("DEALER"), 10))).containsExactly(dealer.id());
        assertThat(queryAll(tenant, CustomerQuery.all().withType("B2"), 10)).isEmpty();
    }

    @Test
    void queryByLifecycleStageMatchesThatStageOnly() {
        CustomerRecord exploring = Records.aCustomer(tenant).lifecycleStage("EXPLORATION").build();
        CustomerRecord active = Records.aCustomer(tenant).lifecycleStage("ACTIVE").build();
        CustomerRecord alsoActive = Records.aCustomer(tenant).lifecycleStage("ACTIVE").build();
        insert(tenant, exploring, active, alsoActive);

        assertThat(ids(queryAll(tenant, CustomerQuery.all().withLifecycleStage("ACTIVE"), 10)))
                .containsExactlyElementsOf(ids(sortedById(List.of(active, alsoActive))));
        assertThat(ids(queryAll(tenant, CustomerQuery.all().withLifecycleStage("EXPLORATION"), 10)))
                .containsExactly(exploring.id());
    }

    @Test
    void queryByUpdatedSinceIncludesTheInstantItself() {
        Instant since = BASE_TIME;
        CustomerRecord before = Records.aCustomer(tenant).updatedAt(since.minus(1, ChronoUnit.MICROS)).build();
        CustomerRecord exactly = Records.aCustomer(tenant).updatedAt(since).build();
        CustomerRecord after = Records.aCustomer(tenant).updatedAt(since.plus(1, ChronoUnit.MICROS)).build();
        CustomerRecord muchLater = Records.aCustomer(tenant).updatedAt(since.plus(400, ChronoUnit.DAYS)).build();
        insert(tenant, before, exactly, after, muchLater);

        assertThat(ids(queryAll(tenant, CustomerQuery.all().withUpdatedSince(since), 10)))
                .containsExactlyElementsOf(ids(sortedById(List.of(exactly, after, muchLater))));
        assertThat(count(tenant, CustomerQuery.all().withUpdatedSince(since.plus(1, ChronoUnit.MICROS)))).isEqualTo(2);
        assertThat(count(tenant, CustomerQuery.all().withUpdatedSince(since.minusSeconds(1)))).isEqualTo(4);
    }

    @Test
    void queryByEmailMatchesAnyEmailContactPointWithExactlyThatValue() {
        CustomerRecord primary = withContacts(email("bob@example.com", true), phone("+15550001", false));
        CustomerRecord secondary = withContacts(email("other@example.com", true), email("bob@example.com", false));
        CustomerRecord twice = withContacts(email("bob@example.com", true), email("bob@example.com", false));
        CustomerRecord upperCase = withContacts(email("Bob@example.com", true));
        CustomerRecord prefix = withContacts(email("bob@example.co", true), email("xbob@example.com", false));
        CustomerRecord asPhone = withContacts(phone("bob@example.com", true));
        insert(tenant, primary, secondary, twice, upperCase, prefix, asPhone);

        CustomerQuery query = CustomerQuery.all().withEmail("bob@example.com");

        assertThat(ids(queryAll(tenant, query, 10)))
                .containsExactlyElementsOf(ids(sortedById(List.of(primary, secondary, twice))));
        assertThat(count(tenant, query)).isEqualTo(3);
        assertThat(ids(queryAll(tenant, CustomerQuery.all().withEmail("Bob@example.com"), 10)))
                .containsExactly(upperCase.id());
    }

    @Test
    void queryByPhoneMatchesAnyPhoneContactPointWithExactlyThatValue() {
        CustomerRecord first = withContacts(phone("+8613800138000", true));
        CustomerRecord second = withContacts(email("x@example.com", true), phone("+4930000", true),
                phone("+8613800138000", false));
        CustomerRecord twice = withContacts(phone("+8613800138000", true), phone("+8613800138000", false));
        CustomerRecord asEmail = withContacts(email("+8613800138000", true));
        CustomerRecord longer = withContacts(phone("+86138001380001", true));
        insert(tenant, first, second, twice, asEmail, longer);

        CustomerQuery query = CustomerQuery.all().withPhone("+8613800138000");

        assertThat(ids(queryAll(tenant, query, 2))).containsExactlyElementsOf(ids(sortedById(List.of(first, second, twice))));
        assertThat(count(tenant, query)).isEqualTo(3);
    }

    @Test
    void queryByOrganisationMatchesTheStrippedLowerCasedLegalNameExactly() {
        CustomerRecord acme = withLegalName("ACME GmbH");
        CustomerRecord padded = withLegalName("  Acme GMBH\t\u2003");
        CustomerRecord longer = withLegalName("Acme GmbH & Co. KG");
        CustomerRecord accented = withLegalName("ÉCOLE Öffentlich İnc");
        CustomerRecord person = Records.person(tenant);
        insert(tenant, acme, padded, longer, accented, person);

        CustomerQuery query = CustomerQuery.all().withOrganisation("acme gmbh");

        assertThat(ids(queryAll(tenant, query, 1))).containsExactlyElementsOf(ids(sortedById(List.of(acme, padded))));
        assertThat(count(tenant, query)).isEqualTo(2);
        String accentedKey = "ÉCOLE Öffentlich İnc".toLowerCase(java.util.Locale.ROOT);
        assertThat(ids(queryAll(tenant, CustomerQuery.all().withOrganisation(accentedKey), 5)))
                .containsExactly(accented.id());
        assertThat(count(tenant, CustomerQuery.all().withOrganisation("acme"))).isZero();
        assertThat(count(otherTenant, query)).isZero();
    }

    @Test
    void queryByOrganisationFollowsTheCurrentVersionAndCombinesWithOtherCriteria() {
        CustomerRecord original = Records.aCustomer(tenant).ownerId("s-1")
                .organisation(new OrganisationRecord("Old Name Ltd", null, null, null, null)).build();
        CustomerRecord sameNameOtherOwner = Records.from(original).id(Records.newId()).ownerId("s-2")
                .organisation(new OrganisationRecord("New Name Ltd", null, null, null, null)).build();
        insert(tenant, original, sameNameOtherOwner);
        CustomerRecord renamed = Records.from(original).version(2)
                .organisation(new OrganisationRecord("New Name Ltd", null, null, null, null)).build();
        update(tenant, renamed);

        assertThat(count(tenant, CustomerQuery.all().withOrganisation("old name ltd"))).isZero();
        assertThat(ids(queryAll(tenant, CustomerQuery.all().withOrganisation("new name ltd"), 5)))
                .containsExactlyElementsOf(ids(sortedById(List.of(renamed, sameNameOtherOwner))));
        assertThat(queryAll(tenant, CustomerQuery.all().withOrganisation("new name ltd").withOwner("s-1"), 5))
                .containsExactly(renamed);
    }

    @Test
    void anOrganisationCriterionThatIsBlankOrNotNormalisedIsRefused() {
        assertThatThrownBy(() -> CustomerQuery.all().withOrganisation(" ")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CustomerQuery.all().withOrganisation("Acme")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> CustomerQuery.all().withOrganisation(" acme")).isInstanceOf(ValidationException.class);
        assertThat(CustomerQuery.organisationKey(" ACME GmbH\n")).isEqualTo("acme gmbh");
    }

    @Test
    void criteriaAreCombinedWithAnd() {
        Instant since = BASE_TIME;
        CustomerRecord all = Records.aCustomer(tenant).ownerId("s-1").type("B2B").lifecycleStage("ACTIVE")
                .updatedAt(since).contactPoints(List.of(email("a@x.example", true), phone("+1555", true))).build();
        CustomerRecord otherOwner = Records.from(all).id(Records.newId()).ownerId("s-2").build();
        CustomerRecord otherType = Records.from(all).id(Records.newId()).type("B2C").build();
        CustomerRecord otherStage = Records.from(all).id(Records.newId()).lifecycleStage("DORMANT").build();
        CustomerRecord older = Records.from(all).id(Records.newId()).updatedAt(since.minusSeconds(1)).build();
        CustomerRecord otherEmail = Records.from(all).id(Records.newId())
                .contactPoints(List.of(email("b@x.example", true), phone("+1555", true))).build();
        CustomerRecord otherPhone = Records.from(all).id(Records.newId())
                .contactPoints(List.of(email("a@x.example", true), phone("+1666", true))).build();
        List<CustomerRecord> customers = List.of(all, otherOwner, otherType, otherStage, older, otherEmail, otherPhone);
        insert(tenant, customers.toArray(CustomerRecord[]::new));

        CustomerQuery everything = CustomerQuery.all().withOwner("s-1").withType("B2B").withLifecycleStage("ACTIVE")
                .withUpdatedSince(since).withEmail("a@x.example").withPhone("+1555");
        assertThat(ids(queryAll(tenant, everything, 10))).containsExactly(all.id());
        assertThat(count(tenant, everything)).isEqualTo(1);

        CustomerQuery ownerAndType = CustomerQuery.all().withOwner("s-1").withType("B2B");
        assertThat(ids(queryAll(tenant, ownerAndType, 10)))
                .containsExactlyElementsOf(ids(sortedById(List.of(all, otherStage, older, otherEmail, otherPhone))));

        CustomerQuery emailAndPhone = CustomerQuery.all().withEmail("a@x.example").withPhone("+1555");
        assertThat(count(tenant, emailAndPhone)).isEqualTo(5);

        CustomerQuery emailOfOneAndOwnerOfAnother = CustomerQuery.all().withEmail("b@x.example").withOwner("s-2");
        assertThat(queryAll(tenant, emailOfOneAndOwnerOfAnother, 10)).isEmpty();
        assertThat(count(tenant, emailOfOneAndOwnerOfAnother)).isZero();
    }

    @Test
    void queryMatchesTheCurrentVersionOnly() {
        CustomerRecord original = Records.aCustomer(tenant).ownerId("s-1").lifecycleStage("ACTIVE")
                .contactPoints(List.of(email("old@x.example", true), phone("+1555", true))).build();
        insert(tenant, original);
        CustomerRecord changed = Records.from(original).version(2).ownerId("s-2").lifecycleStage("DORMANT")
                .contactPoints(List.of(email("new@x.example", true))).updatedAt(BASE_TIME.plusSeconds(60)).build();
        update(tenant, changed);

        assertThat(count(tenant, CustomerQuery.all().withOwner("s-1"))).isZero();
        assertThat(count(tenant, CustomerQuery.all().withLifecycleStage("ACTIVE"))).isZero();
        assertThat(count(tenant, CustomerQuery.all().withEmail("old@x.example"))).isZero();
        assertThat(count(tenant, CustomerQuery.all().withPhone("+1555"))).isZero();
        assertThat(queryAll(tenant, CustomerQuery.all().withEmail("new@x.example").withOwner("s-2"), 10))
                .containsExactly(changed);
        assertThat(queryAll(tenant, CustomerQuery.all().withUpdatedSince(BASE_TIME.plusSeconds(1)), 10))
                .containsExactly(changed);
    }

    // ---------------------------------------------------------------- optimistic locking

    @Test
    void updateStoresTheNextVersion() {
        CustomerRecord original = insert(tenant, Records.customer(tenant));
        CustomerRecord second = Records.from(Records.nextVersion(original)).name("Acme Renamed").build();

        update(tenant, second);
        CustomerRecord third = Records.from(Records.nextVersion(second)).lifecycleStage("ACTIVE").build();
        update(tenant, third);

        assertThat(find(tenant, original.id())).contains(third);
    }

    @Test
    void updateFromAStaleVersionIsRefusedAndLeavesTheRecordUnchanged() {
        CustomerRecord original = insert(tenant, Records.customer(tenant));
        CustomerRecord current = Records.from(Records.nextVersion(original)).name("Winner").build();
        update(tenant, current);
        CustomerRecord basedOnStaleRead = Records.from(Records.nextVersion(original)).name("Loser").build();

        assertThatThrownBy(() -> update(tenant, basedOnStaleRead))
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.id()).isEqualTo(original.id());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });

        assertThat(find(tenant, original.id())).contains(current);
    }

    @Test
    void updateThatSkipsAVersionIsRefused() {
        CustomerRecord original = insert(tenant, Records.customer(tenant));
        CustomerRecord skipping = Records.from(original).version(3).name("Skipper").build();

        assertThatThrownBy(() -> update(tenant, skipping))
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.id()).isEqualTo(original.id());
                    assertThat(e.expectedVersion()).isEqualTo(2);
                    assertThat(e.actualVersion()).isEqualTo(1);
                });

        assertThat(find(tenant, original.id())).contains(original);
    }

    @Test
    void updateOfAnAbsentCustomerIsRefusedAsStaleWithActualVersionZero() {
        CustomerRecord neverStored = Records.from(Records.customer(tenant)).version(2).build();

        assertThatThrownBy(() -> update(tenant, neverStored))
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.id()).isEqualTo(neverStored.id());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isZero();
                });

        assertThat(find(tenant, neverStored.id())).isEmpty();
    }

    @Test
    void insertOfAVersionOtherThanOneIsRefused() {
        CustomerRecord versionTwo = Records.aCustomer(tenant).version(2).build();

        assertThatThrownBy(() -> insert(tenant, versionTwo)).isInstanceOf(ValidationException.class);

        assertThat(find(tenant, versionTwo.id())).isEmpty();
        assertThat(count(tenant, CustomerQuery.all())).isZero();
    }

    @Test
    void insertOfAnExistingIdIsRefusedAsDuplicateAndChangesNothing() {
        CustomerRecord original = insert(tenant, Records.customer(tenant));
        CustomerRecord sameId = Records.from(Records.person(tenant)).id(original.id()).build();

        assertThatThrownBy(() -> insert(tenant, sameId))
                .isInstanceOfSatisfying(DuplicateRecordException.class, e -> assertThat(e.id()).isEqualTo(original.id()));

        assertThat(find(tenant, original.id())).contains(original);
    }

    @Test
    void updateReplacesEveryChildList() {
        CustomerRecord original = insert(tenant, Records.customer(tenant));

        CustomerRecord fewer = Records.from(Records.nextVersion(original))
                .contactPoints(original.contactPoints().subList(1, 2))
                .postalAddresses(original.postalAddresses().subList(2, 3))
                .attributes(original.attributes().subList(0, 2))
                .consents(original.consents().subList(3, 4))
                .ownerHistory(original.ownerHistory().subList(2, 3))
                .organisation(null)
                .build();
        update(tenant, fewer);
        assertThat(find(tenant, original.id())).contains(fewer);

        CustomerRecord more = Records.from(Records.nextVersion(fewer))
                .contactPoints(concat(original.contactPoints(), List.of(email("extra@acme.example", false))))
                .postalAddresses(concat(original.postalAddresses(), Records.unicodeCustomer(tenant).postalAddresses()))
                .attributes(concat(original.attributes(), List.of(new AttributeRecord("EXTERNAL", "more", "TEXT", "m"))))
                .consents(concat(original.consents(),
                        List.of(new ConsentRecord("EMAIL", "MARKETING", "WITHDRAWN", BASE_TIME, "unsubscribe-link"))))
                .ownerHistory(original.ownerHistory())
                .organisation(new OrganisationRecord("Back Again AG", null, "CHE-123", null, null))
                .build();
        update(tenant, more);
        assertThat(find(tenant, original.id())).contains(more);

        CustomerRecord reordered = Records.from(Records.nextVersion(more))
                .contactPoints(reversed(more.contactPoints()))
                .postalAddresses(reversed(more.postalAddresses()))
                .attributes(reversed(more.attributes()))
                .consents(reversed(more.consents()))
                .ownerHistory(reversed(more.ownerHistory()))
                .build();
        update(tenant, reordered);
        assertThat(find(tenant, original.id())).contains(reordered);

        CustomerRecord emptied = Records.from(Records.nextVersion(reordered))
                .contactPoints(List.of()).postalAddresses(List.of()).attributes(List.of())
                .consents(List.of()).ownerHistory(List.of())
                .build();
        update(tenant, emptied);
        assertThat(find(tenant, original.id())).contains(emptied);
        assertThat(queryAll(tenant, CustomerQuery.all(), 5)).containsExactly(emptied);
    }

    @Test
    void anUpdateBasedOnAReadThatAnotherUnitOfWorkHasSinceReplacedIsStale() throws Exception {
        CustomerRecord original = insert(tenant, Records.customer(tenant));
        String t = tenant;
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch replaced = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> slowWriter = executor.submit(() -> storage().useTransaction(t, session -> {
                CustomerRecord seen = session.customers().find(original.id()).orElseThrow();
                read.countDown();
                awaitOrFail(replaced, "the other unit of work to commit");
                session.customers().update(Records.from(Records.nextVersion(seen)).name("Slow").build());
            }));
            assertThat(read.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the slow writer read the customer").isTrue();
            CustomerRecord fast = Records.from(Records.nextVersion(original)).name("Fast").build();
            update(t, fast);
            replaced.countDown();

            assertThatThrownBy(() -> getWithin(slowWriter))
                    .isInstanceOf(ExecutionException.class)
                    .cause()
                    .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                        assertThat(e.expectedVersion()).isEqualTo(1);
                        assertThat(e.actualVersion()).isEqualTo(2);
                    });
            assertThat(find(t, original.id())).contains(fast);
        } finally {
            replaced.countDown();
            stop(executor);
        }
    }

    // ---------------------------------------------------------------- units of work

    @Test
    void inTransactionReturnsWhatTheWorkReturned() {
        CustomerRecord customer = Records.customer(tenant);

        UUID returned = storage().inTransaction(tenant, session -> {
            session.customers().insert(customer);
            return customer.id();
        });
        Object nothing = storage().inTransaction(tenant, session -> null);

        assertThat(returned).isEqualTo(customer.id());
        assertThat(nothing).isNull();
    }

    @Test
    void aSessionIsConfinedToTheTenantItWasOpenedFor() {
        String seen = storage().inTransaction(tenant, StorageSession::tenant);

        assertThat(seen).isEqualTo(tenant);
    }

    @Test
    void inTransactionRefusesAnInvalidTenant() {
        assertThatThrownBy(() -> storage().inTransaction(" bad tenant ", session -> null))
                .isInstanceOf(ValidationException.class);
        // The SPI asks for ValidationException; a null check that throws NullPointerException is accepted too.
        assertThatThrownBy(() -> storage().inTransaction(null, session -> null))
                .isInstanceOfAny(ValidationException.class, NullPointerException.class);
    }

    @Test
    void aUnitOfWorkSeesItsOwnWritesBeforeItCommits() {
        CustomerRecord existing = insert(tenant, Records.aCustomer(tenant).ownerId("s-1").build());
        CustomerRecord inserted = Records.aCustomer(tenant).ownerId("s-1")
                .contactPoints(List.of(email("fresh@x.example", true))).build();
        CustomerRecord updated = Records.from(Records.nextVersion(existing)).ownerId("s-2").build();
        TimelineEntryRecord entry = Records.timelineEntry(tenant, inserted.id(), BASE_TIME);

        storage().useTransaction(tenant, session -> {
            session.customers().insert(inserted);
            session.customers().update(updated);
            session.timeline().append(entry);

            assertThat(session.customers().find(inserted.id())).contains(inserted);
            assertThat(session.customers().find(existing.id())).contains(updated);
            assertThat(session.customers().count(CustomerQuery.all())).isEqualTo(2);
            assertThat(session.customers().query(CustomerQuery.all().withOwner("s-1"), PageRequest.first(10)).items())
                    .containsExactly(inserted);
            assertThat(session.customers().query(CustomerQuery.all().withEmail("fresh@x.example"),
                    PageRequest.first(10)).items()).containsExactly(inserted);
            assertThat(session.timeline().forCustomer(inserted.id(), PageRequest.first(10)).items()).containsExactly(entry);

            CustomerRecord third = Records.from(Records.nextVersion(updated)).ownerId("s-3").build();
            session.customers().update(third);
            assertThat(session.customers().find(existing.id())).contains(third);
        });

        assertThat(find(tenant, existing.id())).map(CustomerRecord::version).contains(3L);
        assertThat(find(tenant, inserted.id())).contains(inserted);
    }

    @Test
    void aThrowingUnitOfWorkLeavesNothingBehindAndRethrowsTheSameException() {
        CustomerRecord existing = insert(tenant, Records.customer(tenant));
        CustomerRecord inserted = Records.customer(tenant);
        TimelineEntryRecord entry = Records.timelineEntry(tenant, inserted.id(), BASE_TIME);
        TimelineEntryRecord entryOfExisting = Records.timelineEntry(tenant, existing.id(), BASE_TIME);
        RuntimeException failure = new IllegalStateException("the work failed on purpose");

        assertThatThrownBy(() -> storage().useTransaction(tenant, session -> {
            session.customers().insert(inserted);
            session.timeline().append(entry);
            session.timeline().append(entryOfExisting);
            session.customers().update(Records.from(Records.nextVersion(existing)).name("Never").build());
            throw failure;
        })).isSameAs(failure);

        assertThat(find(tenant, inserted.id())).isEmpty();
        assertThat(find(tenant, existing.id())).contains(existing);
        assertThat(timelineOf(tenant, inserted.id())).isEmpty();
        assertThat(timelineOf(tenant, existing.id())).isEmpty();
        assertThat(queryAll(tenant, CustomerQuery.all(), 10)).containsExactly(existing);
        // The ids are free again: nothing of the rolled-back work reserved them.
        insert(tenant, inserted);
        storage().useTransaction(tenant, session -> session.timeline().append(entry));
        assertThat(timelineOf(tenant, inserted.id())).containsExactly(entry);
    }

    @Test
    void aFailedWriteRollsBackTheEarlierWritesOfItsUnitOfWork() {
        CustomerRecord existing = insert(tenant, Records.customer(tenant));
        CustomerRecord inserted = Records.customer(tenant);
        TimelineEntryRecord entry = Records.timelineEntry(tenant, existing.id(), BASE_TIME);
        CustomerRecord stale = Records.from(existing).version(3).build();

        assertThatThrownBy(() -> storage().useTransaction(tenant, session -> {
            session.customers().insert(inserted);
            session.timeline().append(entry);
            session.customers().update(stale);
        })).isInstanceOf(StaleWriteException.class);

        assertThat(find(tenant, inserted.id())).isEmpty();
        assertThat(timelineOf(tenant, existing.id())).isEmpty();
        assertThat(find(tenant, existing.id())).contains(existing);
    }

    @Test
    void uncommittedWritesAreInvisibleToOtherUnitsOfWork() throws Exception {
        CustomerRecord customer = Records.customer(tenant);
        String t = tenant;
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch looked = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = executor.submit(() -> storage().useTransaction(t, session -> {
                session.customers().insert(customer);
                inserted.countDown();
                awaitOrFail(looked, "the other unit of work to look");
            }));
            assertThat(inserted.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the writer inserted").isTrue();

            Optional<CustomerRecord> seenBeforeCommit = find(t, customer.id());
            long countBeforeCommit = count(t, CustomerQuery.all());
            looked.countDown();
            getWithin(writer);

            assertThat(seenBeforeCommit).as("a customer another unit of work has not committed yet").isEmpty();
            assertThat(countBeforeCommit).isZero();
            assertThat(find(t, customer.id())).contains(customer);
        } finally {
            looked.countDown();
            stop(executor);
        }
    }

    @Test
    void aUnitOfWorkOpenedInsideAnotherIsIndependentOfIt() {
        CustomerRecord outerCustomer = Records.customer(tenant);
        CustomerRecord innerCustomer = Records.customer(tenant);
        RuntimeException failure = new IllegalStateException("outer work fails after the inner one committed");

        assertThatThrownBy(() -> storage().useTransaction(tenant, session -> {
            session.customers().insert(outerCustomer);
            storage().useTransaction(tenant, inner -> inner.customers().insert(innerCustomer));
            throw failure;
        })).isSameAs(failure);

        assertThat(find(tenant, innerCustomer.id())).contains(innerCustomer);
        assertThat(find(tenant, outerCustomer.id())).isEmpty();
    }

    // ---------------------------------------------------------------- tenant isolation

    @Test
    void dataOfOneTenantIsInvisibleToAnother() {
        CustomerRecord ofA = insert(tenant, Records.aCustomer(tenant).ownerId("s-1")
                .contactPoints(List.of(email("shared@x.example", true), phone("+1555", true))).build());
        TimelineEntryRecord entryOfA = Records.timelineEntry(tenant, ofA.id(), BASE_TIME);
        storage().useTransaction(tenant, session -> session.timeline().append(entryOfA));
        CustomerRecord ofB = insert(otherTenant, Records.aCustomer(otherTenant).ownerId("s-1")
                .contactPoints(List.of(email("shared@x.example", true))).build());

        assertThat(find(otherTenant, ofA.id())).isEmpty();
        assertThat(timelineOf(otherTenant, ofA.id())).isEmpty();
        assertThat(queryAll(otherTenant, CustomerQuery.all(), 10)).containsExactly(ofB);
        assertThat(queryAll(otherTenant, CustomerQuery.all().withEmail("shared@x.example"), 10)).containsExactly(ofB);
        assertThat(queryAll(otherTenant, CustomerQuery.all().withPhone("+1555"), 10)).isEmpty();
        assertThat(count(otherTenant, CustomerQuery.all().withOwner("s-1"))).isEqualTo(1);
        assertThat(queryAll(tenant, CustomerQuery.all().withEmail("shared@x.example"), 10)).containsExactly(ofA);
        assertThat(count(tenant, CustomerQuery.all())).isEqualTo(1);
        assertThat(timelineOf(tenant, ofA.id())).containsExactly(entryOfA);
    }

    @Test
    void insertingACustomerOfAnotherTenantIsRefusedAndWritesNothing() {
        CustomerRecord ofA = Records.customer(tenant);

        assertThatThrownBy(() -> insert(otherTenant, ofA)).isInstanceOf(TenantMismatchException.class);
        assertThatThrownBy(() -> storage().useTransaction(otherTenant,
                session -> session.customers().insertAll(List.of(Records.customer(otherTenant), ofA))))
                .isInstanceOf(TenantMismatchException.class);

        assertThat(find(tenant, ofA.id())).isEmpty();
        assertThat(find(otherTenant, ofA.id())).isEmpty();
        assertThat(count(tenant, CustomerQuery.all())).isZero();
        assertThat(count(otherTenant, CustomerQuery.all())).isZero();
    }

    @Test
    void updatingWithACustomerOfAnotherTenantIsRefusedAndWritesNothing() {
        CustomerRecord ofA = insert(tenant, Records.customer(tenant));

        assertThatThrownBy(() -> update(otherTenant, Records.from(Records.nextVersion(ofA)).name("Hijacked").build()))
                .isInstanceOf(TenantMismatchException.class);

        assertThat(find(tenant, ofA.id())).contains(ofA);
        assertThat(count(otherTenant, CustomerQuery.all())).isZero();
    }

    @Test
    void updatingTheIdOfAnotherTenantsCustomerBehavesAsIfItWereAbsent() {
        CustomerRecord ofA = insert(tenant, Records.customer(tenant));
        CustomerRecord claimedByB = Records.from(Records.nextVersion(ofA)).tenant(otherTenant).name("Hijacked").build();

        assertThatThrownBy(() -> update(otherTenant, claimedByB))
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.id()).isEqualTo(ofA.id());
                    assertThat(e.actualVersion()).isZero();
                });

        assertThat(find(tenant, ofA.id())).contains(ofA);
        assertThat(find(otherTenant, ofA.id())).isEmpty();
    }

    @Test
    void insertingAnIdThatExistsInAnotherTenantIsADuplicate() {
        CustomerRecord ofA = insert(tenant, Records.customer(tenant));
        CustomerRecord sameIdInB = Records.from(Records.customer(otherTenant)).id(ofA.id()).build();

        assertThatThrownBy(() -> insert(otherTenant, sameIdInB)).isInstanceOf(DuplicateRecordException.class);

        assertThat(find(tenant, ofA.id())).contains(ofA);
        assertThat(find(otherTenant, ofA.id())).isEmpty();
    }

    @Test
    void appendingATimelineEntryOfAnotherTenantIsRefusedAndWritesNothing() {
        CustomerRecord ofA = insert(tenant, Records.customer(tenant));
        TimelineEntryRecord entryOfA = Records.timelineEntry(tenant, ofA.id(), BASE_TIME);

        assertThatThrownBy(() -> storage().useTransaction(otherTenant, session -> session.timeline().append(entryOfA)))
                .isInstanceOf(TenantMismatchException.class);
        assertThatThrownBy(() -> storage().useTransaction(otherTenant,
                session -> session.timeline().appendAll(List.of(entryOfA))))
                .isInstanceOf(TenantMismatchException.class);

        assertThat(timelineOf(tenant, ofA.id())).isEmpty();
        assertThat(timelineOf(otherTenant, ofA.id())).isEmpty();
    }

    // ---------------------------------------------------------------- concurrency

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void concurrentWritersLoseNoUpdate() throws Exception {
        int writers = 4;
        int incrementsEach = 25;
        CustomerRecord start = insert(tenant, Records.aCustomer(tenant).attributes(List.of(
                new AttributeRecord("EXTERNAL", "label", "TEXT", "counted"),
                new AttributeRecord("INTERNAL", "counter", "NUMBER", "0"))).build());
        String t = tenant;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Integer>> conflicts = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                conflicts.add(executor.submit(() -> {
                    awaitOrFail(go, "the start signal");
                    int stale = 0;
                    for (int i = 0; i < incrementsEach; i++) {
                        stale += incrementCounter(t, start.id());
                    }
                    return stale;
                }));
            }
            go.countDown();
            for (Future<Integer> writer : conflicts) {
                getWithin(writer);
            }
        } finally {
            go.countDown();
            stop(executor);
        }

        CustomerRecord end = find(tenant, start.id()).orElseThrow();
        assertThat(end.attributes().get(1).value()).isEqualTo(String.valueOf(writers * incrementsEach));
        assertThat(end.version()).isEqualTo(1L + writers * incrementsEach);
        assertThat(end.attributes().get(0)).isEqualTo(start.attributes().get(0));
    }

    /**
     * One unit of work after another updates a customer, every part of which is derived from its
     * version, while this thread finds and queries it (by owner, by e-mail), each read in a unit
     * of work of its own: every record read must be exactly the customer of its own version. A
     * store that reads a customer's row and lists with separate statements at READ COMMITTED,
     * without making sure no commit came in between, mixes versions here.
     */
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void readsNeverMixTwoVersionsOfACustomer() throws Exception {
        UUID id = Records.newId();
        String t = tenant;
        String email = "versions-" + id + "@x.example";
        insert(t, versionedCustomer(t, id, email, 1));
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        long lastVersion;
        List<String> mixed = new ArrayList<>();
        int mixedCount = 0;
        int reads = 0;
        try {
            Future<Long> writer = executor.submit(() -> {
                try {
                    long version = 1;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(MIXED_READS_WRITE_SECONDS);
                    while (version < MIXED_READS_VERSIONS && System.nanoTime() < deadline) {
                        version++;
                        update(t, versionedCustomer(t, id, email, version));
                    }
                    return version;
                } finally {
                    writing.set(false);
                }
            });
            // Reads until the writer is done, and at least a few times, each read in its own unit of work.
            for (int round = 0; writing.get() || round < 3; round++) {
                String owner = versionedOwner(round);
                List<CustomerRecord> seen = new ArrayList<>();
                find(t, id).ifPresentOrElse(seen::add,
                        () -> mixed.add("find returned nothing for a customer that exists"));
                seen.addAll(storage().inTransaction(t, session -> session.customers()
                        .query(CustomerQuery.all().withOwner(owner), PageRequest.first(10)).items()));
                seen.addAll(storage().inTransaction(t, session -> session.customers()
                        .query(CustomerQuery.all().withEmail(email), PageRequest.first(10)).items()));
                for (CustomerRecord read : seen) {
                    reads++;
                    CustomerRecord expected = versionedCustomer(t, id, email, read.version());
                    if (!read.equals(expected)) {
                        mixedCount++;
                        if (mixed.size() < 5) {
                            mixed.add("read version " + read.version() + " with " + describeVersions(read));
                        }
                    }
                }
            }
            lastVersion = getWithin(writer);
        } finally {
            stop(executor);
        }

        assertThat(mixed).as("%d of %d records read while another unit of work updated the customer were not "
                + "exactly one version of it (the customer row of one version with lists of another?)",
                mixedCount, reads).isEmpty();
        assertThat(reads).isPositive();
        assertThat(find(t, id)).contains(versionedCustomer(t, id, email, lastVersion));
    }

    /**
     * A customer every part of which is derived from its version: the name, the owner, labels,
     * values and evidence name the version, and the lengths of the lists vary with it. A record
     * that mixes the customer row of one version with lists of another differs from
     * {@code versionedCustomer(..., record.version())}.
     */
    private static CustomerRecord versionedCustomer(String t, UUID id, String email, long version) {
        String tag = "v" + version;
        Instant updatedAt = BASE_TIME.plusSeconds(version);
        List<PostalAddressRecord> addresses = new ArrayList<>();
        for (int i = 0; i <= version % 3; i++) {
            addresses.add(new PostalAddressRecord(tag, i == 0, i + " Version Street", tag, null, tag, "NL"));
        }
        List<ConsentRecord> consents = new ArrayList<>();
        for (int i = 0; i <= version % 2; i++) {
            consents.add(new ConsentRecord("EMAIL", "MARKETING", i % 2 == 0 ? "GRANTED" : "WITHDRAWN",
                    BASE_TIME.plusSeconds(i), tag));
        }
        List<OwnershipRecord> owners = new ArrayList<>();
        int periods = 1 + (int) (version % 4);
        for (int i = 0; i < periods; i++) {
            boolean current = i == periods - 1;
            owners.add(new OwnershipRecord(versionedOwner(version - (periods - 1 - i)), BASE_TIME.plusSeconds(i),
                    current ? null : BASE_TIME.plusSeconds(i + 1), "m-" + tag, tag));
        }
        return Records.aCustomer(t)
                .id(id)
                .version(version)
                .name(tag)
                .ownerId(versionedOwner(version))
                .contactPoints(List.of(new ContactPointRecord(ContactPointRecord.EMAIL, email, tag, true),
                        new ContactPointRecord(ContactPointRecord.PHONE, "+3120" + version, tag, false)))
                .postalAddresses(addresses)
                .attributes(List.of(new AttributeRecord("INTERNAL", "version", "NUMBER", String.valueOf(version))))
                .consents(consents)
                .ownerHistory(owners)
                .createdAt(BASE_TIME)
                .updatedAt(updatedAt)
                .build();
    }

    private static String versionedOwner(long version) {
        return version % 2 == 0 ? "s-even" : "s-odd";
    }

    /** Which versions the parts of a record of {@link #versionedCustomer} come from, for a failure message. */
    private static String describeVersions(CustomerRecord read) {
        return "name " + read.name() + ", owner " + read.ownerId()
                + ", contact labels " + read.contactPoints().stream().map(ContactPointRecord::label).toList()
                + ", address labels " + read.postalAddresses().stream().map(PostalAddressRecord::label).toList()
                + ", attribute values " + read.attributes().stream().map(AttributeRecord::value).toList()
                + ", consent evidence " + read.consents().stream().map(ConsentRecord::evidence).toList()
                + ", owner history " + read.ownerHistory().stream()
                        .map(o -> o.ownerId() + "/" + o.reason()).toList();
    }

    /** Increments the counter in its own unit of work, retrying stale writes; returns how many were stale. */
    private int incrementCounter(String t, UUID id) {
        int maxAttempts = 2_000;
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            try {
                storage().useTransaction(t, session -> {
                    CustomerRecord current = session.customers().find(id).orElseThrow();
                    pauseBriefly();
                    AttributeRecord counter = current.attributes().get(1);
                    long value = Long.parseLong(counter.value());
                    session.customers().update(Records.from(Records.nextVersion(current)).attributes(List.of(
                            current.attributes().get(0),
                            new AttributeRecord(counter.category(), counter.name(), counter.type(),
                                    String.valueOf(value + 1)))).build());
                    pauseBriefly();
                });
                return attempt;
            } catch (StaleWriteException expected) {
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("gave up incrementing after " + maxAttempts + " stale writes in a row");
    }

    /**
     * Widens the windows between read and write and between write and commit, so that writers
     * interleave even on a store whose units of work take microseconds.
     */
    private static void pauseBriefly() {
        try {
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                Thread.sleep(1);
            } else {
                Thread.yield();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---------------------------------------------------------------- model-based

    @TestFactory
    Stream<DynamicTest> randomOperationSequencesMatchAReferenceModel() {
        return LongStream.of(MODEL_SEEDS).mapToObj(seed -> dynamicTest("seed " + seed,
                () -> new ModelBasedScenario(storage(), seed).run(MODEL_STEPS)));
    }

    // ---------------------------------------------------------------- helpers

    private void assertRoundTrip(CustomerRecord expected) {
        CustomerRecord found = find(expected.tenant(), expected.id()).orElseThrow(
                () -> new AssertionError("customer " + expected.id() + " was not found after inserting it"));
        assertThat(found.id()).isEqualTo(expected.id());
        assertThat(found.tenant()).isEqualTo(expected.tenant());
        assertThat(found.version()).isEqualTo(expected.version());
        assertThat(found.type()).isEqualTo(expected.type());
        assertThat(found.name()).isEqualTo(expected.name());
        assertThat(found.organisation()).isEqualTo(expected.organisation());
        assertThat(found.relationshipLevel()).isEqualTo(expected.relationshipLevel());
        assertThat(found.lifecycleStage()).isEqualTo(expected.lifecycleStage());
        assertThat(found.ownerId()).isEqualTo(expected.ownerId());
        assertThat(found.contactPoints()).as("contact points, in order").containsExactlyElementsOf(expected.contactPoints());
        assertThat(found.postalAddresses()).as("postal addresses, in order")
                .containsExactlyElementsOf(expected.postalAddresses());
        assertThat(found.attributes()).as("attributes, in order").containsExactlyElementsOf(expected.attributes());
        assertThat(found.consents()).as("consents, in order").containsExactlyElementsOf(expected.consents());
        assertThat(found.ownerHistory()).as("owner history, in order").containsExactlyElementsOf(expected.ownerHistory());
        assertThat(found.createdAt()).isEqualTo(expected.createdAt());
        assertThat(found.updatedAt()).isEqualTo(expected.updatedAt());
        assertThat(found).isEqualTo(expected);
        assertThat(queryAll(expected.tenant(), CustomerQuery.all(), 10)).contains(expected);
    }

    /** Compares long texts without printing them whole: reports lengths and the first difference. */
    private static void assertSameText(String actual, String expected, String field) {
        if (expected.equals(actual)) {
            return;
        }
        if (actual == null) {
            throw new AssertionError(field + ": expected " + expected.length() + " characters but was null");
        }
        int i = 0;
        while (i < actual.length() && i < expected.length() && actual.charAt(i) == expected.charAt(i)) {
            i++;
        }
        throw new AssertionError(field + ": expected " + expected.length() + " characters but read "
                + actual.length() + ", first difference at index " + i + ": expected "
                + excerpt(expected, i) + " but was " + excerpt(actual, i));
    }

    private static String excerpt(String text, int at) {
        return "'" + text.substring(Math.min(at, text.length()), Math.min(at + 20, text.length())) + "'";
    }

    private CustomerRecord insert(String t, CustomerRecord... records) {
        storage().useTransaction(t, session -> {
            for (CustomerRecord record : records) {
                session.customers().insert(record);
            }
        });
        return records[0];
    }

    private void update(String t, CustomerRecord record) {
        storage().useTransaction(t, session -> session.customers().update(record));
    }

    private Optional<CustomerRecord> find(String t, UUID id) {
        return storage().inTransaction(t, session -> session.customers().find(id));
    }

    private long count(String t, CustomerQuery query) {
        return storage().inTransaction(t, session -> session.customers().count(query));
    }

    private List<CustomerRecord> queryAll(String t, CustomerQuery query, int pageSize) {
        return storage().inTransaction(t, session -> {
            long matching = session.customers().count(query);
            List<CustomerRecord> all = Pages.readAll(page -> session.customers().query(query, page), pageSize,
                    (int) Math.min(matching + 100, Integer.MAX_VALUE / 2));
            assertThat(all).as("query %s read in pages of %d, against its count", query, pageSize).hasSize((int) matching);
            return all;
        });
    }

    private List<TimelineEntryRecord> timelineOf(String t, UUID customerId) {
        return storage().inTransaction(t,
                session -> Pages.readAll(page -> session.timeline().forCustomer(customerId, page), 100, 10_000));
    }

    private static List<CustomerRecord> sortedById(List<CustomerRecord> customers) {
        List<CustomerRecord> sorted = new ArrayList<>(customers);
        sorted.sort((a, b) -> Records.unsignedUuidOrder().compare(a.id(), b.id()));
        return sorted;
    }

    private static List<TimelineEntryRecord> sortedTimeline(List<TimelineEntryRecord> entries) {
        List<TimelineEntryRecord> sorted = new ArrayList<>(entries);
        sorted.sort(Records.timelineOrder());
        return sorted;
    }

    private static List<UUID> ids(List<CustomerRecord> customers) {
        return customers.stream().map(CustomerRecord::id).collect(Collectors.toList());
    }

    private CustomerRecord withLegalName(String legalName) {
        return Records.aCustomer(tenant).organisation(new OrganisationRecord(legalName, null, null, null, null)).build();
    }

    private CustomerRecord withContacts(ContactPointRecord... contactPoints) {
        return Records.aCustomer(tenant).contactPoints(List.of(contactPoints)).build();
    }

    private static ContactPointRecord email(String value, boolean primary) {
        return new ContactPointRecord(ContactPointRecord.EMAIL, value, primary ? "work" : null, primary);
    }

    private static ContactPointRecord phone(String value, boolean primary) {
        return new ContactPointRecord(ContactPointRecord.PHONE, value, primary ? "mobile" : null, primary);
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static void awaitOrFail(CountDownLatch latch, String what) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out after " + WAIT_SECONDS + " s waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + what, e);
        }
    }

    private static <T> T getWithin(Future<T> future) throws Exception {
        return future.get(WAIT_SECONDS * 3, TimeUnit.SECONDS);
    }

    private static void stop(ExecutorService executor) throws InterruptedException {
        executor.shutdownNow();
        if (!executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("worker threads did not stop within " + WAIT_SECONDS + " s");
        }
    }
}
