package org.crmkit.core.service.complaint;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.spi.storage.RecordKind;
import org.crmkit.spi.storage.RecordQuery;

/** In-memory storage, a standing clock, the complaints and service desk of one tenant, and the events they published. */
final class ComplaintFixture {
    static final StaffId AGENT = StaffId.of("agent-7");
    static final StaffId LEAD = StaffId.of("lead-1");

    final TestClock clock = TestClock.at("2026-05-04T10:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final List<DomainEvent> published = new ArrayList<>();
    final TenantId tenant = TenantId.of("acme");
    final IdGenerator ids = IdGenerator.timeOrdered(clock);
    final Customers customers = new Customers(tenant, storage, clock, ids, published::add);
    final ServiceDesk desk = new ServiceDesk(tenant, storage, clock, ids, published::add);
    final Complaints complaints;

    ComplaintFixture() {
        this(ComplaintPolicy.defaults());
    }

    ComplaintFixture(ComplaintPolicy policy) {
        complaints = new Complaints(tenant, storage, clock, ids, published::add, desk, policy);
    }

    /** @return a new registered customer */
    CustomerId customer(String name) {
        return customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "alice").build()).id();
    }

    /** @return a complaint of {@code customer} in {@code category}, taken by phone by {@link #AGENT} */
    Complaint complain(CustomerId customer, ComplaintCategory category) {
        return complaints.receive(ReceiveComplaint.of(customer, Channel.PHONE, category,
                "The parcel arrived late and the box was crushed.", AGENT));
    }

    /** Moves the clock on. */
    void advance(Duration d) {
        clock.advance(d);
    }

    /** @return how many records of a kind the tenant has stored */
    long count(RecordKind<?> kind) {
        return storage.<Long>inTransaction(tenant.value(), s -> s.records(kind).count(RecordQuery.all()));
    }

    /** @return the published events of a type, in order */
    <E> List<E> events(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
