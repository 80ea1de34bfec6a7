package org.crmkit.core.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.loyalty.CustomerClub;
import org.crmkit.core.loyalty.PointsPosting;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.satisfaction.SatisfactionSurvey;
import org.crmkit.core.satisfaction.SurveyStatus;
import org.crmkit.core.satisfaction.Surveys;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.SelfServiceOutcome;
import org.crmkit.core.service.SelfServiceSession;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderStatus;
import org.junit.jupiter.api.Test;

/**
 * The after-sales half of the closed loop (domain §9), end to end on in-memory storage: a
 * delivered order → self-service → work order → satisfaction → club → feedback back to the
 * campaign that started it.
 */
class AfterSalesLoopTest {
    private static final StaffId AGENT = StaffId.of("agent-7");

    private final AfterSalesFixture f = new AfterSalesFixture();
    private final Surveys surveys = new Surveys(f.tenant, f.storage, f.clock, f.ids, f.published::add);
    private final CustomerClub club = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, f.published::add);
    private final FeedbackService feedback = new FeedbackService(f.tenant, f.storage, f.clock, f.ids,
            f.published::add);

    @Test
    void aDeliveredOrderRunsThroughServiceSatisfactionClubAndFeedbackBackToItsCampaign() {
        f.desk.publishArticle("Washing machine leaks", "Check that the door seal sits in its groove.",
                List.of("washer", "leak", "seal"), StaffId.of("editor"));
        CampaignId spring = new CampaignId(UUID.randomUUID());
        CustomerId li = f.customer("Li Wei");
        DeliveredOrder order = f.delivered(li, spring, "1299.50");

        // self-service: the article is offered, it does not help, a work order opens with the session
        f.tick();
        SelfServiceSession session = f.desk.offerArticle(order, "washer leak on the floor").session().orElseThrow();
        f.tick();
        SelfServiceOutcome outcome = f.desk.recordSelfServiceOutcome(session.id(), false, null);
        WorkOrder w = outcome.workOrder().orElseThrow();
        assertThat(w.origin()).isEqualTo(WorkOrderOrigin.SELF_SERVICE);
        assertThat(f.desk.findSession(session.id()).orElseThrow().workOrderId()).contains(w.id());

        // service: the work order is worked and resolved
        f.tick();
        f.desk.start(w.id(), AGENT);
        f.tick();
        assertThat(f.desk.resolve(w.id(), AGENT, "Pump replaced").status()).isEqualTo(WorkOrderStatus.RESOLVED);

        // satisfaction: a survey after service, answered; on the survey and on the customer's timeline
        f.tick();
        SatisfactionSurvey survey = surveys.sendAfterService(w.id());
        f.tick();
        surveys.answer(survey.id(), 2, "Took a week to fix");
        assertThat(surveys.forOrder(order.orderId())).singleElement()
                .satisfies(s -> assertThat(s.status()).isEqualTo(SurveyStatus.ANSWERED));
        assertThat(surveys.forCustomer(li)).extracting(s -> s.answer().orElseThrow().score()).containsExactly(2);
        assertThat(f.customers.timeline(li)).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.REGISTERED, TimelineKind.INTERACTION);

        // club: the customer joins and the order earns its points once, even if posted twice
        f.tick();
        club.join(li);
        assertThat(club.earnFromOrder(order).status()).isEqualTo(PointsPosting.Status.POSTED);
        assertThat(club.earnFromOrder(order).status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(club.balance(li)).isEqualTo(1299);

        // feedback: the complaint from the survey is visible from the campaign that started the loop
        f.tick();
        Feedback complaint = feedback.record(RecordFeedback.of(li, FeedbackKind.COMPLAINT,
                "A week without a washing machine", FeedbackSource.survey(survey.id())));
        assertThat(feedback.forCampaign(spring)).extracting(Feedback::id).containsExactly(complaint.id());
        assertThat(complaint.orderId()).contains(order.orderId());
        assertThat(feedback.customersFor(spring, FeedbackKind.COMPLAINT)).containsExactly(li);
        f.desk.close(w.id(), AGENT);
        assertThat(f.desk.getWorkOrder(w.id()).status()).isEqualTo(WorkOrderStatus.CLOSED);
    }
}
