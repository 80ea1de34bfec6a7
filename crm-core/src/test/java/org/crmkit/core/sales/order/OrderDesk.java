package org.crmkit.core.sales.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.opportunity.Pipelines;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DiscountPolicy;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.spi.catalog.ProductOptionRecord;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.fulfillment.OrderFulfillment;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * A small sales desk for service tests: in-memory storage, a catalogue of a desk (with an oak
 * option) and a cable sold by the metre, customers and their opportunities in one pipeline, the
 * quotes service, the orders service, and an in-memory back office connected to the orders service.
 */
final class OrderDesk {

    static final TenantId TENANT = TenantId.of("acme");

    final TestClock clock = TestClock.at("2026-05-04T08:00:00Z");
    final InMemoryStorage storage = InMemoryStorage.create();
    final IdGenerator ids = IdGenerator.timeOrdered(clock);
    final List<DomainEvent> events = new CopyOnWriteArrayList<>();
    final InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
    final Customers customers;
    final Opportunities opportunities;
    final PipelineId pipeline;
    final Quotes quotes;
    final Orders orders;

    OrderDesk() {
        this(null);
    }

    /** @param backOffice the back office the orders service uses; null for {@link #erp}, connected */
    OrderDesk(OrderFulfillment backOffice) {
        InMemoryProductCatalog catalog = InMemoryProductCatalog.builder()
                .product(new ProductRecord(TENANT.value(), "desk", "DESK-160", "Standing desk", eur("499.00"),
                        List.of(new ProductOptionRecord("OAK", "Oak top", eur("50.00"))), List.of(), true))
                .product(new ProductRecord(TENANT.value(), "cable", "CABLE-03", "Power cable, per metre",
                        eur("1.20"), List.of(), List.of(), true))
                .build();
        customers = new Customers(TENANT, storage, clock, ids, events::add);
        opportunities = new Opportunities(TENANT, storage, clock, ids, events::add);
        pipeline = new Pipelines(TENANT, storage, clock, ids, events::add).define("Sales",
                List.of(PipelineStage.of("NEW", "New", "0.2"), PipelineStage.of("PROPOSAL", "Proposal", "0.5")))
                .id();
        quotes = new Quotes(TENANT, storage, clock, ids, events::add, catalog, DiscountPolicy.defaults());
        orders = new Orders(TENANT, storage, clock, ids, events::add, backOffice == null ? erp : backOffice);
        if (backOffice == null) {
            erp.connect(orders::applyUpdate);
        }
    }

    static MoneyRecord eur(String amount) {
        return new MoneyRecord(new BigDecimal(amount), "EUR");
    }

    /** @return an open opportunity of a newly registered customer, attributed to a campaign */
    Opportunity openOpportunity() {
        CustomerId customer = customers.register(RegisterCustomer.builder(CustomerType.B2C, "Olivia Office", "alice")
                .build()).id();
        return opportunities.open(customer, StaffId.of("alice"), "Office fit-out", Money.of("1100.00", "EUR"),
                LocalDate.of(2026, 6, 30), pipeline, CampaignId.of(UUID.randomUUID()), null);
    }

    /**
     * A sent quote for a new customer's open opportunity (the quote takes the opportunity's
     * campaign): two oak desks at 5% off and 12.75 m of cable, 19% tax.
     */
    Quote sentQuote() {
        Opportunity deal = openOpportunity();
        Quote draft = quotes.draft(new DraftQuote(deal.customerId(), deal.id(), null, "EUR", LocalDate.of(2026, 6, 30),
                StaffId.of("alice"), null, null, new BigDecimal("19")));
        quotes.addLine(draft.id(), new AddQuoteLine("desk", List.of("OAK"), new BigDecimal("2"), new BigDecimal("5"),
                null));
        quotes.addLine(draft.id(), AddQuoteLine.of("cable", "12.75"));
        return quotes.send(draft.id());
    }

    /** An accepted quote, as {@link #sentQuote()}. */
    Quote acceptedQuote() {
        return quotes.accept(sentQuote().id());
    }
}
