package org.crmkit.examples.cli;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.memory.InMemoryChannel;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.Pipeline;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.opportunity.Pipelines;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DiscountPolicy;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.catalog.ProductCatalog;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * One case of domain §14, run with the library on an in-memory {@link Crm} whose clock is a
 * {@link StepClock} and whose ids come from {@link SeededIds}, so that every run prints the same.
 * A case is a sequence of steps ({@link #steps()}), each a method that moves the clock on, calls
 * the library and adds one step to the {@link CaseTrace}; then {@link #figures()} adds the key
 * figures. New steps slot into the list. Not thread-safe; run a case once.
 */
abstract class CaseExample {

    /** When every case's clock starts: a Monday morning, UTC. */
    static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    /** Who approves discounts above the policy's threshold, in every case. */
    protected static final StaffId MANAGER = StaffId.of("sales.manager");

    protected final StepClock clock = StepClock.startingAt(START);
    protected final InMemoryOrderFulfillment backOffice = InMemoryOrderFulfillment.create(clock);
    protected final InMemoryChannel channel = InMemoryChannel.create(clock);
    protected final Crm crm;
    protected final CaseTrace trace;
    protected final String tenant;
    protected final String currency;
    private boolean ran;

    /**
     * @param name     the case's name on the command line
     * @param title    the case's title
     * @param setting  one sentence on the setting
     * @param tenant   the tenant the case runs in
     * @param currency the currency of the case's prices
     * @param catalog  the products and price lists of the case's company
     * @param sections the domain sections the case relies on, §14 first
     */
    CaseExample(String name, String title, String setting, String tenant, String currency, ProductCatalog catalog,
                List<String> sections) {
        this.tenant = tenant;
        this.currency = currency;
        this.trace = new CaseTrace(name, title, setting, tenant, START, sections);
        this.crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock)
                .idGenerator(new SeededIds(clock, name.hashCode()))
                .channel(channel)
                .productCatalog(catalog)
                .orderFulfillment(backOffice)
                .discountPolicy(DiscountPolicy.threshold("10"))
                .build();
    }

    /** @return the case's steps, in order; each adds one step to the trace */
    protected abstract List<Runnable> steps();

    /** Adds the case's key figures to the trace, after the steps. */
    protected abstract void figures();

    /** Runs the steps, then the figures, and returns the trace. */
    final CaseTrace run() {
        if (ran) {
            throw new IllegalStateException("a case runs once");
        }
        ran = true;
        steps().forEach(Runnable::run);
        figures();
        trace.json().put("clockEnd", clock.instant().toString());
        return trace;
    }

    // ------------------------------------------------------------------ helpers

    /** @return an amount in the case's currency */
    protected Money amount(String amount) {
        return Money.of(amount, currency);
    }

    /** @return a catalogue amount in {@code currency} */
    protected static MoneyRecord price(String amount, String currency) {
        return new MoneyRecord(new BigDecimal(amount), currency);
    }

    /** @return the tax rate of the case's quotes, in percent */
    protected BigDecimal taxRatePercent() {
        return new BigDecimal("13");
    }

    /** The case's one sales pipeline, defined on first use. */
    protected Pipeline pipeline() {
        Pipelines pipelines = crm.pipelines(tenant);
        return pipelines.findByName("Sales").orElseGet(() -> pipelines.define("Sales", List.of(
                PipelineStage.of("QUALIFY", "Qualify", "0.20"),
                PipelineStage.of("PROPOSAL", "Proposal", "0.50"),
                PipelineStage.of("NEGOTIATION", "Negotiation", "0.80"))));
    }

    /**
     * What one sale made, from the opportunity to the delivered order.
     *
     * @param opportunity the won opportunity
     * @param quote       the accepted quote
     * @param order       the delivered order
     * @param delivered   the order as service, surveys and the club take it
     */
    protected record Sale(Opportunity opportunity, Quote quote, Order order, DeliveredOrder delivered) {
    }

    /**
     * Sells through the library's sales flow (domain §9): opens an opportunity, drafts a quote priced
     * from the catalogue's price lists for the customer's grade that {@code seller} may see, sends it,
     * the customer accepts it, the deal is won, the order is placed, confirmed, shipped and delivered
     * by the back office. Takes a few days of the case's clock.
     */
    protected Sale sell(CustomerId customer, StaffId seller, String grade, String name, List<AddQuoteLine> lines,
                        String address, String carrier, String trackingNumber) {
        Opportunity o = crm.opportunities(tenant).open(customer, seller, name, amount("0.00"),
                clock.today().plusDays(14), pipeline().id(), null, null);
        clock.advance(Duration.ofHours(2));
        return close(o, grade, lines, address, carrier, trackingNumber);
    }

    /**
     * The rest of {@link #sell}: quotes an open opportunity (prepared by its owner, who decides which
     * price lists may be used), and the customer accepts; the deal is won and delivered.
     */
    protected Sale close(Opportunity open, String grade, List<AddQuoteLine> lines, String address, String carrier,
                         String trackingNumber) {
        Opportunities opportunities = crm.opportunities(tenant);
        Quotes quotes = crm.quotes(tenant);
        Orders orders = crm.orders(tenant);
        backOffice.connect(orders::applyUpdate);
        StaffId seller = open.owner();
        CustomerId customer = open.customerId();
        Quote q = quotes.draft(new DraftQuote(customer, open.id(), null, currency, clock.today().plusDays(14), seller,
                grade, null, taxRatePercent()));
        for (AddQuoteLine line : lines) {
            q = quotes.addLine(q.id(), line);
        }
        if (q.approvalRequired()) {
            quotes.requestApproval(q.id());
            q = quotes.approve(q.id(), MANAGER);
        }
        opportunities.revise(open.id(), q.grossTotal(), open.expectedClose(), seller);
        quotes.send(q.id());
        clock.advance(Duration.ofHours(3));
        q = quotes.accept(q.id());
        Opportunity o = opportunities.win(open.id(), "quote accepted", null, seller);
        clock.advance(Duration.ofHours(1));
        Order order = orders.placeFromQuote(q.id(), address);
        clock.advance(Duration.ofHours(2));
        backOffice.confirm(tenant, order.id().value());
        clock.advance(Duration.ofDays(1));
        backOffice.ship(tenant, order.id().value(), carrier, trackingNumber);
        clock.advance(Duration.ofDays(1));
        backOffice.deliver(tenant, order.id().value());
        order = orders.get(order.id());
        Instant deliveredAt = order.history().get(order.history().size() - 1).at();
        DeliveredOrder delivered = new DeliveredOrder(order.id(), order.customerId(), order.campaignId().orElse(null),
                order.totals().gross(), deliveredAt);
        return new Sale(o, q, order, delivered);
    }
}
