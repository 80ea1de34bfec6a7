package org.crmkit.core.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.kpi.KpiScenario.ACME;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Interaction;
import org.crmkit.core.customer.PostalAddress;
import org.crmkit.core.customer.Purpose;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link Kpis} on a month of a small shop built through the real services (the Tiandi case, domain
 * §14): two salespeople (sam, kim), two service staff (tom, ann), three customers, five deals and
 * four work orders. Every expected number is worked out by hand in the comments.
 *
 * <pre>
 * deal 1  sam  Li    2 chair  (net 200.00, gross 238.00)  delivered March, campaign Spring
 * deal 2  sam  Li    1 desk   (net 300.00, gross 357.00)  delivered March
 * deal 3  kim  Wang  3 lamp + 1 chair (net 220.00, gross 261.80)  delivered March, campaign Spring
 * deal 4  kim  Zhao  1 desk   placed, never delivered
 * deal 5  sam  Zhao  1 chair  delivered in April
 * deal 6  kim  Wang  1 radio  (USD 50.00, gross USD 59.50)  delivered March
 * </pre>
 */
class KpisTest {

    private static final StaffId SAM = StaffId.of("sam");
    private static final StaffId KIM = StaffId.of("kim");
    private static final StaffId TOM = StaffId.of("tom");
    private static final StaffId ANN = StaffId.of("ann");
    private static final KpiPeriod MARCH = KpiPeriod.month(YearMonth.of(2026, 3));

    private final KpiScenario sc = new KpiScenario();
    private final Kpis kpis = sc.crm.kpis(ACME);
    private CustomerId li;
    private CustomerId wang;
    private CustomerId zhao;
    private CampaignId spring;
    private KpiScenario.Deal deal1;
    private KpiScenario.Deal deal3;
    private KpiScenario.Deal deal4;

    @BeforeEach
    void aMonthOfTheShop() {
        li = sc.customer("Li Na", "sam", "li@example.cn");
        wang = sc.customer("Wang Fang", "kim", "wang@example.cn");
        zhao = sc.customer("Zhao Lei", "sam", "zhao@example.cn");
        spring = sc.campaign("Spring", SAM);
        sc.crm.campaigns(ACME).recordCost(spring, Money.of("500.00", "EUR"));

        deal1 = sc.deal(li, SAM, spring, "EUR", true, "chair", "2");
        KpiScenario.Deal deal2 = sc.deal(li, SAM, null, "EUR", true, "desk", "1");
        deal3 = sc.deal(wang, KIM, spring, "EUR", true, "lamp", "3", "chair", "1");
        deal4 = sc.deal(zhao, KIM, null, "EUR", false, "desk", "1");
        KpiScenario.Deal deal6 = sc.deal(wang, KIM, null, "USD", true, "radio", "1");
        sc.crm.opportunities(ACME).win(deal1.opportunity().id(), "price", null, SAM);
        sc.crm.opportunities(ACME).win(deal2.opportunity().id(), "price", null, SAM);
        sc.crm.opportunities(ACME).win(deal3.opportunity().id(), "service", null, KIM);
        sc.crm.opportunities(ACME).win(deal6.opportunity().id(), "service", null, KIM);
        sc.crm.opportunities(ACME).lose(deal4.opportunity().id(), "too dear", null, KIM);

        // service: tom closes a HIGH (rated 5) and a NORMAL (rated 2) work order; ann closes an
        // URGENT one nobody rated and resolves a LOW one she has not closed yet
        Surveys surveys = sc.crm.surveys(ACME);
        WorkOrderId w1 = sc.service(deal1, WorkOrderPriority.HIGH, TOM, true);
        WorkOrderId w2 = sc.service(deal3, WorkOrderPriority.NORMAL, TOM, true);
        sc.service(deal2, WorkOrderPriority.URGENT, ANN, true);
        sc.service(deal2, WorkOrderPriority.LOW, ANN, false);
        surveys.answer(surveys.sendAfterService(w1, Channel.PHONE).id(), 5, null);
        surveys.answer(surveys.sendAfterService(w2, Channel.PHONE).id(), 2, "slow");
        // surveys after delivery: deal 1 answered 4 (e-mail), deal 3 answered 3 (web), deal 2 never answered
        surveys.answer(surveys.sendAfterDelivery(deal1.delivered(), Channel.EMAIL).id(), 4, null);
        surveys.answer(surveys.sendAfterDelivery(deal3.delivered(), Channel.WEB).id(), 3, null);
        surveys.sendAfterDelivery(deal2.delivered(), Channel.EMAIL);

        // contacts and profiles
        sc.crm.customers(ACME).recordInteraction(li, Interaction.now(Channel.PHONE, SAM, "Called about the desk"));
        sc.crm.customers(ACME).recordInteraction(wang, Interaction.now(Channel.PHONE, KIM, "Called about lamps"));
        sc.crm.customers(ACME).recordInteraction(zhao, Interaction.now(Channel.EMAIL, KIM, "Sent the desk offer"));
        sc.crm.customers(ACME).change(li, c -> {
            c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "web form 7");
            c.addPostalAddress(PostalAddress.of("Main St 1", "Berlin", null, "10115", "DE"));
        });
        sc.crm.customers(ACME).change(wang, c -> c.recordAttribute(AttributeCategory.INTERNAL, "age",
                AttributeValue.of(34)));
        sc.crm.serviceDesk(ACME).publishArticle("A wobbling chair", "Tighten the screws.", List.of("chair"), ANN);

        // April: deal 5 delivered
        sc.at("2026-04-10T10:00:00Z");
        sc.deal(zhao, SAM, null, "EUR", true, "chair", "1");
    }

    private static KpiDefinition kpi(Measure measure, String target, String currency, KpiOwner owner) {
        return new KpiDefinition(measure.name(), "Measured for the test", measure, new BigDecimal(target),
                Direction.HIGHER_IS_BETTER, currency, null, TimeFrame.fixed(MARCH), owner);
    }

    private KpiResult march(Measure measure, String target, String currency, KpiOwner owner) {
        return kpis.evaluate(kpi(measure, target, currency, owner), MARCH);
    }

    // ------------------------------------------------------------------ measures

    @Test
    void wonOpportunityAmountAddsTheOwnersDealsWonInThePeriodInTheCurrency() {
        // every deal was opened at 100.00: sam won deals 1 and 2; kim won 3 (EUR) and 6 (USD, left out), lost 4
        KpiResult sam = march(Measure.WON_OPPORTUNITY_AMOUNT, "150.00", "EUR", KpiOwner.staff(SAM));
        assertThat(sam.actual()).contains(new BigDecimal("200.00"));
        assertThat(sam.figures()).hasSize(2).allSatisfy(f -> assertThat(f.kind()).isEqualTo("opportunity"));
        assertThat(sam.met()).isTrue();
        assertThat(sam.attainmentPercent()).contains(new BigDecimal("133.33"));   // 200 / 150

        KpiResult kim = march(Measure.WON_OPPORTUNITY_AMOUNT, "150.00", "EUR", KpiOwner.staff(KIM));
        assertThat(kim.actual()).contains(new BigDecimal("100.00"));
        assertThat(kim.notes()).singleElement().asString().contains("USD");
        assertThat(kim.met()).isFalse();
        assertThat(kim.attainmentPercent()).contains(new BigDecimal("66.67"));    // 100 / 150
    }

    @Test
    void deliveredOrdersAndRevenueCountTheOrdersOfTheOwnersOpportunitiesDeliveredInThePeriod() {
        assertThat(march(Measure.DELIVERED_ORDERS, "2", null, KpiOwner.staff(SAM)).actual())
                .contains(BigDecimal.valueOf(2));                                   // deals 1, 2 (5 is April's)
        assertThat(march(Measure.DELIVERED_ORDERS, "2", null, KpiOwner.staff(KIM)).actual())
                .contains(BigDecimal.valueOf(2));                                   // deals 3, 6 (4 not delivered)
        assertThat(march(Measure.DELIVERED_ORDERS, "2", null, KpiOwner.team("sales", Set.of(SAM, KIM))).actual())
                .contains(BigDecimal.valueOf(4));
        KpiResult revenue = march(Measure.DELIVERED_REVENUE, "1000.00", "EUR", KpiOwner.company());
        assertThat(revenue.actual()).contains(new BigDecimal("720.00"));           // 200 + 300 + 220 net
        assertThat(revenue.figures()).extracting(KpiFigure::recordId).contains(deal1.orderId(), deal3.orderId())
                .doesNotContain(deal4.orderId());
        assertThat(revenue.notes()).singleElement().asString().contains("USD");
        assertThat(revenue.attainmentPercent()).contains(new BigDecimal("72.00"));
    }

    @Test
    void surveyMeasuresAttributeServiceSurveysToTheAssigneeAndDeliverySurveysToTheSalesperson() {
        KpiResult company = march(Measure.CSAT, "80", null, KpiOwner.company());
        // answers 5, 2 (service), 4, 3 (delivery): 2 of 4 satisfied = 50 %
        assertThat(company.actual()).contains(new BigDecimal("50.00"));
        assertThat(company.figures()).hasSize(4);
        assertThat(company.met()).isFalse();
        assertThat(march(Measure.AVERAGE_SURVEY_SCORE, "4", null, KpiOwner.company()).actual())
                .contains(new BigDecimal("3.50"));                                  // 14 / 4
        assertThat(march(Measure.AVERAGE_SURVEY_SCORE, "4", null, KpiOwner.staff(TOM)).actual())
                .contains(new BigDecimal("3.50"));                                  // (5 + 2) / 2
        assertThat(march(Measure.AVERAGE_SURVEY_SCORE, "4", null, KpiOwner.staff(SAM)).actual())
                .contains(new BigDecimal("4.00"));                                  // deal 1's answer
        assertThat(march(Measure.CSAT, "80", null, KpiOwner.staff(KIM)).actual())
                .contains(new BigDecimal("0.00"));                                  // deal 3's 3
        KpiResult nobody = march(Measure.CSAT, "80", null, KpiOwner.staff(ANN));
        assertThat(nobody.actual()).isEmpty();
        assertThat(nobody.met()).isFalse();
        assertThat(nobody.attainmentPercent()).isEmpty();
    }

    @Test
    void workOrdersResolvedCountEachWorkOrderTheOwnerResolvedInThePeriod() {
        assertThat(march(Measure.WORK_ORDERS_RESOLVED, "3", null, KpiOwner.staff(TOM)).actual())
                .contains(BigDecimal.valueOf(2));
        KpiResult ann = march(Measure.WORK_ORDERS_RESOLVED, "3", null, KpiOwner.staff(ANN));
        assertThat(ann.actual()).contains(BigDecimal.valueOf(2));                  // the closed and the open one
        assertThat(ann.attainmentPercent()).contains(new BigDecimal("66.67"));
    }

    @Test
    void campaignReturnIsDeliveredRevenueOverCostOfTheOwnersCampaigns() {
        // Spring: deals 1 and 3 delivered, 200.00 + 220.00 = 420.00 net (tax is not earned) over 500.00 cost
        KpiResult r = march(Measure.CAMPAIGN_RETURN, "1", "EUR", KpiOwner.staff(SAM));
        assertThat(r.actual()).contains(new BigDecimal("0.8400"));
        assertThat(r.met()).isFalse();
        assertThat(r.attainmentPercent()).contains(new BigDecimal("84.00"));
        assertThat(r.figures()).singleElement().satisfies(f -> {
            assertThat(f.recordId()).isEqualTo(spring.value());
            assertThat(f.value()).isEqualByComparingTo("420.00");
        });
        // a sale at a trade fair attributed by hand counts too; deal 1 attributed by hand again does not
        sc.crm.campaigns(ACME).attributeRevenue(spring, deal1.orderId(), Money.of("200.00", "EUR"));
        sc.crm.campaigns(ACME).attributeRevenue(spring, java.util.UUID.randomUUID(), Money.of("130.00", "EUR"));
        KpiResult more = march(Measure.CAMPAIGN_RETURN, "1", "EUR", KpiOwner.staff(SAM));
        assertThat(more.actual()).contains(new BigDecimal("1.1000"));               // 550.00 / 500.00
        assertThat(more.met()).isTrue();
        KpiResult kim = march(Measure.CAMPAIGN_RETURN, "1", "EUR", KpiOwner.staff(KIM));
        assertThat(kim.actual()).as("kim owns no campaign: no cost, no return").isEmpty();
        assertThat(kim.notes()).isNotEmpty();
    }

    @Test
    void newCustomersAndPublishedArticlesCountWhatTheOwnerBroughtIn() {
        assertThat(march(Measure.NEW_CUSTOMERS, "1", null, KpiOwner.staff(SAM)).actual())
                .contains(BigDecimal.valueOf(2));                                   // li and zhao
        assertThat(march(Measure.NEW_CUSTOMERS, "1", null, KpiOwner.staff(KIM)).actual())
                .contains(BigDecimal.ONE);
        assertThat(kpis.evaluate(kpi(Measure.NEW_CUSTOMERS, "1", null, KpiOwner.company()),
                KpiPeriod.month(YearMonth.of(2026, 4))).actual()).contains(BigDecimal.ZERO);
        assertThat(march(Measure.KNOWLEDGE_ARTICLES_PUBLISHED, "1", null, KpiOwner.staff(ANN)).met()).isTrue();
        assertThat(march(Measure.KNOWLEDGE_ARTICLES_PUBLISHED, "1", null, KpiOwner.staff(TOM)).actual())
                .contains(BigDecimal.ZERO);
    }

    @Test
    void aRecurringKpiIsEvaluatedOverTheCurrentMonthOfTheClock() {
        // the clock is in April: only deal 5 was delivered then
        KpiDefinition monthly = new KpiDefinition("Orders a month", "Delivered orders of sam each month",
                Measure.DELIVERED_ORDERS, BigDecimal.ONE, Direction.HIGHER_IS_BETTER, null, "Grow sales",
                TimeFrame.monthly(), KpiOwner.staff(SAM));
        KpiResult april = kpis.evaluate(monthly);
        assertThat(april.period()).isEqualTo(KpiPeriod.month(YearMonth.of(2026, 4)));
        assertThat(april.actual()).contains(BigDecimal.ONE);
        assertThat(april.met()).isTrue();
        assertThat(kpis.evaluateAll(List.of(monthly, monthly))).containsExactly(april, april);
    }

    @Test
    void aLowerIsBetterKpiIsMetAtOrBelowItsTarget() {
        KpiDefinition fewer = new KpiDefinition("Few open problems", "Work orders ann had to resolve",
                Measure.WORK_ORDERS_RESOLVED, new BigDecimal("4"), Direction.LOWER_IS_BETTER, null, null,
                TimeFrame.fixed(MARCH), KpiOwner.staff(ANN));
        KpiResult r = kpis.evaluate(fewer, MARCH);
        assertThat(r.met()).isTrue();
        assertThat(r.attainmentPercent()).contains(new BigDecimal("200.00"));      // 4 / 2
    }

    @Test
    void theEnterpriseScorecardGroupsKpisByThePerspectiveOfTheirMeasure() {
        EnterpriseScorecard card = kpis.enterpriseScorecard(List.of(
                kpi(Measure.DELIVERED_REVENUE, "500.00", "EUR", KpiOwner.company()),
                kpi(Measure.CSAT, "80", null, KpiOwner.company()),
                kpi(Measure.WORK_ORDERS_RESOLVED, "3", null, KpiOwner.company()),
                kpi(Measure.KNOWLEDGE_ARTICLES_PUBLISHED, "1", null, KpiOwner.company())));
        assertThat(card.perspective(EnterprisePerspective.FINANCIAL)).singleElement()
                .satisfies(r -> assertThat(r.actual()).contains(new BigDecimal("720.00")));
        assertThat(card.met(EnterprisePerspective.FINANCIAL)).isEqualTo(1);
        assertThat(card.met(EnterprisePerspective.CUSTOMER)).isZero();                // 50 % < 80 %
        assertThat(card.met(EnterprisePerspective.INTERNAL_PROCESS)).isEqualTo(1);    // 4 resolved
        assertThat(card.met(EnterprisePerspective.LEARNING_AND_GROWTH)).isEqualTo(1);
        assertThat(kpis.enterpriseScorecard(List.of()).results()).hasSize(4)
                .allSatisfy((p, results) -> assertThat(results).isEmpty());
    }

    // ------------------------------------------------------------------ staff evaluation

    @Test
    void theSalesGrossMarginMethodRanksSalespeopleByTheMarginOfTheirDeliveredOrders() {
        UnitCosts costs = UnitCosts.of(Map.of("chair", Money.of("60.00", "EUR"), "desk", Money.of("210.00", "EUR")));
        StaffRanking<MarginRow> ranking = kpis.salesGrossMargin(MARCH, "EUR", costs);

        // sam: chairs 200.00 - 2 × 60.00 = 80.00, desk 300.00 - 210.00 = 90.00: margin 170.00
        // kim: chair 100.00 - 60.00 = 40.00; lamps 120.00 have no cost; the radio is in USD
        assertThat(ranking.rows()).extracting(MarginRow::rank, MarginRow::staff).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, SAM), org.assertj.core.groups.Tuple.tuple(2, KIM));
        MarginRow sam = ranking.row(SAM).orElseThrow();
        assertThat(sam.revenue()).isEqualTo(Money.of("500.00", "EUR"));
        assertThat(sam.cost()).isEqualTo(Money.of("330.00", "EUR"));
        assertThat(sam.margin()).isEqualTo(Money.of("170.00", "EUR"));
        assertThat(sam.uncostedRevenue()).isEqualTo(Money.of("0.00", "EUR"));
        MarginRow kim = ranking.row(KIM).orElseThrow();
        assertThat(kim.margin()).isEqualTo(Money.of("40.00", "EUR"));
        assertThat(kim.uncostedRevenue()).isEqualTo(Money.of("120.00", "EUR"));
        assertThat(kim.lines()).hasSize(2).filteredOn(l -> !l.costed()).singleElement().satisfies(l -> {
            assertThat(l.productId()).isEqualTo("lamp");
            assertThat(l.quantity()).isEqualByComparingTo("3");
            assertThat(l.margin()).isEmpty();
        });
        assertThat(ranking.notes()).singleElement().asString().contains("USD");
        assertThat(ranking.total()).isEqualByComparingTo("210.00");
    }

    @Test
    void aUnitCostInAnotherCurrencyIsRefusedNamingTheField() {
        UnitCosts dollars = UnitCosts.of(Map.of("chair", Money.of("60.00", "USD")));
        assertThatThrownBy(() -> kpis.salesGrossMargin(MARCH, "EUR", dollars)).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("unitCosts"));
        assertThatThrownBy(() -> kpis.salesGrossMargin(MARCH, "EURO", p -> Optional.empty()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> UnitCosts.of(Map.of("chair", Money.of("-1.00", "EUR"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("negative");
    }

    @Test
    void theSalesPointsMethodGivesPointsPerUnitByProduct() {
        StaffRanking<PointsRow> ranking = kpis.salesPoints(MARCH, PointsTable.of(Map.of("chair", new BigDecimal("2"),
                "desk", new BigDecimal("5"), "radio", new BigDecimal("1.5"))));
        // sam: 2 chairs × 2 + 1 desk × 5 = 9; kim: 3 lamps × 0 (not in the table) + 1 chair × 2 + 1 radio × 1.5 = 3.5
        assertThat(ranking.rows()).extracting(PointsRow::staff).containsExactly(SAM, KIM);
        assertThat(ranking.row(SAM).orElseThrow().points()).isEqualByComparingTo("9");
        PointsRow kim = ranking.row(KIM).orElseThrow();
        assertThat(kim.points()).isEqualByComparingTo("3.5");
        assertThat(kim.lines()).filteredOn(l -> l.productId().equals("lamp")).singleElement()
                .satisfies(l -> {
                    assertThat(l.pointsPerUnit()).isEmpty();
                    assertThat(l.points()).isEqualByComparingTo("0");
                });
        assertThat(ranking.total()).isEqualByComparingTo("12.5");
    }

    @Test
    void theServiceScoreMethodWeightsPointsByTheCustomersRating() {
        StaffRanking<ServiceRow> ranking = kpis.serviceScore(MARCH, ServicePoints.defaults());
        // tom: HIGH 3 × 5/5 = 3 + NORMAL 2 × 2/5 = 0.8 → 3.8; ann: URGENT 4 unrated × 3/5 = 2.4 (her LOW one is not closed)
        assertThat(ranking.rows()).extracting(ServiceRow::staff).containsExactly(TOM, ANN);
        ServiceRow tom = ranking.row(TOM).orElseThrow();
        assertThat(tom.score()).isEqualByComparingTo("3.8");
        assertThat(tom.rated()).isEqualTo(2);
        assertThat(tom.lines()).extracting(ServiceLine::rating).containsExactlyInAnyOrder(Optional.of(5),
                Optional.of(2));
        ServiceRow ann = ranking.row(ANN).orElseThrow();
        assertThat(ann.score()).isEqualByComparingTo("2.4");
        assertThat(ann.lines()).singleElement().satisfies(l -> {
            assertThat(l.rating()).isEmpty();
            assertThat(l.ratingUsed()).isEqualByComparingTo("3");
            assertThat(l.priority()).isEqualTo(WorkOrderPriority.URGENT);
        });
        StaffRanking<ServiceRow> strict = kpis.serviceScore(MARCH,
                ServicePoints.defaults().withUnratedRating(BigDecimal.ZERO));
        assertThat(strict.row(ANN).orElseThrow().score()).isEqualByComparingTo("0");
        assertThat(kpis.serviceScore(KpiPeriod.month(YearMonth.of(2026, 4)), ServicePoints.flat(BigDecimal.ONE))
                .rows()).isEmpty();
    }

    @Test
    void equalScoresShareARank() {
        StaffRanking<PointsRow> flat = kpis.salesPoints(MARCH, PointsTable.of(Map.of()));
        assertThat(flat.rows()).extracting(PointsRow::rank).containsExactly(1, 1);
        assertThat(flat.rows()).extracting(PointsRow::staff).containsExactly(KIM, SAM);   // ties by staff id
    }

    // ------------------------------------------------------------------ customer-centric scorecard

    @Test
    void theCustomerScorecardComputesEachPerspectiveFromTheRecords() {
        CustomerScorecard card = kpis.customerScorecard(MARCH, "EUR");

        // value: deals 1, 2, 3, 6 delivered; li bought twice, wang twice (one in USD)
        assertThat(card.value().deliveredOrders()).isEqualTo(4);
        assertThat(card.value().buyingCustomers()).isEqualTo(2);
        assertThat(card.value().repeatCustomers()).isEqualTo(2);
        assertThat(card.value().repeatPurchaseRate()).contains(new BigDecimal("100.00"));
        assertThat(card.value().deliveredNet()).isEqualTo(Money.of("720.00", "EUR"));     // 200 + 300 + 220
        assertThat(card.value().averageValuePerCustomer()).contains(Money.of("360.00", "EUR"));
        assertThat(card.value().otherCurrencyOrders()).isEqualTo(1);

        assertThat(card.satisfaction()).isEqualTo(new CustomerScorecard.Satisfaction(4, 2,
                Optional.of(new BigDecimal("50.00")), Optional.of(new BigDecimal("3.50"))));

        // interaction: e-mail 2 surveys sent, 1 answered; web 1/1; phone 2/2. Interactions (answers
        // are on the timeline too): phone 2 calls + 2 answers, e-mail 1 + 1, web 1; over 3 customers
        CustomerScorecard.Interaction in = card.interaction();
        assertThat(in.customers()).isEqualTo(3);
        assertThat(in.channels()).extracting(CustomerScorecard.ChannelFigures::channel)
                .containsExactly("EMAIL", "PHONE", "WEB");
        assertThat(in.channel("EMAIL")).contains(new CustomerScorecard.ChannelFigures("EMAIL", 2, 1,
                Optional.of(new BigDecimal("50.00")), 2, Optional.of(new BigDecimal("0.6667"))));
        assertThat(in.channel("PHONE")).contains(new CustomerScorecard.ChannelFigures("PHONE", 2, 2,
                Optional.of(new BigDecimal("100.00")), 4, Optional.of(new BigDecimal("1.3333"))));
        assertThat(in.channel("WEB").orElseThrow().interactions()).isEqualTo(1);

        // knowledge: 3 e-mails, 1 consent (li), 1 attribute (wang), 1 address (li): 6 of 12 checks
        assertThat(card.knowledge()).isEqualTo(new CustomerScorecard.Knowledge(3, 3, 1, 1, 1,
                Optional.of(new BigDecimal("50.00"))));
    }

    @Test
    void aScorecardOfAnEmptyTenantHasNoRatesAndAnotherTenantSeesNothingOfThisOne() {
        CustomerScorecard empty = sc.crm.kpis("globex").customerScorecard(MARCH, "EUR");
        assertThat(empty.value().repeatPurchaseRate()).isEmpty();
        assertThat(empty.value().averageValuePerCustomer()).isEmpty();
        assertThat(empty.satisfaction().csat()).isEmpty();
        assertThat(empty.interaction().channels()).isEmpty();
        assertThat(empty.knowledge().completeness()).isEmpty();
        assertThat(sc.crm.kpis("globex").salesPoints(MARCH, PointsTable.of(Map.of())).rows()).isEmpty();
    }

    @Test
    void aScorecardBeforeAnyoneRegisteredHasAnEmptyCustomerBase() {
        CustomerScorecard feb = kpis.customerScorecard(KpiPeriod.month(YearMonth.of(2026, 2)), "EUR");
        assertThat(feb.knowledge().customers()).isZero();
        assertThat(feb.value().deliveredOrders()).isZero();
        assertThat(kpis.customerScorecard(KpiPeriod.between(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30)),
                "EUR").value().deliveredOrders()).isEqualTo(5);
    }
}
