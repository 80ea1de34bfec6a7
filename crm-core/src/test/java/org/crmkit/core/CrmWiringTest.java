package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.feedback.FeedbackKind;
import org.crmkit.core.feedback.FeedbackSource;
import org.crmkit.core.feedback.RecordFeedback;
import org.crmkit.core.loyalty.EarnRule;
import org.crmkit.core.memory.InMemoryOrderFulfillment;
import org.crmkit.core.memory.InMemoryProductCatalog;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.campaign.NoSuchCampaignException;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.flow.ConvertLead;
import org.crmkit.core.sales.flow.CustomerChoice;
import org.crmkit.core.sales.flow.LoopStep;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.lead.Lead;
import org.crmkit.core.sales.lead.LeadEvent;
import org.crmkit.core.sales.lead.LeadScore;
import org.crmkit.core.sales.lead.LeadScoringModel;
import org.crmkit.core.sales.lead.NoSuchLeadException;
import org.crmkit.core.sales.lead.ScoreReason;
import org.crmkit.core.sales.opportunity.NoSuchPipelineException;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.OpportunityFilter;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.core.sales.order.Order;
import org.crmkit.core.sales.order.OrderStatus;
import org.crmkit.core.sales.quote.AddQuoteLine;
import org.crmkit.core.sales.quote.DiscountPolicy;
import org.crmkit.core.sales.quote.DraftQuote;
import org.crmkit.core.sales.quote.NoSuchQuoteException;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.catalog.ProductRecord;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.Test;

/** {@link Crm} offers every service of the closed loop, wired to the builder's options and confined to one tenant. */
class CrmWiringTest {

    private static final StaffId SAM = StaffId.of("sam");

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");

    private static InMemoryProductCatalog catalog() {
        return InMemoryProductCatalog.builder()
                .product(new ProductRecord("acme", "chair", "SKU-1", "Chair", new MoneyRecord(new BigDecimal("100.00"),
                        "EUR"), List.of(), List.of(), true))
                .build();
    }

    private Crm.Builder builder() {
        return Crm.builder().storage(InMemoryStorage.create()).clock(clock);
    }

    private static DraftQuote draft(Crm crm, String tenant) {
        CustomerId c = crm.customers(tenant).register(RegisterCustomer.builder(CustomerType.B2C, "Wang", "sam").build())
                .id();
        PipelineId p = crm.pipelines(tenant).define("P", List.of(PipelineStage.of("S", "Start", "0.10"))).id();
        Opportunity o = crm.opportunities(tenant).open(c, SAM, "Deal", Money.of("100.00", "EUR"),
                LocalDate.of(2026, 4, 1), p, null, null);
        return new DraftQuote(c, o.id(), null, "EUR", LocalDate.of(2026, 4, 1), SAM, null, null, new BigDecimal("19"));
    }

    private static DeliveredOrder delivered(CustomerId customer, String total) {
        return new DeliveredOrder(OrderId.of(UUID.randomUUID()), customer, null, Money.of(total, "EUR"),
                java.time.Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Test
    void inMemoryOffersEveryServiceOfTheLoopForATenant() {
        Crm crm = Crm.inMemory(clock);
        TenantId acme = TenantId.of("acme");

        assertThat(crm.customers("acme").tenant()).isEqualTo(acme);
        assertThat(crm.messaging("acme")).isNotNull();
        assertThat(crm.campaigns("acme").tenant()).isEqualTo(acme);
        assertThat(crm.leads("acme").tenant()).isEqualTo(acme);
        assertThat(crm.leadConversion("acme")).isNotNull();
        assertThat(crm.pipelines("acme").tenant()).isEqualTo(acme);
        assertThat(crm.opportunities("acme").tenant()).isEqualTo(acme);
        assertThat(crm.quotes("acme").tenant()).isEqualTo(acme);
        assertThat(crm.quotes("acme").policy()).isEqualTo(DiscountPolicy.defaults());
        assertThat(crm.orders("acme").tenant()).isEqualTo(acme);
        assertThat(crm.serviceDesk("acme").tenant()).isEqualTo(acme);
        assertThat(crm.surveys("acme").tenant()).isEqualTo(acme);
        assertThat(crm.club("acme").tenant()).isEqualTo(acme);
        assertThat(crm.feedback("acme").tenant()).isEqualTo(acme);
        assertThat(crm.salesAnalytics("acme").funnel().count(LoopStep.CAMPAIGN)).isZero();
        assertThat(crm.productCatalog()).containsInstanceOf(InMemoryProductCatalog.class);
        assertThat(crm.orderFulfillment()).containsInstanceOf(InMemoryOrderFulfillment.class);
        assertThat(crm.storage()).isInstanceOf(InMemoryStorage.class);
        assertThat(crm.clock()).isSameAs(clock);
        assertThatThrownBy(() -> crm.leads(" ")).isInstanceOf(org.crmkit.spi.ValidationException.class);
    }

    @Test
    void withoutAProductCatalogQuotesAreRefusedNamingTheOption() {
        Crm crm = builder().orderFulfillment(InMemoryOrderFulfillment.create(clock)).build();

        assertThat(crm.productCatalog()).isEmpty();
        assertThatThrownBy(() -> crm.quotes("acme")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("productCatalog");
        assertThat(crm.orders("acme").tenant()).isEqualTo(TenantId.of("acme"));
        assertThat(crm.leads("acme")).isNotNull();
    }

    @Test
    void withoutAnOrderFulfillmentOrdersAreRefusedNamingTheOption() {
        Crm crm = builder().productCatalog(catalog()).build();

        assertThat(crm.orderFulfillment()).isEmpty();
        assertThatThrownBy(() -> crm.orders("acme")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orderFulfillment");
        assertThat(crm.quotes("acme").tenant()).isEqualTo(TenantId.of("acme"));
    }

    @Test
    void theBuildersDiscountThresholdDecidesWhichDiscountsNeedApproval() {
        Crm strict = builder().productCatalog(catalog()).build();
        Crm lenient = builder().productCatalog(catalog()).discountPolicy(DiscountPolicy.threshold("20")).build();

        assertThat(lenient.quotes("acme").policy()).isEqualTo(DiscountPolicy.threshold("20"));
        for (Crm crm : List.of(strict, lenient)) {
            Quote q = crm.quotes("acme").draft(draft(crm, "acme"));
            q = crm.quotes("acme").addLine(q.id(), AddQuoteLine.of("chair", "1").withDiscount("15"));
            // 15 % is above the default 10 % but not above 20 %
            assertThat(q.approvalRequired()).isEqualTo(crm == strict);
            assertThat(q.approvalThresholdPercent()).isEqualByComparingTo(crm == strict ? "10" : "20");
        }
    }

    @Test
    void theBuildersEarnRuleDecidesHowManyPointsAnOrderEarns() {
        Crm standard = builder().build();
        Crm generous = builder().earnRule(EarnRule.perWholeCurrencyUnit(10)).build();

        for (Crm crm : List.of(standard, generous)) {
            CustomerId c = crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "Li", "sam")
                    .build()).id();
            crm.club("acme").join(c);
            crm.club("acme").earnFromOrder(delivered(c, "129.99"));
            // one point per whole euro by default: 129; ten per euro: 1290
            assertThat(crm.club("acme").balance(c)).isEqualTo(crm == standard ? 129 : 1290);
        }
    }

    @Test
    void theBuildersLeadScoringModelScoresEveryLead() {
        LeadScoringModel fixed = (lead, now) -> LeadScore.of(List.of(new ScoreReason("fixed", 77, "always 77")));
        Crm crm = builder().leadScoring(fixed).build();

        Lead lead = crm.leads("acme").capture(CaptureLead.builder("Wang", SAM).email("wang@example.cn").build());

        assertThat(crm.leads("acme").scoringModel()).isSameAs(fixed);
        assertThat(lead.score().total()).isEqualTo(77);
        clock.advance(Duration.ofDays(1));
        assertThat(crm.leads("acme").contact(lead.id(), SAM).score().total()).isEqualTo(77);
        PipelineId p = crm.pipelines("acme").define("P", List.of(PipelineStage.of("S", "Start", "0.10"))).id();
        crm.leads("acme").qualify(lead.id(), SAM);
        crm.leadConversion("acme").convert(new ConvertLead(lead.id(), CustomerChoice.createNew(), p, "Deal",
                Money.of("1.00", "EUR"), LocalDate.of(2026, 4, 1), null, SAM));
        assertThat(crm.leads("acme").get(lead.id()).score().total()).as("converting keeps the model's score")
                .isEqualTo(77);
        assertThat(builder().build().leads("acme").capture(CaptureLead.builder("Wang", SAM)
                .email("wang@example.cn").build()).score().total()).as("the standard model: e-mail 20").isEqualTo(20);
    }

    @Test
    void servicesPublishCommittedEventsToTheBuildersListenersAndAFailingListenerChangesNothing() {
        List<DomainEvent> events = new ArrayList<>();
        Crm crm = builder().listener(e -> {
            throw new IllegalStateException("listener down");
        }).listener(events::add).build();

        Lead lead = crm.leads("acme").capture(CaptureLead.builder("Wang", SAM).email("wang@example.cn").build());

        assertThat(events).singleElement().isInstanceOf(LeadEvent.Captured.class);
        assertThat(crm.leads("acme").find(lead.id())).isPresent();
    }

    @Test
    void everyServiceIsConfinedToItsTenant() {
        InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
        Crm crm = builder().productCatalog(catalog()).orderFulfillment(erp).build();
        String other = "globex";

        // acme's loop, one record per service
        CustomerId customer = crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "Wang", "sam")
                .email("wang@example.cn").build()).id();
        CampaignId campaign = crm.campaigns("acme").plan(new PlanCampaign("Spring", Set.of(Channel.EMAIL),
                TargetSegment.Rule.allOf(TargetCondition.typeIn(CustomerType.B2C)), Money.of("100", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), SAM, SAM)).id();
        Lead lead = crm.leads("acme").capture(CaptureLead.builder("Wang", SAM).email("wang@example.cn")
                .campaign(campaign).build());
        crm.leads("acme").contact(lead.id(), SAM);
        crm.leads("acme").qualify(lead.id(), SAM);
        PipelineId pipeline = crm.pipelines("acme").define("P", List.of(PipelineStage.of("S", "Start", "0.10"))).id();
        var conversion = crm.leadConversion("acme").convert(new ConvertLead(lead.id(), CustomerChoice.linkTo(customer),
                pipeline, "Chairs", Money.of("100.00", "EUR"), LocalDate.of(2026, 4, 1), null, SAM));
        Quote quote = crm.quotes("acme").draft(new DraftQuote(customer, conversion.opportunity(), campaign, "EUR",
                LocalDate.of(2026, 4, 1), SAM, null, null, new BigDecimal("19")));
        crm.quotes("acme").addLine(quote.id(), AddQuoteLine.of("chair", "1"));
        crm.quotes("acme").send(quote.id());
        crm.quotes("acme").accept(quote.id());
        Order order = crm.orders("acme").placeFromQuote(quote.id());
        DeliveredOrder delivered = delivered(customer, "119.00");
        WorkOrder workOrder = crm.serviceDesk("acme").openWorkOrder(customer, WorkOrderOrigin.CALL, "Wobbles", null,
                WorkOrderPriority.NORMAL, SAM);
        SatisfactionSurvey survey = crm.surveys("acme").sendAfterDelivery(delivered);
        crm.club("acme").join(customer);
        var feedback = crm.feedback("acme").record(RecordFeedback.of(customer, FeedbackKind.COMMENT, "Nice",
                FeedbackSource.order(order.id())));

        // globex sees none of it and cannot act on it
        assertThat(crm.customers(other).find(customer)).isEmpty();
        assertThat(crm.campaigns(other).find(campaign)).isEmpty();
        assertThat(crm.leads(other).find(lead.id())).isEmpty();
        assertThatThrownBy(() -> crm.leadConversion(other).matches(lead.id())).isInstanceOf(NoSuchLeadException.class);
        assertThat(crm.pipelines(other).find(pipeline)).isEmpty();
        assertThat(crm.opportunities(other).find(conversion.opportunity())).isEmpty();
        assertThat(crm.opportunities(other).count(OpportunityFilter.all())).isZero();
        assertThat(crm.quotes(other).find(quote.id())).isEmpty();
        assertThatThrownBy(() -> crm.quotes(other).accept(quote.id())).isInstanceOf(NoSuchQuoteException.class);
        assertThat(crm.orders(other).find(order.id())).isEmpty();
        assertThatThrownBy(() -> crm.orders(other).placeFromQuote(quote.id())).isInstanceOf(NoSuchQuoteException.class);
        assertThat(crm.serviceDesk(other).findWorkOrder(workOrder.id())).isEmpty();
        assertThat(crm.surveys(other).find(survey.id())).isEmpty();
        assertThat(crm.club(other).findByCustomer(customer)).isEmpty();
        assertThat(crm.feedback(other).find(feedback.id())).isEmpty();
        assertThat(crm.salesAnalytics(other).funnel().counts().values()).containsOnly(0L);
        assertThatThrownBy(() -> crm.salesAnalytics(other).funnel(campaign)).isInstanceOf(NoSuchCampaignException.class);
        assertThatThrownBy(() -> crm.opportunities(other).open(customer, SAM, "x", Money.of("1.00", "EUR"),
                LocalDate.of(2026, 4, 1), pipeline, null, null)).isInstanceOf(
                org.crmkit.core.customer.NoSuchCustomerException.class);
        CustomerId theirs = crm.customers(other).register(RegisterCustomer.builder(CustomerType.B2C, "G", "sam")
                .build()).id();
        assertThatThrownBy(() -> crm.opportunities(other).open(theirs, SAM, "x", Money.of("1.00", "EUR"),
                LocalDate.of(2026, 4, 1), pipeline, null, null)).isInstanceOf(NoSuchPipelineException.class);

        // and acme still sees all of it
        assertThat(crm.orders("acme").get(order.id()).status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(crm.salesAnalytics("acme").funnel(campaign).count(LoopStep.ORDER)).isEqualTo(1);
    }
}
