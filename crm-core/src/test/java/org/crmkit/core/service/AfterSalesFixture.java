package org.crmkit.core.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;

/** In-memory storage, a standing clock, the after-sales services of one tenant, and the events they published. */
public final class AfterSalesFixture {
    public final TestClock clock = TestClock.at("2026-05-04T10:00:00Z");
    public final InMemoryStorage storage = InMemoryStorage.create();
    public final List<DomainEvent> published = new ArrayList<>();
    public final TenantId tenant = TenantId.of("acme");
    public final IdGenerator ids = IdGenerator.timeOrdered(clock);
    public final Customers customers = new Customers(tenant, storage, clock, ids, published::add);
    public final ServiceDesk desk = new ServiceDesk(tenant, storage, clock, ids, published::add);

    /** @return a new registered customer */
    public CustomerId customer(String name) {
        return customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "alice").build()).id();
    }

    /** @return a new order of {@code customer}, delivered now */
    public DeliveredOrder delivered(CustomerId customer, CampaignId campaign, String total) {
        return new DeliveredOrder(OrderId.of(UUID.randomUUID()), customer, campaign, Money.of(total, "EUR"),
                clock.instant());
    }

    /** Moves the clock on by a minute. */
    public void tick() {
        clock.advance(Duration.ofMinutes(1));
    }

    /** @return the published events of a type, in order */
    public <E> List<E> events(Class<E> type) {
        return published.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
