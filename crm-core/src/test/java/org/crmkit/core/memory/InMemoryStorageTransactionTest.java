package org.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.CustomerStore;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TimelineEntryRecord;
import org.crmkit.tck.storage.Records;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link InMemoryStorage} promises beyond the storage contract: conflicts found at commit
 * time, sessions that end with their unit of work, and cursors it checks.
 */
class InMemoryStorageTransactionTest {

    private static final long WAIT_SECONDS = 10;

    private final InMemoryStorage storage = InMemoryStorage.create();
    private final String tenant = Records.newTenant();
    private final ExecutorService executor = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopExecutor() throws InterruptedException {
        executor.shutdownNow();
        assertThat(executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void twoUnitsOfWorkThatReplaceTheSameVersionCannotBothCommit() throws Exception {
        CustomerRecord original = Records.customer(tenant);
        storage.useTransaction(tenant, session -> session.customers().insert(original));
        CustomerRecord slow = Records.from(Records.nextVersion(original)).name("Slow").build();
        CustomerRecord fast = Records.from(Records.nextVersion(original)).name("Fast").build();

        // Both updates pass the check at write time; the one that commits second must fail.
        Future<?> slowWriter = whileTheOtherCommits(session -> session.customers().update(slow),
                () -> storage.useTransaction(tenant, session -> session.customers().update(fast)));

        assertThatThrownBy(() -> slowWriter.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause()
                .isInstanceOfSatisfying(StaleWriteException.class, e -> {
                    assertThat(e.id()).isEqualTo(original.id());
                    assertThat(e.expectedVersion()).isEqualTo(1);
                    assertThat(e.actualVersion()).isEqualTo(2);
                });
        assertThat(find(original)).contains(fast);
    }

    @Test
    void aStaleConflictAtCommitDiscardsEveryOtherWriteOfTheUnit() throws Exception {
        CustomerRecord original = Records.customer(tenant);
        storage.useTransaction(tenant, session -> session.customers().insert(original));
        CustomerRecord alsoInserted = Records.customer(tenant);
        TimelineEntryRecord entry = Records.timelineEntry(tenant, original.id(), Records.BASE_TIME);

        Future<?> loser = whileTheOtherCommits(session -> {
            session.customers().insert(alsoInserted);
            session.timeline().append(entry);
            session.customers().update(Records.nextVersion(original));
        }, () -> storage.useTransaction(tenant, session -> session.customers().update(Records.nextVersion(original))));

        assertThatThrownBy(() -> loser.get(WAIT_SECONDS, TimeUnit.SECONDS)).hasCauseInstanceOf(StaleWriteException.class);
        assertThat(find(alsoInserted)).isEmpty();
        assertThat(timelineOf(original)).isEmpty();
    }

    @Test
    void twoUnitsOfWorkThatInsertTheSameIdCannotBothCommit() throws Exception {
        CustomerRecord first = Records.customer(tenant);
        CustomerRecord second = Records.from(Records.person(tenant)).id(first.id()).build();

        Future<?> slowWriter = whileTheOtherCommits(session -> session.customers().insert(second),
                () -> storage.useTransaction(tenant, session -> session.customers().insert(first)));

        assertThatThrownBy(() -> slowWriter.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DuplicateRecordException.class);
        assertThat(find(first)).contains(first);
    }

    @Test
    void twoUnitsOfWorkThatAppendTheSameTimelineIdCannotBothCommit() throws Exception {
        CustomerRecord customer = Records.customer(tenant);
        storage.useTransaction(tenant, session -> session.customers().insert(customer));
        TimelineEntryRecord entry = Records.timelineEntry(tenant, customer.id(), Records.BASE_TIME);

        Future<?> slowWriter = whileTheOtherCommits(session -> session.timeline().append(entry),
                () -> storage.useTransaction(tenant, session -> session.timeline().append(entry)));

        assertThatThrownBy(() -> slowWriter.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DuplicateRecordException.class);
        assertThat(timelineOf(customer)).containsExactly(entry);
    }

    @Test
    void aSessionCannotBeUsedAfterItsUnitOfWorkEnded() {
        AtomicReference<StorageSession> leaked = new AtomicReference<>();
        AtomicReference<CustomerStore> leakedStore = new AtomicReference<>();
        storage.useTransaction(tenant, session -> {
            leaked.set(session);
            leakedStore.set(session.customers());
        });

        assertThatThrownBy(() -> leaked.get().customers()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leaked.get().timeline()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leakedStore.get().insert(Records.customer(tenant)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> leakedStore.get().count(CustomerQuery.all())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCursorTheStoreDidNotIssueIsRefused() {
        assertThatThrownBy(() -> storage.inTransaction(tenant,
                session -> session.customers().query(CustomerQuery.all(), new PageRequest(5, "not-a-cursor"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("after"));
        assertThatThrownBy(() -> storage.inTransaction(tenant,
                session -> session.timeline().forCustomer(Records.newId(), new PageRequest(5, "nonsense|x"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("after"));
    }

    @Test
    void aFullPageIsTheLastWhenNothingFollowsIt() {
        List<CustomerRecord> customers = List.of(Records.customer(tenant), Records.customer(tenant));
        storage.useTransaction(tenant, session -> session.customers().insertAll(customers));

        var page = storage.inTransaction(tenant,
                session -> session.customers().query(CustomerQuery.all(), PageRequest.first(2)));

        assertThat(page.items()).hasSize(2);
        assertThat(page.next()).isEmpty();
    }

    @Test
    void describesItsContentsInToString() {
        storage.useTransaction(tenant, session -> session.customers().insert(Records.customer(tenant)));

        assertThat(storage).hasToString("InMemoryStorage[1 tenants, 1 customers, 0 timeline entries]");
    }

    private Optional<CustomerRecord> find(CustomerRecord customer) {
        return storage.inTransaction(customer.tenant(), session -> session.customers().find(customer.id()));
    }

    private List<TimelineEntryRecord> timelineOf(CustomerRecord customer) {
        return storage.inTransaction(customer.tenant(),
                session -> session.timeline().forCustomer(customer.id(), PageRequest.first(10)).items());
    }

    /**
     * Runs {@code slowWork} in a unit of work on another thread and holds that unit open, after its
     * writes, until {@code otherUnit} has committed on this thread; returns the slow unit's outcome.
     */
    private Future<?> whileTheOtherCommits(Consumer<StorageSession> slowWork, Runnable otherUnit) throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch otherCommitted = new CountDownLatch(1);
        Future<?> slow = executor.submit(() -> storage.useTransaction(tenant, session -> {
            slowWork.accept(session);
            written.countDown();
            await(otherCommitted);
        }));
        try {
            assertThat(written.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the slow unit wrote").isTrue();
            otherUnit.run();
        } finally {
            otherCommitted.countDown();
        }
        return slow;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
