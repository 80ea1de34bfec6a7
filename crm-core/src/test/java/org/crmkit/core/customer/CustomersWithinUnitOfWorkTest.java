package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.storage.CustomerQuery;
import org.crmkit.spi.storage.TenantMismatchException;
import org.junit.jupiter.api.Test;

/** Registering and recording interactions as steps of a caller's unit of work. */
class CustomersWithinUnitOfWorkTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final List<DomainEvent> published = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(published::add).build();
    private final Customers acme = crm.customers("acme");

    private static RegisterCustomer li() {
        return RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice").email("li.wei@example.com").build();
    }

    @Test
    void aCustomerRegisteredWithinAUnitOfWorkCommitsWithItAndPublishesNothingItself() {
        Customer c = crm.storage().inTransaction("acme", session -> acme.registerWithin(session, li()));
        assertThat(acme.get(c.id()).name()).isEqualTo("Li Wei");
        assertThat(acme.timeline(c.id())).extracting(TimelineEntry::kind).containsExactly(TimelineKind.REGISTERED);
        assertThat(c.recordedEvents()).singleElement().isInstanceOf(CustomerEvent.Registered.class);
        assertThat(published).isEmpty();
    }

    @Test
    void aCustomerRegisteredWithinAUnitOfWorkThatFailsLaterIsNotStored() {
        assertThatThrownBy(() -> crm.storage().useTransaction("acme", session -> {
            acme.registerWithin(session, li());
            throw new IllegalStateException("a later step failed");
        })).hasMessage("a later step failed");
        long stored = crm.storage().inTransaction("acme", s -> s.customers().count(CustomerQuery.all()));
        assertThat(stored).isZero();
    }

    @Test
    void refusesASessionOfAnotherTenant() {
        assertThatThrownBy(() -> crm.storage().useTransaction("globex", session -> acme.registerWithin(session, li())))
                .isInstanceOf(TenantMismatchException.class);
    }

    @Test
    void anInteractionRecordedWithinAUnitOfWorkLeavesTheVersionAlone() {
        Customer c = acme.register(li());
        crm.storage().useTransaction("acme", session -> acme.recordInteractionWithin(session, c.id(),
                Interaction.now(Channel.PHONE, StaffId.of("bob"), "Lead converted").inDepartment("sales")));
        assertThat(acme.get(c.id()).version()).isEqualTo(1);
        assertThat(acme.timeline(c.id())).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.REGISTERED, TimelineKind.INTERACTION);
    }
}
