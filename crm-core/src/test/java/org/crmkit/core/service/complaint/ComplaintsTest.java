package org.crmkit.core.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.service.complaint.ComplaintFixture.AGENT;
import static org.crmkit.core.service.complaint.ComplaintFixture.LEAD;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.service.ServiceDesk;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderOrigin;
import org.crmkit.core.service.WorkOrderPriority;
import org.crmkit.core.service.WorkOrderStatus;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ComplaintRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.StaleWriteException;
import org.junit.jupiter.api.Test;

class ComplaintsTest {

    private final ComplaintFixture f = new ComplaintFixture();
    private final Complaints complaints = f.complaints;
    private final CustomerId li = f.customer("Li Wei");

    // ------------------------------------------------------------------ step 1: receive

    @Test
    void aReceivedComplaintIsStoredWithWhoWhenWhereAndACourteousAcknowledgement() {
        Complaint c = f.complain(li, ComplaintCategory.DELIVERY);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.status()).isEqualTo(ComplaintStatus.RECEIVED);
        Complaint stored = complaints.get(c.id());
        assertThat(stored.customerId()).isEqualTo(li);
        assertThat(stored.channel()).isEqualTo(Channel.PHONE);
        assertThat(stored.category()).isEqualTo(ComplaintCategory.DELIVERY);
        assertThat(stored.text()).isEqualTo("The parcel arrived late and the box was crushed.");
        assertThat(stored.receivedBy()).contains(AGENT);
        assertThat(stored.receivedAt()).isEqualTo(Instant.parse("2026-05-04T10:00:00Z"));
        assertThat(stored.acknowledgement()).startsWith("Thank you for telling us, and we are sorry")
                .contains(c.id().toString()).endsWith("within 48 hours.");
        assertThat(stored.awaitingAnswerSince()).contains(stored.receivedAt());
        assertThat(stored.steps()).extracting(ComplaintStep::what).containsExactly(ComplaintStepKind.RECEIVED);
        assertThat(f.events(ComplaintEvent.Received.class)).singleElement().satisfies(e -> {
            assertThat(e.complaintId()).isEqualTo(c.id());
            assertThat(e.acknowledgement()).isEqualTo(stored.acknowledgement());
            assertThat(e.repeatOf()).isNull();
        });
    }

    @Test
    void theCommandMayBringItsOwnAcknowledgementAndTheCustomerMayFileAlone() {
        Complaint c = complaints.receive(ReceiveComplaint.of(li, Channel.WEB, ComplaintCategory.PRODUCT,
                "It broke on day two.", null).withAcknowledgement("  Dear Li, we are so sorry.  "));
        assertThat(c.acknowledgement()).isEqualTo("Dear Li, we are so sorry.");
        assertThat(c.receivedBy()).isEmpty();
    }

    @Test
    void blankTextIsRefusedNamingTheFieldAndStoresNothing() {
        assertThatThrownBy(() -> ReceiveComplaint.of(li, Channel.PHONE, ComplaintCategory.PRODUCT, "  ", AGENT))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("text"));
        assertThat(complaints.forCustomer(li)).isEmpty();
    }

    @Test
    void anUnknownCustomerIsRefusedAndNothingIsStored() {
        CustomerId stranger = CustomerId.of(UUID.randomUUID());
        assertThatThrownBy(() -> f.complain(stranger, ComplaintCategory.PRODUCT))
                .isInstanceOf(NoSuchCustomerException.class);
        assertThat(f.count(ComplaintRecord.KIND)).isZero();
        assertThat(f.published).noneMatch(ComplaintEvent.class::isInstance);
        assertThatThrownBy(() -> complaints.summary(stranger)).isInstanceOf(NoSuchCustomerException.class);
    }

    // ------------------------------------------------------------------ steps 2 and 3

    @Test
    void theExpectationMovesTheComplaintUnderInvestigationAndMayBeRevised() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        f.advance(Duration.ofMinutes(5));
        complaints.recordExpectation(c.id(), ExpectedRemedy.REFUND, "Half the price back", AGENT);
        Complaint revised = complaints.recordExpectation(c.id(), ExpectedRemedy.REPLACEMENT, "A new one", null);
        assertThat(revised.status()).isEqualTo(ComplaintStatus.UNDER_INVESTIGATION);
        assertThat(revised.expectation()).hasValueSatisfying(e -> {
            assertThat(e.remedy()).isEqualTo(ExpectedRemedy.REPLACEMENT);
            assertThat(e.by()).isNull();
        });
        assertThat(complaints.get(c.id()).expectations()).extracting(Expectation::remedy)
                .containsExactly(ExpectedRemedy.REFUND, ExpectedRemedy.REPLACEMENT);
        assertThat(f.events(ComplaintEvent.ExpectationRecorded.class)).hasSize(2);
    }

    @Test
    void eachActionKeepsWhoWhenAndWhat() {
        Complaint c = f.complain(li, ComplaintCategory.DELIVERY);
        f.advance(Duration.ofHours(1));
        complaints.recordAction(c.id(), "Called the carrier", AGENT);
        f.advance(Duration.ofHours(1));
        Complaint after = complaints.recordAction(c.id(), "Sent a new box", LEAD);
        assertThat(after.status()).isEqualTo(ComplaintStatus.UNDER_INVESTIGATION);
        assertThat(complaints.get(c.id()).actions()).extracting(ComplaintAction::by, ComplaintAction::what,
                        ComplaintAction::at)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AGENT, "Called the carrier",
                                Instant.parse("2026-05-04T11:00:00Z")),
                        org.assertj.core.groups.Tuple.tuple(LEAD, "Sent a new box",
                                Instant.parse("2026-05-04T12:00:00Z")));
        assertThat(f.events(ComplaintEvent.ActionTaken.class)).hasSize(2);
    }

    @Test
    void anActionWithoutStaffOrWordsIsRefused() {
        Complaint c = f.complain(li, ComplaintCategory.DELIVERY);
        assertThatThrownBy(() -> complaints.recordAction(c.id(), "Called", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("by"));
        assertThatThrownBy(() -> complaints.recordAction(c.id(), " ", AGENT))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("action"));
        assertThat(complaints.get(c.id()).version()).isEqualTo(1);
    }

    @Test
    void aWorkOrderOpenedForAComplaintIsLinkedByTheAction() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        f.advance(Duration.ofMinutes(10));
        ComplaintWorkOrder both = complaints.openWorkOrder(c.id(), "Replace the hinge", WorkOrderPriority.HIGH, AGENT);
        WorkOrder w = both.workOrder();
        assertThat(w.origin()).isEqualTo(WorkOrderOrigin.COMPLAINT);
        assertThat(w.customerId()).isEqualTo(li);
        assertThat(w.description()).hasValueSatisfying(d -> assertThat(d).contains(c.id().toString()));
        assertThat(f.desk.getWorkOrder(w.id()).status()).isEqualTo(WorkOrderStatus.OPEN);
        Complaint stored = complaints.get(c.id());
        assertThat(stored.actions()).singleElement().satisfies(a -> {
            assertThat(a.workOrder()).contains(w.id());
            assertThat(a.by()).isEqualTo(AGENT);
        });
        assertThat(stored.status()).isEqualTo(ComplaintStatus.UNDER_INVESTIGATION);
        assertThat(f.events(ComplaintEvent.ActionTaken.class)).singleElement()
                .satisfies(e -> assertThat(e.workOrderId()).isEqualTo(w.id()));
    }

    @Test
    void noWorkOrderIsOpenedForAClosedComplaint() {
        Complaint c = answered();
        complaints.close(c.id(), LEAD);
        assertThatThrownBy(() -> complaints.openWorkOrder(c.id(), "Too late", WorkOrderPriority.LOW, AGENT))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("complaint");
                    assertThat(e.state()).isEqualTo("CLOSED");
                    assertThat(e.move()).startsWith("open work order");
                });
        assertThat(f.count(WorkOrderRecord.KIND)).isZero();
    }

    @Test
    void theWorkOrderAndItsLinkAreWrittenTogetherOrNotAtAll() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        f.desk.registerAgent(AGENT, "Agent", java.util.List.of(), 2, null);
        // a dispatch strategy that breaks its contract fails the unit of work after the work order is built
        ServiceDesk broken = new ServiceDesk(f.tenant, f.storage, f.clock, f.ids, f.published::add,
                org.crmkit.core.service.ServiceLevelPolicy.defaults(), (request, candidates) -> {
                    throw new IllegalStateException("dispatch failed");
                });
        Complaints failing = new Complaints(f.tenant, f.storage, f.clock, f.ids, f.published::add, broken);
        int published = f.published.size();

        assertThatThrownBy(() -> failing.openWorkOrder(c.id(), "Swap it", WorkOrderPriority.HIGH, AGENT))
                .isInstanceOf(IllegalStateException.class);

        assertThat(f.count(WorkOrderRecord.KIND)).isZero();
        Complaint stored = complaints.get(c.id());
        assertThat(stored.version()).isEqualTo(c.version());
        assertThat(stored.actions()).isEmpty();
        assertThat(f.published).hasSize(published);
    }

    // ------------------------------------------------------------------ step 4: answer

    @Test
    void theTimeToAnswerIsMeasuredFromReceipt() {
        Complaint c = f.complain(li, ComplaintCategory.BILLING);
        f.advance(Duration.ofHours(3));
        complaints.recordAction(c.id(), "Checked the invoice", AGENT);
        f.advance(Duration.ofHours(2));
        Complaint a = complaints.answer(c.id(), "We refund the double charge today.", AGENT);
        assertThat(a.status()).isEqualTo(ComplaintStatus.ANSWERED);
        assertThat(a.timeToAnswer()).contains(Duration.ofHours(5));
        assertThat(a.answer()).hasValueSatisfying(x -> assertThat(x.text()).startsWith("We refund"));
        assertThat(a.awaitingAnswerSince()).isEmpty();
        assertThat(f.events(ComplaintEvent.Answered.class)).singleElement()
                .satisfies(e -> assertThat(e.timeToAnswer()).isEqualTo(Duration.ofHours(5)));
    }

    @Test
    void aQuickAnswerNeedsNoInvestigationButASecondAnswerIsRefused() {
        Complaint c = f.complain(li, ComplaintCategory.STAFF);
        complaints.answer(c.id(), "We apologise; we spoke to the driver.", AGENT);
        assertThatThrownBy(() -> complaints.answer(c.id(), "Again", AGENT))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(complaints.get(c.id()).version()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ step 5: follow-up

    @Test
    void theFollowUpRecordsScoreAndComment() {
        Complaint c = answered();
        Complaint followed = complaints.followUp(c.id(), 4, "Quick, thanks", null);
        assertThat(followed.status()).isEqualTo(ComplaintStatus.FOLLOWED_UP);
        assertThat(complaints.get(c.id()).followUps()).singleElement().satisfies(x -> {
            assertThat(x.score()).isEqualTo(4);
            assertThat(x.commentText()).contains("Quick, thanks");
            assertThat(x.satisfied()).isTrue();
        });
        assertThat(f.events(ComplaintEvent.FollowedUp.class)).singleElement()
                .satisfies(e -> assertThat(e.score()).isEqualTo(4));
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedNamingTheField() {
        Complaint c = answered();
        for (int score : new int[] {0, 6, -1}) {
            assertThatThrownBy(() -> complaints.followUp(c.id(), score, null, AGENT))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("score"));
        }
        assertThat(complaints.get(c.id()).status()).isEqualTo(ComplaintStatus.ANSWERED);
    }

    @Test
    void aFollowUpBeforeTheAnswerIsRefused() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        assertThatThrownBy(() -> complaints.followUp(c.id(), 5, null, AGENT))
                .isInstanceOfSatisfying(IllegalTransitionException.class,
                        e -> assertThat(e.state()).isEqualTo("RECEIVED"));
        assertThat(complaints.get(c.id()).followUps()).isEmpty();
    }

    // ------------------------------------------------------------------ step 6: close, reopen

    @Test
    void closingWithoutAnAnswerIsRefusedClearlyAndChangesNothing() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        complaints.recordAction(c.id(), "Looked at photos", AGENT);
        int published = f.published.size();
        assertThatThrownBy(() -> complaints.close(c.id(), LEAD))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("complaint");
                    assertThat(e.id()).isEqualTo(c.id().value());
                    assertThat(e.state()).isEqualTo("UNDER_INVESTIGATION");
                    assertThat(e.move()).startsWith("close without an answer");
                });
        Complaint stored = complaints.get(c.id());
        assertThat(stored.status()).isEqualTo(ComplaintStatus.UNDER_INVESTIGATION);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(f.published).hasSize(published);
    }

    @Test
    void aClosedComplaintIsFinal() {
        Complaint c = answered();
        complaints.followUp(c.id(), 5, null, AGENT);
        Complaint closed = complaints.close(c.id(), LEAD);
        assertThat(closed.status()).isEqualTo(ComplaintStatus.CLOSED);
        assertThatThrownBy(() -> complaints.reopen(c.id(), "Still broken", null))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> complaints.recordAction(c.id(), "more", AGENT))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(f.events(ComplaintEvent.Closed.class)).hasSize(1);
    }

    @Test
    void reopeningWaitsForANewAnswerButKeepsTheFirstAnswerTime() {
        Complaint c = answered();
        f.advance(Duration.ofHours(10));
        Complaint reopened = complaints.reopen(c.id(), "The refund never came", null);
        assertThat(reopened.status()).isEqualTo(ComplaintStatus.UNDER_INVESTIGATION);
        assertThat(reopened.answer()).isEmpty();
        assertThat(reopened.awaitingAnswerSince()).contains(f.clock.instant());
        f.advance(Duration.ofHours(1));
        Complaint again = complaints.answer(c.id(), "Refunded now, with a voucher.", LEAD);
        assertThat(again.answers()).hasSize(2);
        assertThat(again.timeToAnswer()).contains(Duration.ofHours(2));
        assertThat(f.events(ComplaintEvent.Reopened.class)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("The refund never came"));
    }

    // ------------------------------------------------------------------ queries

    @Test
    void repeatsWithinTheWindowAreFlaggedAndSummarised() {
        Complaint first = f.complain(li, ComplaintCategory.DELIVERY);
        f.advance(Duration.ofDays(30));
        Complaint other = f.complain(li, ComplaintCategory.BILLING);
        f.advance(Duration.ofDays(60));
        Complaint second = f.complain(li, ComplaintCategory.DELIVERY);
        f.advance(Duration.ofDays(91));
        Complaint third = f.complain(li, ComplaintCategory.DELIVERY);
        assertThat(first.isRepeat()).isFalse();
        assertThat(other.isRepeat()).isFalse();
        assertThat(second.repeatOf()).contains(first.id());
        assertThat(third.isRepeat()).isFalse();
        assertThat(complaints.repeatsForCustomer(li)).extracting(Complaint::id).containsExactly(second.id());
        assertThat(f.events(ComplaintEvent.Received.class)).extracting(ComplaintEvent.Received::repeatOf)
                .containsExactly(null, null, first.id(), null);
        ComplaintSummary summary = complaints.summary(li);
        assertThat(summary).isEqualTo(new ComplaintSummary(li, 4, 4, 1, Optional.of(third.receivedAt())));
    }

    @Test
    void theRepeatWindowIsConfigurableAndItsBoundIsIncluded() {
        ComplaintFixture g = new ComplaintFixture(ComplaintPolicy.defaults().withRepeatWindow(Duration.ofDays(7)));
        CustomerId ann = g.customer("Ann");
        Complaint first = g.complain(ann, ComplaintCategory.PRODUCT);
        g.advance(Duration.ofDays(7));
        Complaint second = g.complain(ann, ComplaintCategory.PRODUCT);
        g.advance(Duration.ofDays(7).plusSeconds(1));
        Complaint third = g.complain(ann, ComplaintCategory.PRODUCT);
        assertThat(second.repeatOf()).contains(first.id());
        assertThat(third.isRepeat()).isFalse();
    }

    @Test
    void openAndAllComplaintsOfACustomerComeOldestFirst() {
        CustomerId bo = f.customer("Bo");
        Complaint a = answered();
        complaints.close(a.id(), LEAD);
        f.advance(Duration.ofMinutes(1));
        Complaint b = f.complain(li, ComplaintCategory.STAFF);
        f.complain(bo, ComplaintCategory.STAFF);
        assertThat(complaints.forCustomer(li)).extracting(Complaint::id).containsExactly(a.id(), b.id());
        assertThat(complaints.openForCustomer(li)).extracting(Complaint::id).containsExactly(b.id());
        assertThat(complaints.summary(li)).isEqualTo(new ComplaintSummary(li, 1, 2, 0, Optional.of(b.receivedAt())));
    }

    @Test
    void overdueAnswersAreThoseWaitingLongerThanTheTarget() {
        Complaint old = f.complain(li, ComplaintCategory.PRODUCT);
        f.advance(Duration.ofHours(10));
        Complaint younger = f.complain(li, ComplaintCategory.SERVICE);
        Complaint answered = f.complain(li, ComplaintCategory.BILLING);
        complaints.answer(answered.id(), "Done", AGENT);
        f.advance(Duration.ofHours(38));
        assertThat(complaints.overdueAnswers()).isEmpty(); // exactly 48 h is not yet overdue
        f.advance(Duration.ofSeconds(1));
        assertThat(complaints.overdueAnswers()).extracting(Complaint::id).containsExactly(old.id());
        f.advance(Duration.ofHours(10));
        assertThat(complaints.overdueAnswers()).extracting(Complaint::id).containsExactly(old.id(), younger.id());
        assertThat(complaints.withPolicy(ComplaintPolicy.defaults().withAnswerTarget(Duration.ofDays(30)))
                .overdueAnswers()).isEmpty();
    }

    @Test
    void aReopenedComplaintIsDueAgainFromItsReopening() {
        Complaint c = answered();
        f.advance(Duration.ofDays(10));
        complaints.reopen(c.id(), null, null);
        assertThat(complaints.overdueAnswers()).isEmpty();
        f.advance(Duration.ofHours(49));
        assertThat(complaints.overdueAnswers()).extracting(Complaint::id).containsExactly(c.id());
    }

    // ------------------------------------------------------------------ tenants, locking, bad ids

    @Test
    void anotherTenantSeesNoneOfItAndCannotChangeIt() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        TenantId globex = TenantId.of("globex");
        Complaints other = new Complaints(globex, f.storage, f.clock, f.ids, f.published::add,
                new ServiceDesk(globex, f.storage, f.clock, f.ids, f.published::add));
        assertThat(other.find(c.id())).isEmpty();
        assertThat(other.forCustomer(li)).isEmpty();
        assertThatThrownBy(() -> other.answer(c.id(), "Hi", AGENT))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("complaintId"));
        assertThatThrownBy(() -> other.receive(ReceiveComplaint.of(li, Channel.EMAIL, ComplaintCategory.PRODUCT,
                "x", AGENT))).isInstanceOf(NoSuchCustomerException.class);
        assertThat(complaints.get(c.id()).version()).isEqualTo(1);
    }

    @Test
    void aServiceDeskOfAnotherTenantIsRefused() {
        ServiceDesk globex = new ServiceDesk(TenantId.of("globex"), f.storage, f.clock, f.ids, f.published::add);
        assertThatThrownBy(() -> new Complaints(f.tenant, f.storage, f.clock, f.ids, f.published::add, globex))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStaleWriteIsRefusedAndLeavesTheStoredComplaintAsItWas() {
        Complaint c = f.complain(li, ComplaintCategory.PRODUCT);
        Complaint copy = f.storage.inTransaction("acme", s -> Complaint.restore(
                s.records(ComplaintRecord.KIND).find(c.id().value()).orElseThrow()));
        complaints.answer(c.id(), "Fixed", AGENT);
        copy.recordAction("Late action", null, AGENT, f.clock.instant());
        assertThatThrownBy(() -> f.storage.useTransaction("acme",
                s -> s.records(ComplaintRecord.KIND).update(copy.toRecord())))
                .isInstanceOf(StaleWriteException.class);
        assertThat(complaints.get(c.id()).actions()).isEmpty();
    }

    @Test
    void anUnknownComplaintIsRefusedNamingTheField() {
        ComplaintId nothing = ComplaintId.of(UUID.randomUUID());
        assertThatThrownBy(() -> complaints.close(nothing, LEAD))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("complaintId"));
        assertThatThrownBy(() -> complaints.openWorkOrder(nothing, "x", WorkOrderPriority.LOW, AGENT))
                .isInstanceOf(ValidationException.class);
    }

    private Complaint answered() {
        Complaint c = f.complain(li, ComplaintCategory.DELIVERY);
        f.advance(Duration.ofHours(2));
        return complaints.answer(c.id(), "We send a new one tomorrow.", AGENT);
    }
}
