package org.crmkit.core.loyalty.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.analytics.clv.PurchaseHistory;
import org.crmkit.core.analytics.transactions.PeriodUnit;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OrderLineRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.OrderStatusChangeRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.SurveyAnswerRecord;
import org.crmkit.spi.storage.RecordQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Scores and churn risks gathered from stored orders and surveys, against values computed by hand. */
class LoyaltyScoringTest {

    private static final double EPS = 1e-9;

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final LoyaltyScoring scoring = new LoyaltyScoring(f.tenant, f.storage, f.clock);
    private final Instant registered = f.clock.instant();
    private CustomerId li;

    /**
     * Li registers on day 0 and orders on days 10, 40 (twice) and 70, all delivered, plus an order on day
     * 50 that was cancelled and one on day 80 still on its way. Two surveys are answered (4 and 2), one is
     * not. Today is day 100.
     */
    @BeforeEach
    void liHasBoughtForAHundredDays() {
        li = f.customer("Li Wei");
        order(li, 10, "DELIVERED");
        order(li, 40, "DELIVERED");
        order(li, 40.1, "DELIVERED");
        order(li, 70, "DELIVERED");
        order(li, 50, "CANCELLED");
        order(li, 80, "SHIPPED");
        survey(li, 15, 4);
        survey(li, 75, 2);
        survey(li, 85, null);
        f.clock.advance(Duration.ofDays(100));
    }

    @Test
    void theActivityCountsDeliveredOrdersAsOnePurchasePerDay() {
        CustomerActivity a = scoring.activity(li);
        LocalDate day0 = LocalDate.of(2026, 5, 4);
        assertThat(a.asOf()).isEqualTo(day0.plusDays(100));
        assertThat(a.customerSince()).isEqualTo(day0);
        assertThat(a.purchaseDays()).containsExactly(day0.plusDays(10), day0.plusDays(40), day0.plusDays(70));
        assertThat(a.satisfactionAnswers()).containsExactlyInAnyOrder(4, 2);
        assertThat(a.tenureDays()).isEqualTo(100);
        assertThat(a.meanDaysBetweenPurchases().getAsDouble()).isEqualTo(30.0);
        assertThat(a.daysSinceLastPurchase().getAsDouble()).isEqualTo(30.0);
    }

    @Test
    void theScoreFromStoredRecordsAloneLeavesTheCognitiveSideMissing() {
        // behavioural: repeat 2/3 -> 66.667; 3 occasions in 100 days = 3 * 30.4375 / 100 = 0.913125 a month
        //   -> 100 * 0.913125 / 1.913125 = 47.7295; tenure 100 days -> 100 * 100 / 465 = 21.5054; side 45.3005
        // attitudinal: satisfaction mean 3 -> 50. Score (45.3005 + 50) / 2 = 47.6503
        LoyaltyScore s = scoring.score(li).orElseThrow();
        assertThat(s.side(LoyaltySide.BEHAVIOURAL).getAsDouble()).isCloseTo(45.3005, within(1e-4));
        assertThat(s.side(LoyaltySide.ATTITUDINAL).getAsDouble()).isCloseTo(50.0, within(EPS));
        assertThat(s.value()).isCloseTo(47.6503, within(1e-4));
        assertThat(s.missingSides()).containsExactly(LoyaltySide.COGNITIVE);
        assertThat(s.explanation().components()).filteredOn(c -> c.indicator() == LoyaltyIndicator.PURCHASE_FREQUENCY)
                .singleElement().satisfies(c -> assertThat(c.rawValue()).isCloseTo(0.913125, within(EPS)));
        // liked (attitude 50, at the cut-off) but buying less than the reference: latent loyalty
        assertThat(s.loyaltyClass()).contains(LoyaltyClass.LATENT_LOYALTY);
    }

    @Test
    void statedAnswersCompleteTheScore() {
        // attitudinal: satisfaction 50 and recommendation 8 -> 80: 65; cognitive: intention 5 -> 100
        // score (45.3005 + 65 + 100) / 3 = 70.1002
        StatedAnswers stated = StatedAnswers.none().withRecommendation(List.of(8))
                .withIntention(CognitiveInputs.onFivePointScale(List.of(5)));
        LoyaltyScore s = scoring.score(li, stated).orElseThrow();
        assertThat(s.value()).isCloseTo(70.1002, within(1e-4));
        assertThat(s.missingSides()).isEmpty();
        assertThat(s.explanation().totalContribution()).isCloseTo(s.value(), within(EPS));

        LoyaltyScore withWallet = scoring.score(li, stated.withShareOfWallet(1.0).withSatisfaction(List.of(5)))
                .orElseThrow();
        assertThat(withWallet.explanation().components()).extracting(LoyaltyComponent::indicator)
                .contains(LoyaltyIndicator.SHARE_OF_WALLET);
        assertThat(withWallet.value()).isGreaterThan(s.value());
    }

    @Test
    void churnRiskFromAFittedModelUsesTheHistoryInTheModelsUnit() {
        // x = 2, t_x = 60 / 7 weeks, T = 90 / 7 weeks; by hand 1 - P(alive) = 0.30500 for the CDNOW BG/NBD
        ChurnRisk r = scoring.churnRisk(li, ChurnRiskTest.CDNOW_BG_NBD, PeriodUnit.WEEK).orElseThrow();
        PurchaseHistory h = r.history().orElseThrow();
        assertThat(h.frequency()).isEqualTo(2.0);
        assertThat(h.recency()).isCloseTo(60.0 / 7, within(EPS));
        assertThat(h.age()).isCloseTo(90.0 / 7, within(EPS));
        assertThat(r.risk()).isCloseTo(0.30500, within(1e-5));
        assertThat(r.risk()).isEqualTo(1.0 - ChurnRiskTest.CDNOW_BG_NBD.probabilityAlive(h));
        assertThat(r.basis()).isEqualTo(ChurnBasis.MODEL);
        assertThat(r.band()).isEqualTo(ChurnRiskBand.MEDIUM);
    }

    @Test
    void withoutAModelTheFallbackIsUsedAndMarked() {
        // silent for 30 days, one mean gap: 1 - exp(-1) = 0.63212
        ChurnRisk r = scoring.churnRisk(li).orElseThrow();
        assertThat(r.isFallback()).isTrue();
        assertThat(r.basis()).isEqualTo(ChurnBasis.RECENCY_FALLBACK);
        assertThat(r.risk()).isCloseTo(0.63212, within(1e-5));
        assertThat(r.band()).isEqualTo(ChurnRiskBand.HIGH);
    }

    @Test
    void aCustomerWithOneOrderHasNoFallbackButAModelRisk() {
        CustomerId wu = f.customer("Wu Fang");
        order(wu, 90, "DELIVERED");
        assertThat(scoring.churnRisk(wu)).isEmpty();
        ChurnRisk r = scoring.churnRisk(wu, ChurnRiskTest.CDNOW_BG_NBD, PeriodUnit.WEEK).orElseThrow();
        assertThat(r.risk()).isZero();
        LoyaltyScore s = scoring.score(wu).orElseThrow();
        assertThat(s.explanation().components().get(0).rawValue()).isZero();
        assertThat(s.missingSides()).containsExactly(LoyaltySide.ATTITUDINAL, LoyaltySide.COGNITIVE);
    }

    @Test
    void aCustomerWithNothingRecordedHasNoScoreUnlessTheCallerStatesSomething() {
        CustomerId wu = f.customer("Wu Fang");
        assertThat(scoring.score(wu)).isEmpty();
        assertThat(scoring.churnRisk(wu)).isEmpty();
        assertThat(scoring.churnRisk(wu, ChurnRiskTest.CDNOW_BG_NBD, PeriodUnit.WEEK)).isEmpty();
        LoyaltyScore s = scoring.score(wu, StatedAnswers.none().withRecommendation(List.of(6))).orElseThrow();
        assertThat(s.value()).isCloseTo(60.0, within(EPS));
        assertThat(s.missingSides()).containsExactly(LoyaltySide.BEHAVIOURAL, LoyaltySide.COGNITIVE);
    }

    @Test
    void scoringIsConfinedToTheTenantAndRefusesUnknownCustomers() {
        LoyaltyScoring other = new LoyaltyScoring(TenantId.of("globex"), f.storage, f.clock);
        assertThatThrownBy(() -> other.score(li)).isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> other.churnRisk(li)).isInstanceOf(NoSuchCustomerException.class);
        assertThatThrownBy(() -> scoring.activity(CustomerId.of(UUID.randomUUID())))
                .isInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    void scoringWritesNothingAndPublishesNothing() {
        int events = f.published.size();
        long orders = orderCount();
        scoring.score(li, StatedAnswers.none().withRecommendation(List.of(9)));
        scoring.churnRisk(li);
        scoring.churnRisk(li, ChurnRiskTest.CDNOW_PARETO_NBD, PeriodUnit.WEEK);
        assertThat(f.published).hasSize(events);
        assertThat(orderCount()).isEqualTo(orders);
        assertThat(f.storage.<Long>inTransaction("acme",
                s -> s.records(SatisfactionSurveyRecord.KIND).count(RecordQuery.all()))).isEqualTo(3);
    }

    @Test
    void theEntryPointOffersTheService() {
        Crm crm = Crm.inMemory();
        LoyaltyScoring s = crm.loyaltyScoring("acme");
        assertThat(s.tenant()).isEqualTo(TenantId.of("acme"));
        assertThat(s.settings()).isEqualTo(LoyaltyScoreSettings.standard());
        assertThat(s.bands()).isEqualTo(ChurnRiskBands.standard());
    }

    // ------------------------------------------------------------------ fixture

    private long orderCount() {
        return f.storage.<Long>inTransaction("acme", s -> s.records(OrderRecord.KIND).count(RecordQuery.all()));
    }

    private void order(CustomerId customer, double day, String status) {
        Instant at = registered.plus(Duration.ofMinutes(Math.round(day * 24 * 60)));
        MoneyRecord ten = new MoneyRecord(new BigDecimal("10.00"), "EUR");
        MoneyRecord zero = new MoneyRecord(new BigDecimal("0.00"), "EUR");
        OrderRecord r = new OrderRecord(UUID.randomUUID(), "acme", 1, UUID.randomUUID(), customer.value(),
                UUID.randomUUID(), null,
                List.of(new OrderLineRecord("p-1", "P-1", "Pen", List.of(), BigDecimal.ONE, ten, ten, zero, ten)),
                ten, zero, ten, status, List.of(new OrderStatusChangeRecord(status, at, null)), null, null, null, at);
        f.storage.useTransaction("acme", s -> s.records(OrderRecord.KIND).insert(r));
    }

    private void survey(CustomerId customer, int day, Integer score) {
        Instant at = registered.plus(Duration.ofDays(day));
        SatisfactionSurveyRecord r = new SatisfactionSurveyRecord(UUID.randomUUID(), "acme", 1, customer.value(),
                null, null, null, "DELIVERY", "WEB", score == null ? "SENT" : "ANSWERED", at,
                score == null ? null : new SurveyAnswerRecord(score, null, at), score == null ? null : at);
        f.storage.useTransaction("acme", s -> s.records(SatisfactionSurveyRecord.KIND).insert(r));
    }
}
