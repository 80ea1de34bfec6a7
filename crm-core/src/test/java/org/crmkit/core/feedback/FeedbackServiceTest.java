package org.crmkit.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.satisfaction.SurveyId;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class FeedbackServiceTest {
    private static final StaffId AGENT = StaffId.of("agent-7");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final FeedbackService feedback = new FeedbackService(f.tenant, f.storage, f.clock, f.ids,
            f.published::add);
    private final Surveys surveys = new Surveys(f.tenant, f.storage, f.clock, f.ids, f.published::add);
    private final CampaignId spring = new CampaignId(UUID.randomUUID());

    @Test
    void directFeedbackIsRecordedWithItsSourceAndCampaign() {
        CustomerId li = f.customer("Li Wei");
        Feedback fb = feedback.record(RecordFeedback.of(li, FeedbackKind.PRODUCT_IDEA, " A blue one, please ",
                FeedbackSource.direct()).withCampaign(spring).by(AGENT));
        assertThat(fb.version()).isEqualTo(1);
        assertThat(fb.status()).isEqualTo(FeedbackStatus.RECORDED);
        assertThat(fb.text()).isEqualTo("A blue one, please");
        assertThat(fb.source().kind()).isEqualTo(FeedbackSourceKind.DIRECT);
        assertThat(fb.recordedBy()).contains(AGENT);
        assertThat(feedback.forCampaign(spring)).extracting(Feedback::id).containsExactly(fb.id());
        assertThat(feedback.forCustomer(li)).extracting(Feedback::id).containsExactly(fb.id());
        assertThat(f.events(FeedbackEvent.Recorded.class)).hasSize(1);
    }

    @Test
    void feedbackFromASurveyTakesCampaignAndOrderFromIt() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        SatisfactionSurvey survey = surveys.sendAfterDelivery(order);
        Feedback fb = feedback.record(RecordFeedback.of(li, FeedbackKind.COMPLAINT, "Two days late",
                FeedbackSource.survey(survey.id())));
        assertThat(fb.campaignId()).contains(spring);
        assertThat(fb.orderId()).contains(order.orderId());
        assertThat(feedback.forOrder(order.orderId())).extracting(Feedback::id).containsExactly(fb.id());
        assertThat(feedback.forCampaign(spring, FeedbackKind.COMPLAINT)).hasSize(1);
        assertThat(feedback.forCampaign(spring, FeedbackKind.COMMENT)).isEmpty();
    }

    @Test
    void feedbackFromAWorkOrderTakesCampaignAndOrderFromIt() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "129.99");
        WorkOrder w = f.desk.openWorkOrder(order, "Leaks", WorkOrderPriority.HIGH, null);
        Feedback fb = feedback.record(RecordFeedback.of(li, FeedbackKind.COMMENT, "The engineer was kind",
                FeedbackSource.workOrder(w.id())));
        assertThat(fb.campaignId()).contains(spring);
        assertThat(fb.orderId()).contains(order.orderId());
    }

    @Test
    void feedbackAboutAnOrderCarriesTheOrdersCampaign() {
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "10.00");
        Feedback fb = feedback.record(RecordFeedback.aboutOrder(order, FeedbackKind.COMMENT, "Nice box"));
        assertThat(fb.source()).isEqualTo(FeedbackSource.order(order.orderId()));
        assertThat(fb.orderId()).contains(order.orderId());
        assertThat(fb.campaignId()).contains(spring);
    }

    @Test
    void feedbackThatContradictsItsSourceIsRefusedNamingTheField() {
        CustomerId li = f.customer("Li Wei");
        CustomerId wang = f.customer("Wang Fang");
        SatisfactionSurvey survey = surveys.sendAfterDelivery(f.delivered(li, spring, "10.00"));
        assertThatThrownBy(() -> feedback.record(RecordFeedback.of(wang, FeedbackKind.COMMENT, "x",
                FeedbackSource.survey(survey.id())))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("customerId");
        assertThatThrownBy(() -> feedback.record(RecordFeedback.of(li, FeedbackKind.COMMENT, "x",
                FeedbackSource.survey(survey.id())).withCampaign(new CampaignId(UUID.randomUUID()))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("campaignId");
        assertThatThrownBy(() -> feedback.record(RecordFeedback.of(li, FeedbackKind.COMMENT, "x",
                FeedbackSource.survey(SurveyId.of(UUID.randomUUID()))))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("source.id");
        assertThatThrownBy(() -> feedback.record(RecordFeedback.of(CustomerId.of(UUID.randomUUID()),
                FeedbackKind.COMMENT, "x", FeedbackSource.direct()))).isInstanceOf(NoSuchCustomerException.class);
        assertThat(feedback.forCustomer(li)).isEmpty();
    }

    @Test
    void badCommandsAreRefusedNamingTheField() {
        CustomerId li = CustomerId.of(UUID.randomUUID());
        assertThatThrownBy(() -> RecordFeedback.of(li, FeedbackKind.COMMENT, " ", FeedbackSource.direct()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("text");
        assertThatThrownBy(() -> RecordFeedback.of(li, null, "x", FeedbackSource.direct()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("kind");
        assertThatThrownBy(() -> new FeedbackSource(FeedbackSourceKind.SURVEY, null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("source.id");
        assertThatThrownBy(() -> new FeedbackSource(FeedbackSourceKind.DIRECT, UUID.randomUUID()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("source.id");
    }

    @Test
    void feedbackIsAcknowledgedThenRoutedToMarketingAndNoOtherWay() {
        CustomerId li = f.customer("Li Wei");
        Feedback fb = feedback.record(RecordFeedback.of(li, FeedbackKind.COMPLAINT, "Late",
                FeedbackSource.direct()).withCampaign(spring));
        assertThatThrownBy(() -> feedback.routeToMarketing(fb.id(), AGENT))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("feedback");
                    assertThat(e.state()).isEqualTo("RECORDED");
                });
        assertThat(feedback.get(fb.id()).version()).isEqualTo(1);
        assertThat(feedback.acknowledge(fb.id(), AGENT).status()).isEqualTo(FeedbackStatus.ACKNOWLEDGED);
        assertThatThrownBy(() -> feedback.acknowledge(fb.id(), AGENT)).isInstanceOf(IllegalTransitionException.class);
        Feedback routed = feedback.routeToMarketing(fb.id(), AGENT);
        assertThat(routed.status()).isEqualTo(FeedbackStatus.ROUTED_TO_MARKETING);
        assertThat(routed.version()).isEqualTo(3);
        assertThat(f.events(FeedbackEvent.RoutedToMarketing.class)).singleElement()
                .satisfies(e -> assertThat(e.campaignId()).isEqualTo(spring));
    }

    @Test
    void theNextCampaignCanTargetTheCustomersWhoComplained() {
        CustomerId li = f.customer("Li Wei");
        CustomerId wang = f.customer("Wang Fang");
        CustomerId chen = f.customer("Chen Jie");
        feedback.record(RecordFeedback.of(li, FeedbackKind.COMPLAINT, "Late", FeedbackSource.direct())
                .withCampaign(spring));
        feedback.record(RecordFeedback.of(wang, FeedbackKind.COMPLAINT, "Broken", FeedbackSource.direct())
                .withCampaign(spring));
        feedback.record(RecordFeedback.of(li, FeedbackKind.COMPLAINT, "Still late", FeedbackSource.direct())
                .withCampaign(spring));
        feedback.record(RecordFeedback.of(chen, FeedbackKind.PRODUCT_IDEA, "Blue", FeedbackSource.direct())
                .withCampaign(spring));
        assertThat(feedback.customersFor(spring, FeedbackKind.COMPLAINT)).containsExactly(li, wang);
        assertThat(feedback.customersFor(spring, FeedbackKind.PRODUCT_IDEA)).containsExactly(chen);
        assertThat(feedback.forCampaign(new CampaignId(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void unknownFeedbackIsRefusedNamingTheField() {
        assertThatThrownBy(() -> feedback.acknowledge(FeedbackId.of(UUID.randomUUID()), AGENT))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("feedbackId");
        assertThat(feedback.forOrder(OrderId.of(UUID.randomUUID()))).isEmpty();
    }
}
