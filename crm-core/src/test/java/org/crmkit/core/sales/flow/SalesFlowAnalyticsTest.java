package org.crmkit.core.sales.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.feedback.FeedbackKind;
import org.crmkit.core.feedback.RecordFeedback;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.campaign.Campaigns;
import org.crmkit.core.sales.campaign.NoSuchCampaignException;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.lead.Leads;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.opportunity.SalesCycle;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.OrderStatus;
import org.crmkit.core.sales.order.Orders;
import org.crmkit.core.sales.order.Tracking;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.quote.QuoteStatus;
import org.crmkit.core.sales.quote.Quotes;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link SalesFlowAnalytics} on a small loop built by hand through the services: two campaigns,
 * five leads, four conversions, quotes (one revised), three orders (two delivered through the
 * in-memory back office), a work order, a self-service session, surveys, club points and feedback.
 */
class SalesFlowAnalyticsTest {

    private static final String ACME = "acme";
    private static final StaffId SAM = StaffId.of("sam");
    private static final StaffId KIM = StaffId.of("kim");
    private static final LocalDate VALID_UNTIL = LocalDate.of(2026, 6, 30);

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock)
            .productCatalog(InMemoryProductCatalog.builder()
                    .product(product("chair", "100.00", "EUR"))
                    .product(product("lamp", "40.00", "USD"))
                    .build())
            .orderFulfillment(erp)
            .build();
    private final Campaigns campaigns = crm.campaigns(ACME);
    private final Leads leads = crm.leads(ACME);
    private final LeadConversion conversion = crm.leadConversion(ACME);
    private final Opportunities opportunities = crm.opportunities(ACME);
    private final Quotes quotes = crm.quotes(ACME);
    private final Orders orders = crm.orders(ACME);
    private final ServiceDesk desk = crm.serviceDesk(ACME);
    private final SalesFlowAnalytics analytics = crm.salesAnalytics(ACME);

    private PipelineId pipeline;
    private CampaignId spring;
    private CampaignId autumn;
    private Conversion wang;
    private Order springDelivered;
    private Order autumnDelivered;

    private static ProductRecord product(String id, String price, String currency) {
        return new ProductRecord(ACME, id, "SKU-" + id, "Product " + id, new MoneyRecord(new BigDecimal(price), currency),
                List.of(), List.of(), true);
    }

    private CampaignId launched(String name) {
        CampaignId id = campaigns.plan(new PlanCampaign(name, Set.of(Channel.EMAIL),
                TargetSegment.Rule.allOf(TargetCondition.typeIn(CustomerType.B2C)), Money.of("1000", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 12, 31), SAM, SAM)).id();
        campaigns.launch(id, SAM);
        return id;
    }

    private LeadId qualifiedLead(String name, String email, CampaignId campaign) {
        CaptureLead.Builder b = CaptureLead.builder(name, SAM).email(email);
        if (campaign != null) {
            b.campaign(campaign);
        }
        LeadId id = leads.capture(b.build()).id();
        leads.contact(id, SAM);
        leads.qualify(id, SAM);
        return id;
    }

    private Conversion convert(LeadId lead, CustomerChoice choice, String amount, StaffId owner) {
        return conversion.convert(new ConvertLead(lead, choice, pipeline, "Deal " + amount, Money.of(amount, "EUR"),
                LocalDate.of(2026, 4, 30), owner, SAM));
    }

    private Quote sentQuote(Conversion c, CampaignId campaign, String currency, String product, String quantity) {
        Quote q = quotes.draft(new DraftQuote(c.customer(), c.opportunity(), campaign, currency, VALID_UNTIL, SAM, null,
                null, new BigDecimal("19")));
        quotes.addLine(q.id(), AddQuoteLine.of(product, quantity));
        return quotes.send(q.id());
    }

    private Order delivered(Order placed) {
        UUID id = placed.id().value();
        erp.confirm(ACME, id);
        clock.advance(Duration.ofHours(2));
        erp.ship(ACME, id, "DHL", "JJD0001");
        clock.advance(Duration.ofDays(1));
        erp.deliver(ACME, id);
        return orders.get(placed.id());
    }

    private static DeliveredOrder asDelivered(Order order) {
        return new DeliveredOrder(order.id(), order.customerId(), order.campaignId().orElse(null),
                order.totals().gross(), order.tracking().flatMap(Tracking::delivered).orElseThrow());
    }

    @BeforeEach
    void buildTheLoop() {
        erp.connect(orders::applyUpdate);
        pipeline = crm.pipelines(ACME).define("Retail", List.of(PipelineStage.of("QUALIFY", "Qualification", "0.10"),
                PipelineStage.of("PROPOSAL", "Proposal", "0.50"))).id();
        spring = launched("Spring");
        autumn = launched("Autumn");
        CustomerId known = crm.customers(ACME).register(RegisterCustomer.builder(CustomerType.B2C, "Li Na", "sam")
                .email("li@example.cn").build()).id();

        // spring: three leads, two converted (one new customer, one linked to a known one), one left open
        wang = convert(qualifiedLead("Wang Fang", "wang@example.cn", spring), CustomerChoice.createNew(), "1000.00",
                null);
        Conversion li = convert(qualifiedLead("Li Na", "li@example.cn", spring), CustomerChoice.linkTo(known),
                "600.00", KIM);
        leads.capture(CaptureLead.builder("Zhao Lei", SAM).email("zhao@example.cn").campaign(spring).build());
        // autumn: one lead, converted; and one lead without campaign, converted
        Conversion max = convert(qualifiedLead("Max", "max@example.de", autumn), CustomerChoice.createNew(), "300.00",
                null);
        convert(qualifiedLead("Nobody's", "nobody@example.org", null), CustomerChoice.createNew(), "50.00", null);
        // an opportunity opened directly, from no lead
        opportunities.open(known, KIM, "Walk-in", Money.of("80.00", "EUR"), LocalDate.of(2026, 3, 20), pipeline, null,
                null);

        // quotes: wang's accepted; li's rejected, revised and accepted; max's in dollars, accepted
        Quote wangQuote = quotes.accept(sentQuote(wang, spring, "EUR", "chair", "2").id());
        Quote rejected = sentQuote(li, spring, "EUR", "chair", "1");
        quotes.reject(rejected.id(), "too expensive");
        Quote revision = quotes.revise(rejected.id(), SAM, VALID_UNTIL).revision();
        quotes.send(revision.id());
        Quote liQuote = quotes.accept(revision.id());
        Quote maxQuote = quotes.accept(sentQuote(max, autumn, "USD", "lamp", "1").id());

        // orders: wang's and max's delivered, li's only submitted
        springDelivered = delivered(orders.placeFromQuote(wangQuote.id()));
        assertThat(orders.placeFromQuote(liQuote.id()).status()).isEqualTo(OrderStatus.SUBMITTED);
        autumnDelivered = delivered(orders.placeFromQuote(maxQuote.id()));
        assertThat(springDelivered.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(quotes.get(rejected.id()).status()).isEqualTo(QuoteStatus.SUPERSEDED);

        // after sales of spring's delivered order: a work order, a self-service session that solved
        // the problem (so no second work order), an answered survey, club points, a complaint
        DeliveredOrder d = asDelivered(springDelivered);
        desk.openWorkOrder(d, "Chair arrived scratched", WorkOrderPriority.NORMAL, SAM);
        desk.publishArticle("A wobbling chair", "Tighten the four screws under the seat.", List.of("chair", "wobble"),
                SAM);
        desk.recordSelfServiceOutcome(desk.offerArticle(d, "chair wobble").session().orElseThrow().id(), true, null);
        crm.surveys(ACME).answer(crm.surveys(ACME).sendAfterDelivery(d).id(), 4, "Fine");
        crm.club(ACME).join(d.customerId());
        crm.club(ACME).earnFromOrder(d);
        crm.feedback(ACME).record(RecordFeedback.aboutOrder(d, FeedbackKind.COMPLAINT, "Scratched"));
        // autumn's delivered order: a survey never answered, and a comment
        DeliveredOrder a = asDelivered(autumnDelivered);
        crm.surveys(ACME).sendAfterDelivery(a);
        crm.feedback(ACME).record(RecordFeedback.aboutOrder(a, FeedbackKind.COMMENT, "Nice lamp"));

        // wang's opportunity is won (after its order: a won deal takes no new quote) ten days after it was opened
        Instant opened = opportunities.get(wang.opportunity()).createdAt();
        clock.advance(Duration.between(clock.instant(), opened.plus(Duration.ofDays(10))));
        opportunities.win(wang.opportunity(), "best price", null, SAM);
    }

    private static Optional<BigDecimal> rate(String value) {
        return Optional.of(new BigDecimal(value));
    }

    @Test
    void theFunnelOfACampaignCountsWhatEachStepMadeFromItWithRatesBetweenConsecutiveSteps() {
        LoopFunnel f = analytics.funnel(spring);

        assertThat(f.counts()).isEqualTo(Map.ofEntries(Map.entry(LoopStep.CAMPAIGN, 1L), Map.entry(LoopStep.LEAD, 3L),
                Map.entry(LoopStep.CUSTOMER, 2L), Map.entry(LoopStep.OPPORTUNITY, 2L), Map.entry(LoopStep.QUOTE, 2L),
                Map.entry(LoopStep.ORDER, 2L), Map.entry(LoopStep.SERVICE, 1L), Map.entry(LoopStep.SELF_SERVICE, 1L),
                Map.entry(LoopStep.SATISFACTION, 1L), Map.entry(LoopStep.CLUB, 1L), Map.entry(LoopStep.FEEDBACK, 1L)));
        assertThat(f.rate(LoopStep.CAMPAIGN)).isEqualTo(rate("3.0000"));     // 3 leads / 1 campaign
        assertThat(f.rate(LoopStep.LEAD)).isEqualTo(rate("0.6667"));         // 2 customers / 3 leads = 0.66666..
        assertThat(f.rate(LoopStep.CUSTOMER)).isEqualTo(rate("1.0000"));     // 2 opportunities / 2 customers
        assertThat(f.rate(LoopStep.OPPORTUNITY)).isEqualTo(rate("1.0000"));  // 2 quotes (the superseded one not counted)
        assertThat(f.rate(LoopStep.QUOTE)).isEqualTo(rate("1.0000"));        // 2 orders / 2 quotes
        assertThat(f.rate(LoopStep.ORDER)).isEqualTo(rate("0.5000"));        // 1 work order / 2 orders
        assertThat(f.rate(LoopStep.SERVICE)).isEqualTo(rate("1.0000"));
        assertThat(f.rate(LoopStep.SELF_SERVICE)).isEqualTo(rate("1.0000"));
        assertThat(f.rate(LoopStep.SATISFACTION)).isEqualTo(rate("1.0000"));
        assertThat(f.rate(LoopStep.CLUB)).isEqualTo(rate("1.0000"));
        assertThatThrownBy(() -> f.rate(LoopStep.FEEDBACK)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FEEDBACK");
        assertThat(f.transitions()).hasSize(LoopStep.values().length - 1);
        assertThat(f.transitions().get(1)).isEqualTo(new LoopFunnel.Transition(LoopStep.LEAD, LoopStep.CUSTOMER, 3, 2,
                rate("0.6667")));
    }

    @Test
    void aRateIsEmptyWhereTheEarlierStepMadeNothing() {
        LoopFunnel f = analytics.funnel(autumn);

        assertThat(f.count(LoopStep.LEAD)).isEqualTo(1);
        assertThat(f.count(LoopStep.CUSTOMER)).isEqualTo(1);
        assertThat(f.count(LoopStep.OPPORTUNITY)).isEqualTo(1);
        assertThat(f.count(LoopStep.QUOTE)).isEqualTo(1);
        assertThat(f.count(LoopStep.ORDER)).isEqualTo(1);
        assertThat(f.count(LoopStep.SERVICE)).isZero();
        assertThat(f.count(LoopStep.SELF_SERVICE)).isZero();
        assertThat(f.count(LoopStep.SATISFACTION)).as("a survey sent but not answered").isZero();
        assertThat(f.count(LoopStep.CLUB)).isZero();
        assertThat(f.count(LoopStep.FEEDBACK)).isEqualTo(1);
        assertThat(f.rate(LoopStep.ORDER)).isEqualTo(rate("0.0000"));        // 0 work orders / 1 order
        assertThat(f.rate(LoopStep.SERVICE)).isEmpty();                      // 0 work orders: no rate
        assertThat(f.rate(LoopStep.SELF_SERVICE)).isEmpty();
        assertThat(f.rate(LoopStep.SATISFACTION)).isEmpty();
        assertThat(f.rate(LoopStep.CLUB)).as("feedback without club points: still no rate").isEmpty();
    }

    @Test
    void theFunnelOfTheTenantCountsEveryRecordOfEveryStep() {
        LoopFunnel f = analytics.funnel();

        assertThat(f.count(LoopStep.CAMPAIGN)).isEqualTo(2);
        assertThat(f.count(LoopStep.LEAD)).isEqualTo(5);
        assertThat(f.count(LoopStep.CUSTOMER)).isEqualTo(4);        // the customers converted leads became
        assertThat(f.count(LoopStep.OPPORTUNITY)).isEqualTo(5);     // four from leads, one walk-in
        assertThat(f.count(LoopStep.QUOTE)).isEqualTo(3);
        assertThat(f.count(LoopStep.ORDER)).isEqualTo(3);
        assertThat(f.count(LoopStep.SERVICE)).isEqualTo(1);
        assertThat(f.count(LoopStep.SELF_SERVICE)).isEqualTo(1);
        assertThat(f.count(LoopStep.SATISFACTION)).isEqualTo(1);
        assertThat(f.count(LoopStep.CLUB)).isEqualTo(1);
        assertThat(f.count(LoopStep.FEEDBACK)).isEqualTo(2);
        assertThat(f.rate(LoopStep.CAMPAIGN)).isEqualTo(rate("2.5000"));     // 5 / 2
        assertThat(f.rate(LoopStep.LEAD)).isEqualTo(rate("0.8000"));         // 4 / 5
        assertThat(f.rate(LoopStep.CUSTOMER)).isEqualTo(rate("1.2500"));     // 5 / 4
        assertThat(f.rate(LoopStep.OPPORTUNITY)).isEqualTo(rate("0.6000"));  // 3 / 5
        assertThat(f.rate(LoopStep.QUOTE)).isEqualTo(rate("1.0000"));        // 3 / 3
        assertThat(f.rate(LoopStep.ORDER)).isEqualTo(rate("0.3333"));        // 1 / 3 = 0.33333..
        assertThat(f.rate(LoopStep.CLUB)).isEqualTo(rate("2.0000"));         // 2 feedback / 1 club: above 1
    }

    @Test
    void anotherTenantSeesAnEmptyLoopAndNoneOfTheseCampaigns() {
        SalesFlowAnalytics globex = crm.salesAnalytics("globex");

        LoopFunnel f = globex.funnel();
        assertThat(f.counts().values()).containsOnly(0L);
        assertThat(f.transitions()).allSatisfy(t -> assertThat(t.rate()).isEmpty());
        assertThatThrownBy(() -> globex.funnel(spring)).isInstanceOf(NoSuchCampaignException.class);
        assertThatThrownBy(() -> globex.campaignReturn(spring)).isInstanceOf(NoSuchCampaignException.class);
    }

    @Test
    void anUnknownCampaignIsRefusedNamingTheField() {
        CampaignId unknown = CampaignId.of(UUID.randomUUID());
        assertThatThrownBy(() -> analytics.campaignReturn(unknown)).isInstanceOfSatisfying(
                NoSuchCampaignException.class, e -> assertThat(e.field()).isEqualTo("campaignId"))
                .hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> analytics.funnel(unknown)).isInstanceOf(NoSuchCampaignException.class);
    }

    @Test
    void theReturnOfACampaignIsItsDeliveredRevenuePlusOtherAttributedRevenueOverItsCost() {
        // wang's order: 2 chairs × 100.00 = 200.00 net, 19% tax 38.00, gross 238.00; revenue is the net
        // (tax collected for the state is not what the campaign earned)
        assertThat(springDelivered.totals().gross()).isEqualTo(Money.of("238.00", "EUR"));
        assertThat(springDelivered.totals().net()).isEqualTo(Money.of("200.00", "EUR"));
        campaigns.recordCost(spring, Money.of("9000.00", "EUR"));
        campaigns.recordCost(spring, Money.of("600.00", "EUR"));
        // the delivered order attributed by hand as well: counted once
        campaigns.attributeRevenue(spring, springDelivered.id().value(), Money.of("200.00", "EUR"));
        // a sale at a trade fair, not an order of the loop
        campaigns.attributeRevenue(spring, UUID.randomUUID(), Money.of("100.00", "EUR"));

        CampaignReturn r = analytics.campaignReturn(spring);

        assertThat(r.campaign()).isEqualTo(spring);
        assertThat(r.cost()).isEqualTo(Money.of("9600.00", "EUR"));
        assertThat(r.revenue()).isEqualTo(Money.of("300.00", "EUR"));      // 200.00 + 100.00
        assertThat(r.deliveredOrders()).as("li's order is only submitted").isEqualTo(1);
        assertThat(r.otherCurrencyOrders()).isZero();
        // 300.00 / 9600.00 = 0.03125 exactly: half up gives 0.0313 (half even would give 0.0312)
        assertThat(r.returnOnCost()).contains(new BigDecimal("0.0313"));
    }

    @Test
    void withoutCostThereIsNoReturnAndAnOrderInAnotherCurrencyIsLeftOutButCounted() {
        // max's order is in dollars: 40.00 + 19% = 47.60 USD, not added to a euro campaign
        assertThat(autumnDelivered.totals().gross()).isEqualTo(Money.of("47.60", "USD"));

        CampaignReturn r = analytics.campaignReturn(autumn);

        assertThat(r.cost()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(r.revenue()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(r.deliveredOrders()).isEqualTo(1);
        assertThat(r.otherCurrencyOrders()).isEqualTo(1);
        assertThat(r.returnOnCost()).isEmpty();
    }

    @Test
    void revenueAttributedByHandForAnOrderLeftOutForItsCurrencyCounts() {
        // the dollar order, converted to euros by hand: the only revenue of the campaign in its currency
        campaigns.attributeRevenue(autumn, autumnDelivered.id().value(), Money.of("44.00", "EUR"));
        campaigns.recordCost(autumn, Money.of("33.00", "EUR"));

        CampaignReturn r = analytics.campaignReturn(autumn);

        assertThat(r.revenue()).isEqualTo(Money.of("44.00", "EUR"));
        assertThat(r.otherCurrencyOrders()).isEqualTo(1);
        assertThat(r.returnOnCost()).contains(new BigDecimal("1.3333"));   // 44 / 33 = 1.33333..
    }

    @Test
    void forecastAndSalesCycleAreThoseOfTheOpportunities() {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 4, 30);

        assertThat(analytics.forecast(from, to)).isEqualTo(opportunities.forecast(from, to));
        // open: li's 600.00 (kim), max's 300.00 and nobody's 50.00 (sam), the walk-in 80.00 (kim); wang's is won
        assertThat(analytics.forecast(from, to).line(SAM, "EUR")).hasValueSatisfying(line -> {
            assertThat(line.count()).isEqualTo(2);
            assertThat(line.total()).isEqualTo(Money.of("350.00", "EUR"));
            assertThat(line.weighted()).isEqualTo(Money.of("35.00", "EUR"));       // 10 % of 350.00
        });
        assertThat(analytics.forecast(from, to).line(KIM, "EUR")).hasValueSatisfying(line -> {
            assertThat(line.count()).isEqualTo(2);
            assertThat(line.total()).isEqualTo(Money.of("680.00", "EUR"));
        });
        SalesCycle cycle = analytics.averageSalesCycle();
        assertThat(cycle).isEqualTo(opportunities.averageSalesCycle());
        assertThat(cycle.won()).isEqualTo(1);
        assertThat(cycle.average()).contains(Duration.ofDays(10));
        assertThat(crm.salesAnalytics("globex").averageSalesCycle().won()).isZero();
        assertThat(opportunities.get(wang.opportunity()).salesCycle()).contains(Duration.ofDays(10));
    }

    @Test
    void everyOrderThatEarnedPointsCountsOnceForTheClubStep() {
        // a second deal with wang's customer, in the same campaign
        Opportunity more = opportunities.open(wang.customer(), SAM, "More chairs", Money.of("100.00", "EUR"),
                LocalDate.of(2026, 5, 31), pipeline, spring, null);
        Quote again = quotes.accept(sentQuote(new Conversion(wang.lead(), wang.customer(), false, more.id(), List.of()),
                spring, "EUR", "chair", "1").id());
        DeliveredOrder second = asDelivered(delivered(orders.placeFromQuote(again.id())));
        crm.club(ACME).earnFromOrder(second);
        crm.club(ACME).earnFromOrder(second); // posted once
        crm.club(ACME).redeem(wang.customer(), 50, "gift-1", "a cushion"); // not an earning

        LoopFunnel f = analytics.funnel(spring);

        assertThat(f.count(LoopStep.ORDER)).isEqualTo(3);
        assertThat(f.count(LoopStep.CLUB)).as("two orders of one member earned points").isEqualTo(2);
        assertThat(f.rate(LoopStep.SATISFACTION)).isEqualTo(rate("2.0000"));   // 2 earnings / 1 answered survey
        assertThat(f.rate(LoopStep.CLUB)).isEqualTo(rate("0.5000"));           // 1 feedback / 2 earnings
    }
}
