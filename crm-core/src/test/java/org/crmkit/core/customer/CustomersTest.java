package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.StaleWriteException;
import org.junit.jupiter.api.Test;

class CustomersTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final List<DomainEvent> published = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(published::add).build();
    private final Customers acme = crm.customers("acme");

    private Customer registerLi() {
        return acme.register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice")
                .email("li.wei@example.com").phone("+86 138 1234 5678").build());
    }

    @Test
    void registeredCustomersAreStoredAtVersionOneAndTheirEventsPublished() {
        Customer li = registerLi();
        assertThat(li.version()).isEqualTo(1);
        assertThat(li.recordedEvents()).isEmpty();
        Customer read = acme.get(li.id());
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.name()).isEqualTo("Li Wei");
        assertThat(read.emails()).isEqualTo(li.emails());
        assertThat(published).singleElement().isInstanceOf(CustomerEvent.Registered.class);
        assertThat(acme.timeline(li.id())).extracting(TimelineEntry::kind).containsExactly(TimelineKind.REGISTERED);
    }

    @Test
    void aChangeIsStoredWithItsTimelineEntriesAndBumpsTheVersionByOne() {
        Customer li = registerLi();
        clock.advance(Duration.ofHours(1));
        Customer changed = acme.change(li.id(), c -> {
            c.reassignOwner(StaffId.of("bob"), StaffId.of("manager"), "territory");
            c.recordInteraction(Interaction.now(Channel.PHONE, StaffId.of("bob"), "Intro call").inDepartment("sales"));
        });
        assertThat(changed.version()).isEqualTo(2);
        Customer read = acme.get(li.id());
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.owner()).isEqualTo(StaffId.of("bob"));
        assertThat(read.ownerHistory()).hasSize(2);
        assertThat(read.updatedAt()).isEqualTo(clock.instant());
        assertThat(acme.timeline(li.id())).extracting(TimelineEntry::kind).containsExactly(
                TimelineKind.REGISTERED, TimelineKind.OWNER_REASSIGNED, TimelineKind.INTERACTION);
        assertThat(published).hasSize(3);
    }

    @Test
    void aChangeThatChangesNothingWritesNothing() {
        Customer li = registerLi();
        Customer same = acme.change(li.id(), c -> c.changeRelationshipLevel(RelationshipLevel.BASIC,
                StaffId.of("alice"), null));
        assertThat(same.version()).isEqualTo(1);
        assertThat(acme.get(li.id()).version()).isEqualTo(1);
    }

    @Test
    void aFailingVerbLeavesTheStoredCustomerUntouched() {
        Customer li = registerLi();
        assertThatThrownBy(() -> acme.change(li.id(), c -> {
            c.recordInteraction(Interaction.now(Channel.EMAIL, StaffId.of("alice"), "first"));
            c.grantConsent(Channel.EMAIL, null, "form");
        })).isInstanceOf(ValidationException.class);
        assertThat(acme.get(li.id()).version()).isEqualTo(1);
        assertThat(acme.timeline(li.id())).hasSize(1);
        assertThat(published).hasSize(1);
    }

    @Test
    void aStaleVersionIsRefusedAndNothingIsWritten() {
        Customer li = registerLi();
        acme.change(li.id(), c -> c.rename("Li Wei (VIP)", StaffId.of("alice")));
        assertThatThrownBy(() -> acme.change(li.id(), 1, c -> c.rename("Li Wei Sr.", StaffId.of("bob"))))
                .isInstanceOf(StaleWriteException.class)
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    StaleWriteException s = (StaleWriteException) e;
                    assertThat(s.field()).isEqualTo("version");
                    assertThat(s.expectedVersion()).isEqualTo(1);
                    assertThat(s.actualVersion()).isEqualTo(2);
                });
        assertThat(acme.get(li.id()).name()).isEqualTo("Li Wei (VIP)");
        Customer ok = acme.change(li.id(), 2, c -> c.rename("Li Wei Sr.", StaffId.of("bob")));
        assertThat(ok.version()).isEqualTo(3);
    }

    @Test
    void anotherTenantsIdIsRefusedAsUnknown() {
        Customer li = registerLi();
        Customers globex = crm.customers("globex");
        assertThat(globex.find(li.id())).isEmpty();
        assertThatThrownBy(() -> globex.get(li.id()))
                .isInstanceOf(NoSuchCustomerException.class)
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("customerId: must name a customer of tenant 'globex'");
        assertThatThrownBy(() -> globex.change(li.id(), c -> c.rename("Stolen", StaffId.of("mallory"))))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> globex.timeline(li.id(), PageRequest.first(10)))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThat(globex.findByEmail("li.wei@example.com")).isEmpty();
        assertThat(acme.get(li.id()).name()).isEqualTo("Li Wei");
    }

    @Test
    void anInvalidTenantIdIsRefused() {
        assertThatThrownBy(() -> crm.customers("acme corp"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("tenant");
    }

    @Test
    void customersAreFoundByNormalisedEmailAndPhone() {
        Customer li = registerLi();
        assertThat(acme.findByEmail("  li.wei@EXAMPLE.com")).extracting(Customer::id).containsExactly(li.id());
        assertThat(acme.findByPhone("0086 138-1234-5678")).extracting(Customer::id).containsExactly(li.id());
        assertThat(acme.findByEmail("nobody@example.com")).isEmpty();
    }

    @Test
    void registerAllIsAllOrNothing() {
        List<RegisterCustomer> batch = List.of(
                RegisterCustomer.builder(CustomerType.B2C, "A", "alice").build(),
                RegisterCustomer.builder(CustomerType.B2C, "B", "alice").email("broken@").build());
        assertThatThrownBy(() -> acme.registerAll(batch))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("commands[1].emails[0]:");
        assertThat(acme.count(CustomerFilter.all())).isZero();

        List<Customer> stored = acme.registerAll(List.of(
                RegisterCustomer.builder(CustomerType.B2C, "A", "alice").build(),
                RegisterCustomer.builder(CustomerType.B2B, "Acme Ltd", "bob")
                        .organisation(Organisation.named("Acme Trading Ltd")).build()));
        assertThat(stored).extracting(Customer::version).containsExactly(1L, 1L);
        assertThat(acme.count(CustomerFilter.all())).isEqualTo(2);
        assertThat(acme.count(CustomerFilter.all().ofType(CustomerType.B2B).ownedBy(StaffId.of("bob")))).isEqualTo(1);
    }

    @Test
    void listingPagesThroughEveryCustomerOnce() {
        for (int i = 0; i < 23; i++) {
            acme.register(RegisterCustomer.builder(CustomerType.B2C, "Customer " + i, "alice").build());
        }
        List<Customer> all = new ArrayList<>();
        PageRequest next = PageRequest.first(5);
        while (next != null) {
            Page<Customer> page = acme.list(CustomerFilter.all().inStage(LifecycleStage.EXPLORATION), next);
            all.addAll(page.items());
            next = page.items().isEmpty() ? null : page.next().orElse(null);
        }
        assertThat(all).hasSize(23).extracting(Customer::id).doesNotHaveDuplicates();
    }

    @Test
    void concurrentInteractionsAndChangesLoseNothing() throws Exception {
        Customer li = registerLi();
        int threads = 8;
        int perThread = 25;
        int renames = 20;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads + 1);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                StaffId staff = StaffId.of("agent-" + t);
                work.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        acme.recordInteraction(li.id(), Interaction.now(Channel.PHONE, staff, "call " + i));
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < renames; i++) {
                    int n = i;
                    acme.retryingOnConflict(li.id(), c -> c.rename("Li Wei " + n, StaffId.of("alice")));
                }
                return null;
            }));
            start.countDown();
            for (java.util.concurrent.Future<?> f : work) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(acme.timeline(li.id())).filteredOn(e -> e.kind() == TimelineKind.INTERACTION)
                .hasSize(threads * perThread);
        assertThat(acme.get(li.id()).version()).isEqualTo(1 + renames);
        assertThat(acme.get(li.id()).name()).isEqualTo("Li Wei " + (renames - 1));
    }

    @Test
    void interactionsGoOnTheTimelineWithoutANewVersion() {
        Customer li = registerLi();
        clock.advance(Duration.ofMinutes(5));
        acme.recordInteraction(li.id(), Interaction.now(Channel.WEB, StaffId.of("web"), "Downloaded the manual"));
        Customer read = acme.get(li.id());
        assertThat(read.version()).isEqualTo(1);
        assertThat(read.updatedAt()).isEqualTo(li.updatedAt());
        assertThat(acme.timeline(li.id())).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.REGISTERED, TimelineKind.INTERACTION);
    }

    @Test
    void aFailingListenerDoesNotUndoTheChange() {
        Crm noisy = Crm.builder().storage(InMemoryStorage.create()).clock(clock)
                .listener(e -> {
                    throw new IllegalStateException("listener bug");
                }).build();
        Customer c = noisy.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "X", "alice").build());
        assertThat(noisy.customers("acme").get(c.id()).version()).isEqualTo(1);
    }

    @Test
    void theBuilderRequiresStorageAndRefusesTwoChannelsForOneType() {
        assertThatThrownBy(() -> Crm.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no storage registered");
        assertThatThrownBy(() -> Crm.builder().channel(org.crmkit.core.memory.InMemoryChannel.create())
                .channel(org.crmkit.core.memory.InMemoryChannel.create()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two channels registered");
    }
}
