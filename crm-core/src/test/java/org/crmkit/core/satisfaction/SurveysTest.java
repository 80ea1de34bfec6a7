package org.crmkit.core.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.junit.jupiter.api.Test;

class SurveysTest {
    private static final StaffId AGENT = StaffId.of("agent-7");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final Surveys surveys = new Surveys(f.tenant, f.storage, f.clock, f.ids, f.published::add);
    private final CampaignId spring = new CampaignId(UUID.randomUUID());

    private WorkOrder resolvedWorkOrder(DeliveredOrder order) {
        WorkOrder w = f.desk.openWorkOrder(order, "Leaks", WorkOrderPriority.HIGH, null);
        f.desk.start(w.id(), AGENT);
        return f.desk.resolve(w.id(), AGENT, "Seal replaced");
    }

    @Test
    void aSurveyAfterDeliveryCarriesCustomerOrderAndCampaign() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        SatisfactionSurvey s = surveys.sendAfterDelivery(order);
        assertThat(s.version()).isEqualTo(1);
        assertThat(s.status()).isEqualTo(SurveyStatus.SENT);
        assertThat(s.trigger()).isEqualTo(SurveyTrigger.DELIVERY);
        assertThat(s.channel()).isEqualTo(Channel.WEB);
        assertThat(s.orderId()).contains(order.orderId());
        assertThat(s.campaignId()).contains(spring);
        assertThat(f.events(SurveyEvent.Sent.class)).hasSize(1);
    }

    @Test
    void sendingAfterTheSameDeliveryTwiceSendsOnce() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        SatisfactionSurvey first = surveys.sendAfterDelivery(order, Channel.EMAIL);
        SatisfactionSurvey second = surveys.sendAfterDelivery(order);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.channel()).isEqualTo(Channel.EMAIL);
        assertThat(surveys.forOrder(order.orderId())).hasSize(1);
        assertThat(f.events(SurveyEvent.Sent.class)).hasSize(1);
    }

    @Test
    void aSurveyAfterServiceTakesCustomerOrderAndCampaignFromTheWorkOrder() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        WorkOrder w = resolvedWorkOrder(order);
        SatisfactionSurvey s = surveys.sendAfterService(w.id());
        assertThat(s.trigger()).isEqualTo(SurveyTrigger.SERVICE);
        assertThat(s.workOrderId()).contains(w.id());
        assertThat(s.orderId()).contains(order.orderId());
        assertThat(s.campaignId()).contains(spring);
        assertThat(surveys.sendAfterService(w.id()).id()).isEqualTo(s.id());
        surveys.sendAfterDelivery(order);
        assertThat(surveys.forOrder(order.orderId())).hasSize(2);
    }

    @Test
    void aSurveyAfterServiceNeedsAResolvedOrClosedWorkOrder() {
        CustomerId li = f.customer("Li Wei");
        WorkOrder open = f.desk.openWorkOrder(f.delivered(li, null, "1.00"), "Leaks", WorkOrderPriority.LOW, null);
        assertThatThrownBy(() -> surveys.sendAfterService(open.id())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("workOrderId");
        assertThatThrownBy(() -> surveys.sendAfterService(org.crmkit.core.service.WorkOrderId.of(UUID.randomUUID())))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("workOrderId");
        assertThat(surveys.forCustomer(li)).isEmpty();
    }

    @Test
    void anAnswerIsStoredOnTheSurveyAndOnTheCustomersTimelineTogether() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        SatisfactionSurvey s = surveys.sendAfterDelivery(order);
        f.tick();
        SatisfactionSurvey answered = surveys.answer(s.id(), 4, "  Quick delivery ");
        assertThat(answered.version()).isEqualTo(2);
        assertThat(answered.status()).isEqualTo(SurveyStatus.ANSWERED);
        SurveyAnswer a = surveys.get(s.id()).answer().orElseThrow();
        assertThat(a.score()).isEqualTo(4);
        assertThat(a.comment()).isEqualTo("Quick delivery");
        assertThat(a.answeredAt()).isEqualTo(f.clock.instant());
        assertThat(surveys.forCustomer(li)).extracting(SatisfactionSurvey::id).containsExactly(s.id());
        assertThat(surveys.forOrder(order.orderId())).extracting(x -> x.answer().orElseThrow().score())
                .containsExactly(4);
        TimelineEntry entry = f.customers.timeline(li).get(1);
        assertThat(entry.kind()).isEqualTo(TimelineKind.INTERACTION);
        assertThat(entry.channel()).isEqualTo(Channel.WEB);
        assertThat(entry.summary()).contains(order.orderId().toString()).contains("4 of 5").contains("Quick delivery");
        assertThat(entry.outcome()).isEqualTo("satisfaction 4/5");
        assertThat(f.events(SurveyEvent.Answered.class)).singleElement()
                .satisfies(e -> assertThat(e.score()).isEqualTo(4));
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedNamingTheFieldAndNothingIsWritten() {
        CustomerId li = f.customer("Li Wei");
        SatisfactionSurvey s = surveys.sendAfterDelivery(f.delivered(li, null, "10.00"));
        for (int bad : new int[] {0, 6, -1}) {
            assertThatThrownBy(() -> surveys.answer(s.id(), bad, null)).isInstanceOf(ValidationException.class)
                    .extracting("field").isEqualTo("score");
        }
        assertThat(surveys.get(s.id()).status()).isEqualTo(SurveyStatus.SENT);
        assertThat(f.customers.timeline(li)).hasSize(1);
    }

    @Test
    void anAnsweredOrExpiredSurveyTakesNoAnswer() {
        CustomerId li = f.customer("Li Wei");
        SatisfactionSurvey answered = surveys.sendAfterDelivery(f.delivered(li, null, "10.00"));
        surveys.answer(answered.id(), 5, null);
        assertThatThrownBy(() -> surveys.answer(answered.id(), 1, "changed my mind"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("satisfaction survey");
                    assertThat(e.state()).isEqualTo("ANSWERED");
                    assertThat(e.move()).startsWith("answer");
                });
        SatisfactionSurvey expired = surveys.sendAfterDelivery(f.delivered(li, null, "11.00"));
        assertThat(surveys.expire(expired.id()).status()).isEqualTo(SurveyStatus.EXPIRED);
        assertThatThrownBy(() -> surveys.answer(expired.id(), 3, null)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> surveys.expire(expired.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(surveys.get(answered.id()).answer().orElseThrow().score()).isEqualTo(5);
        assertThat(f.customers.timeline(li)).hasSize(2);
    }

    @Test
    void unknownSurveysAndCustomersAreRefused() {
        assertThatThrownBy(() -> surveys.answer(SurveyId.of(UUID.randomUUID()), 3, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("surveyId");
        assertThatThrownBy(() -> surveys.sendAfterDelivery(f.delivered(CustomerId.of(UUID.randomUUID()), null, "1.00")))
                .isInstanceOf(NoSuchCustomerException.class);
    }

    @Test
    void aRecordRoundTripsThroughRestore() {
        CustomerId li = f.customer("Li Wei");
        SatisfactionSurvey s = surveys.answer(surveys.sendAfterDelivery(f.delivered(li, spring, "10.00")).id(), 2,
                "Late");
        SatisfactionSurveyRecord r = f.storage.inTransaction("acme",
                x -> x.records(SatisfactionSurveyRecord.KIND).find(s.id().value()).orElseThrow());
        SatisfactionSurvey back = SatisfactionSurvey.restore(r);
        assertThat(back.answer()).isEqualTo(s.answer());
        assertThat(back.version()).isEqualTo(2);
        assertThat(back.toRecord().version()).isEqualTo(3);
    }
}
