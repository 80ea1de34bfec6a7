package org.crmkit.core.service.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ComplaintRecord;
import org.crmkit.spi.service.ComplaintStepRecord;
import org.junit.jupiter.api.Test;

/** The aggregate on its own: storing and restoring, and the rules a stored record must keep. */
class ComplaintTest {

    private static final Instant T0 = Instant.parse("2026-05-04T10:00:00Z");
    private static final StaffId AGENT = StaffId.of("agent-7");
    private static final TenantId ACME = TenantId.of("acme");
    private final CustomerId customer = CustomerId.of(UUID.randomUUID());

    private Complaint received() {
        return Complaint.receive(ComplaintId.of(UUID.randomUUID()), ACME, customer, Channel.PHONE,
                ComplaintCategory.PRODUCT, " It squeaks. ", AGENT, T0, "Thank you.", null);
    }

    @Test
    void everyStepSurvivesARoundTripThroughItsRecord() {
        Complaint c = received();
        WorkOrderId wo = WorkOrderId.of(UUID.randomUUID());
        c.recordExpectation(ExpectedRemedy.REPAIR, "Fix it", null, T0.plusSeconds(60));
        c.recordAction("Sent a technician", wo, AGENT, T0.plusSeconds(120));
        c.answer("Fixed on site", AGENT, T0.plusSeconds(180));
        c.reopen("Squeaks again", null, T0.plusSeconds(240));
        c.answer("Part replaced", AGENT, T0.plusSeconds(300));
        c.followUp(3, "Took long", null, T0.plusSeconds(360));
        c.close(AGENT, T0.plusSeconds(420));
        ComplaintRecord r = c.toRecord();
        Complaint back = Complaint.restore(r);
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.toRecord()).usingRecursiveComparison().ignoringFields("version").isEqualTo(r);
        assertThat(back.toRecord().version()).isEqualTo(2);
        assertThat(back.text()).isEqualTo("It squeaks.");
        assertThat(back.actions()).singleElement().satisfies(a -> assertThat(a.workOrder()).contains(wo));
        assertThat(back.expectation()).hasValueSatisfying(e -> assertThat(e.remedy()).isEqualTo(ExpectedRemedy.REPAIR));
        assertThat(back.followUps()).singleElement().satisfies(x -> assertThat(x.score()).isEqualTo(3));
        assertThat(back.timeToAnswer()).contains(Duration.ofMinutes(3));
        assertThat(back.steps()).extracting(ComplaintStep::what).containsExactly(ComplaintStepKind.RECEIVED,
                ComplaintStepKind.EXPECTATION, ComplaintStepKind.ACTION, ComplaintStepKind.ANSWERED,
                ComplaintStepKind.REOPENED, ComplaintStepKind.ANSWERED, ComplaintStepKind.FOLLOWED_UP,
                ComplaintStepKind.CLOSED);
        assertThat(back.recordedEvents()).isEmpty();
        assertThat(c.recordedEvents()).hasSize(8);
    }

    @Test
    void aStepDatedBeforeTheLatestIsRefusedAndChangesNothing() {
        Complaint c = received();
        c.recordAction("Called", null, AGENT, T0.plusSeconds(600));
        ComplaintRecord before = c.toRecord();
        assertThatThrownBy(() -> c.answer("Early", AGENT, T0.plusSeconds(300)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("at"));
        assertThat(c.toRecord()).isEqualTo(before);
    }

    @Test
    void aComplaintCannotRepeatItself() {
        ComplaintId id = ComplaintId.of(UUID.randomUUID());
        assertThatThrownBy(() -> Complaint.receive(id, ACME, customer, Channel.WEB, ComplaintCategory.OTHER, "x",
                null, T0, "Thanks", id)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("repeatOf"));
    }

    @Test
    void aStoredRecordThatBreaksARuleIsRefused() {
        ComplaintRecord ok = received().toRecord();
        ComplaintRecord answeredWithoutAnswer = new ComplaintRecord(ok.id(), ok.tenant(), 1, ok.customerId(),
                ok.channel(), ok.category(), ok.text(), ok.receivedBy(), ok.receivedAt(), ok.acknowledgement(),
                "ANSWERED", false, null, null, null, ok.steps());
        assertThatThrownBy(() -> Complaint.restore(answeredWithoutAnswer)).isInstanceOf(ValidationException.class);
        ComplaintRecord noReceipt = new ComplaintRecord(ok.id(), ok.tenant(), 1, ok.customerId(), ok.channel(),
                ok.category(), ok.text(), ok.receivedBy(), ok.receivedAt(), ok.acknowledgement(), "RECEIVED", false,
                null, null, ok.receivedAt(), List.of());
        assertThatThrownBy(() -> Complaint.restore(noReceipt)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("steps"));
        ComplaintRecord badScore = new ComplaintRecord(ok.id(), ok.tenant(), 1, ok.customerId(), ok.channel(),
                ok.category(), ok.text(), ok.receivedBy(), ok.receivedAt(), ok.acknowledgement(), "RECEIVED", false,
                null, null, ok.receivedAt(), List.of(ok.steps().get(0),
                new ComplaintStepRecord(T0, null, "FOLLOWED_UP", null, null, null, 9)));
        assertThatThrownBy(() -> Complaint.restore(badScore)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("score"));
    }

    @Test
    void theRecordRefusesARepeatFlagWithoutTheEarlierComplaint() {
        ComplaintRecord ok = received().toRecord();
        assertThatThrownBy(() -> new ComplaintRecord(ok.id(), ok.tenant(), 1, ok.customerId(), ok.channel(),
                ok.category(), ok.text(), ok.receivedBy(), ok.receivedAt(), ok.acknowledgement(), ok.status(), true,
                null, null, ok.awaitingAnswerSince(), ok.steps()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("repeatOf"));
    }

    @Test
    void thePolicyRefusesNonPositiveDurationsAndDefaultsToNinetyDaysAndFortyEightHours() {
        assertThat(ComplaintPolicy.defaults()).isEqualTo(new ComplaintPolicy(Duration.ofDays(90), Duration.ofHours(48)));
        assertThatThrownBy(() -> ComplaintPolicy.defaults().withRepeatWindow(Duration.ZERO))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("repeatWindow"));
        assertThatThrownBy(() -> ComplaintPolicy.defaults().withAnswerTarget(Duration.ofHours(-1)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("answerTarget"));
    }

    @Test
    void theRepeatRuleTakesTheLatestEarlierComplaintOfTheSameCustomerAndCategory() {
        Complaint old = received();
        Complaint newer = Complaint.receive(ComplaintId.of(UUID.randomUUID()), ACME, customer, Channel.PHONE,
                ComplaintCategory.PRODUCT, "Again", AGENT, T0.plus(Duration.ofDays(10)), "Thanks", null);
        Complaint otherCategory = Complaint.receive(ComplaintId.of(UUID.randomUUID()), ACME, customer, Channel.PHONE,
                ComplaintCategory.BILLING, "Bill", AGENT, T0.plus(Duration.ofDays(11)), "Thanks", null);
        ComplaintPolicy p = ComplaintPolicy.defaults();
        Instant at = T0.plus(Duration.ofDays(12));
        assertThat(p.repeatOf(List.of(old, newer, otherCategory), customer, ComplaintCategory.PRODUCT, at))
                .contains(newer);
        assertThat(p.repeatOf(List.of(old, newer), CustomerId.of(UUID.randomUUID()), ComplaintCategory.PRODUCT, at))
                .isEmpty();
        assertThat(p.repeatOf(List.of(old), customer, ComplaintCategory.PRODUCT, T0.plus(Duration.ofDays(91))))
                .isEmpty();
    }
}
