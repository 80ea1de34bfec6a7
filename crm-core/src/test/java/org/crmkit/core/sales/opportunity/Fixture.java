package org.crmkit.core.sales.opportunity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;

/** In-memory services for one tenant, a test clock, and the events they published. */
final class Fixture {
    static final TenantId TENANT = TenantId.of("tiandi");
    static final StaffId ALICE = StaffId.of("alice");
    static final StaffId BOB = StaffId.of("bob");
    static final StaffId MANAGER = StaffId.of("manager-li");

    final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final IdGenerator ids = IdGenerator.timeOrdered(clock);
    final List<DomainEvent> published = new ArrayList<>();
    final Customers customers = new Customers(TENANT, storage, clock, ids, published::add);
    final Pipelines pipelines = new Pipelines(TENANT, storage, clock, ids, published::add);
    final Opportunities opportunities = new Opportunities(TENANT, storage, clock, ids, published::add);

    /** Qualification 10%, Proposal 40%, Negotiation 75%. */
    static List<PipelineStage> standardStages() {
        return List.of(PipelineStage.of("QUALIFY", "Qualification", "0.10"),
                PipelineStage.of("PROPOSAL", "Proposal", "0.40"),
                PipelineStage.of("NEGOTIATE", "Negotiation", "0.75"));
    }

    Pipeline standardPipeline() {
        return pipelines.define("Hardware", standardStages());
    }

    CustomerId customer(String name) {
        return customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "alice").build()).id();
    }

    void advance(Duration d) {
        clock.advance(d);
    }
}
