package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.crmkit.core.Crm;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.campaign.Campaign;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.flow.Conversion;
import org.crmkit.core.sales.flow.ConvertLead;
import org.crmkit.core.sales.flow.CustomerChoice;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.lead.Lead;
import org.crmkit.core.sales.opportunity.Pipeline;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DiscountPolicy;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The refusals {@code docs/sales-flow.md} lists, each tried against the loop's own catalogue and
 * services: what is refused, with which exception and field. Each test prints the message, so
 * the document can quote it.
 */
class LoopRefusalsTest {

    private static final String TENANT = LoopScenario.TENANT;
    private static final StaffId SALES = StaffId.of("jonas.weber");
    private static final StaffId MANAGER = StaffId.of("martin.kohl");

    private final StepClock clock = StepClock.startingAt(Instant.parse("2026-03-02T08:00:00Z"));
    private final InMemoryOrderFulfillment backOffice = InMemoryOrderFulfillment.create(clock);
    private Crm crm;
    private Conversion conversion;
    private Campaign campaign;
    private Pipeline pipeline;

    @BeforeEach
    void walkToAnOpenOpportunity() {
        InMemoryProductCatalog catalog = InMemoryProductCatalog.builder()
                .product(LoopScenario.catalog().product(TENANT, "desk-e2").orElseThrow())
                .product(LoopScenario.catalog().product(TENANT, "chair-x7").orElseThrow())
                .product(new ProductRecord(TENANT, "lamp-us", "LMP-US", "Desk lamp (US import)",
                        new MoneyRecord(new BigDecimal("79.00"), "USD"), List.of(), List.of(), true))
                .product(new ProductRecord("other-tenant", "sofa", "SOFA-1", "Lounge sofa",
                        new MoneyRecord(new BigDecimal("1900.00"), "EUR"), List.of(), List.of(), true))
                .build();
        crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).productCatalog(catalog)
                .orderFulfillment(backOffice).discountPolicy(DiscountPolicy.threshold("10")).build();
        campaign = crm.campaigns(TENANT).plan(new PlanCampaign("Spring office fair", EnumSet.of(Channel.EMAIL),
                TargetSegment.Rule.allOf(new TargetCondition.TypeIn(Set.of(CustomerType.B2B))),
                Money.of("5000.00", "EUR"), clock.today(), clock.today().plusDays(27), SALES, SALES));
        crm.campaigns(TENANT).launch(campaign.id(), SALES);
        Lead lead = crm.leads(TENANT).capture(CaptureLead.builder("Katrin Vogel", SALES).campaign(campaign.id())
                .email(LoopScenario.LEAD_EMAIL).build());
        crm.leads(TENANT).contact(lead.id(), SALES);
        crm.leads(TENANT).qualify(lead.id(), SALES);
        pipeline = crm.pipelines(TENANT).define("Office furniture", List.of(PipelineStage.of("QUALIFY", "Qualify", "0.10"),
                PipelineStage.of("PROPOSAL", "Proposal", "0.50")));
        conversion = crm.leadConversion(TENANT).convert(convert(lead));
    }

    private ConvertLead convert(Lead lead) {
        return new ConvertLead(lead.id(), CustomerChoice.createNew(), pipeline.id(), "24 workplaces",
                Money.of("20000.00", "EUR"), clock.today().plusDays(21), null, SALES);
    }

    private Quote draft(String validDays) {
        return crm.quotes(TENANT).draft(new DraftQuote(conversion.customer(), conversion.opportunity(), campaign.id(),
                "EUR", clock.today().plusDays(Long.parseLong(validDays)), SALES, "B", null, new BigDecimal("19")));
    }

    @Test
    void refusesToConvertALeadTwice() {
        Lead lead = crm.leads(TENANT).get(conversion.lead());

        Throwable e = catchThrowable(() -> crm.leadConversion(TENANT).convert(convert(lead)));

        report("convert twice", e);
        // LeadConversion's Javadoc promises IllegalTransitionException; since the opportunities
        // service refuses a second opportunity for a lead, the refusal comes from there first.
        assertThat(e).isInstanceOfAny(IllegalTransitionException.class, ValidationException.class);
        Lead after = crm.leads(TENANT).get(conversion.lead());
        assertThat(after.status().name()).isEqualTo("CONVERTED");
        assertThat(after.opportunityId()).contains(conversion.opportunity());
        assertThat(after.version()).isEqualTo(lead.version());
    }

    @Test
    void refusesToAcceptAnExpiredQuote() {
        Quotes quotes = crm.quotes(TENANT);
        Quote q = draft("3");
        quotes.addLine(q.id(), AddQuoteLine.of("desk-e2", "2"));
        quotes.send(q.id());
        clock.at(5, "09:00");

        Throwable e = catchThrowable(() -> quotes.accept(q.id()));

        report("accept expired", e);
        assertThat(e).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void refusesToOrderFromAQuoteThatWasNotAccepted() {
        Quotes quotes = crm.quotes(TENANT);
        Quote q = draft("30");
        quotes.addLine(q.id(), AddQuoteLine.of("desk-e2", "2"));
        quotes.send(q.id());

        Throwable e = catchThrowable(() -> crm.orders(TENANT).placeFromQuote(q.id()));

        report("order unaccepted", e);
        assertThat(e).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("SENT");
    }

    @Test
    void refusesToSendADiscountAboveTheThresholdWithoutApproval() {
        Quotes quotes = crm.quotes(TENANT);
        Quote q = draft("30");
        quotes.addLine(q.id(), AddQuoteLine.of("chair-x7", "12").withDiscount("15"));

        Throwable e = catchThrowable(() -> quotes.send(q.id()));

        report("discount without approval", e);
        assertThat(e).isInstanceOf(IllegalTransitionException.class);
        assertThat(quotes.requestApproval(q.id()).approvalRequired()).isTrue();
        Throwable self = catchThrowable(() -> quotes.approve(q.id(), SALES));
        report("approve own discount", self);
        assertThat(self).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) self).field()).isEqualTo("approver");
        quotes.approve(q.id(), MANAGER);
        assertThat(quotes.send(q.id()).status().name()).isEqualTo("SENT");
    }

    @Test
    void refusesToMixCurrenciesInOneQuote() {
        Quote q = draft("30");

        Throwable e = catchThrowable(() -> crm.quotes(TENANT).addLine(q.id(), AddQuoteLine.of("lamp-us", "1")));

        report("mixed currency", e);
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) e).field()).isEqualTo("currency");
    }

    @Test
    void refusesANegativeQuantity() {
        Throwable e = catchThrowable(() -> AddQuoteLine.of("desk-e2", "-1"));

        report("negative quantity", e);
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) e).field()).isEqualTo("quantity");
    }

    @Test
    void refusesToDeliverAnOrderThatWasNotShipped() {
        Quotes quotes = crm.quotes(TENANT);
        Quote q = draft("30");
        quotes.addLine(q.id(), AddQuoteLine.of("desk-e2", "2"));
        quotes.send(q.id());
        quotes.accept(q.id());
        Orders orders = crm.orders(TENANT);
        backOffice.connect(orders::applyUpdate);
        Order o = orders.placeFromQuote(q.id());
        backOffice.confirm(TENANT, o.id().value());

        Throwable e = catchThrowable(() -> backOffice.deliver(TENANT, o.id().value()));

        report("deliver unshipped", e);
        assertThat(e).isInstanceOf(IllegalTransitionException.class);
        assertThat(orders.get(o.id()).status().name()).isEqualTo("CONFIRMED");
    }

    @Test
    void refusesAProductOfAnotherTenant() {
        Quote q = draft("30");

        Throwable e = catchThrowable(() -> crm.quotes(TENANT).addLine(q.id(), AddQuoteLine.of("sofa", "1")));

        report("foreign product", e);
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(((ValidationException) e).field()).isEqualTo("productId");
    }

    private static void report(String what, Throwable e) {
        System.out.println("REFUSAL " + what + " | " + (e == null ? "nothing thrown" : e.getClass().getSimpleName()
                + " | " + e.getMessage()));
    }
}
