package org.crmkit.core.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.LeadRecord;
import org.junit.jupiter.api.Test;

class LeadTest {

    private static final StaffId SAM = StaffId.of("sam");
    private final TestClock clock = TestClock.at("2026-03-01T08:00:00Z");

    private Lead capture(CaptureLead command) {
        return Lead.capture(command, LeadId.of(UUID.randomUUID()), TenantId.of("t"), LeadScoringModel.standard(),
                clock);
    }

    private Lead full() {
        return capture(CaptureLead.builder("Wang Fang", SAM).campaign(CampaignId.of(UUID.randomUUID()))
                .email(" wang@Example.CN ").phone("138 1234 5678").defaultCountryCode(86)
                .organisation("Example Trading").interest("40 office chairs").build());
    }

    private Lead qualified() {
        Lead l = full();
        l.contact(SAM, clock);
        l.qualify(SAM, clock);
        return l;
    }

    @Test
    void capturesANewLeadWithNormalisedContactDetails() {
        Lead l = full();
        assertThat(l.status()).isEqualTo(LeadStatus.NEW);
        assertThat(l.email()).hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("wang@example.cn"));
        assertThat(l.phone()).hasValueSatisfying(p -> assertThat(p.value()).isEqualTo("+8613812345678"));
        assertThat(l.history()).singleElement().extracting(LeadStatusChange::to).isEqualTo(LeadStatus.NEW);
        assertThat(l.recordedEvents()).singleElement().isInstanceOf(LeadEvent.Captured.class);
        assertThat(l.customerId()).isEmpty();
        assertThat(l.opportunityId()).isEmpty();
    }

    @Test
    void refusesALeadWithoutEmailOrPhoneNamingTheField() {
        assertThatThrownBy(() -> capture(CaptureLead.builder("Li", SAM).build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> capture(CaptureLead.builder("Li", SAM).email("not-an-address").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("email");
        assertThatThrownBy(() -> capture(CaptureLead.builder(" ", SAM).email("li@example.com").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("personName");
        assertThatThrownBy(() -> capture(CaptureLead.builder("Li", SAM).phone("12").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("phone");
    }

    @Test
    void theStandardScoreExplainsItselfAndItsReasonsSumToTheTotal() {
        Lead l = full();
        assertThat(l.score().total()).isEqualTo(80);
        assertThat(l.score().reasons()).extracting(ScoreReason::rule)
                .containsExactly("email", "phone", "organisation", "interest", "campaign");
        assertThat(l.score().reasons().stream().mapToInt(ScoreReason::points).sum()).isEqualTo(l.score().total());
        l.contact(SAM, clock);
        assertThat(l.rescore(LeadScoringModel.standard(), clock)).isTrue();
        assertThat(l.score().total()).isEqualTo(100);
        assertThat(l.score().explain()).startsWith("e-mail address given (+20), phone number given (+15)")
                .endsWith("contacted in the last 14 days (+20) = 100");
        clock.advance(Duration.ofDays(20));
        l.rescore(LeadScoringModel.standard(), clock);
        assertThat(l.score().total()).isEqualTo(90);
        clock.advance(Duration.ofDays(20));
        l.rescore(LeadScoringModel.standard(), clock);
        assertThat(l.score().total()).isEqualTo(80);
        assertThat(l.rescore(LeadScoringModel.standard(), clock)).as("unchanged").isFalse();
    }

    @Test
    void aMinimalLeadScoresOnlyWhatItHas() {
        Lead l = capture(CaptureLead.builder("Li", SAM).phone("+49 151 1234 5678").build());
        assertThat(l.score()).isEqualTo(new LeadScore(15, List.of(new ScoreReason("phone", 15, "phone number given"))));
    }

    @Test
    void aScoreIsKeptWithinBoundsByReasonsThatStillAddUp() {
        LeadScore high = LeadScore.of(List.of(new ScoreReason("a", 80, "a"), new ScoreReason("b", 70, "b")));
        assertThat(high.total()).isEqualTo(100);
        assertThat(high.reasons()).last().isEqualTo(new ScoreReason("cap", -50, "scores are capped at 100"));
        LeadScore low = LeadScore.of(List.of(new ScoreReason("spam", -30, "looks like spam")));
        assertThat(low.total()).isZero();
        assertThat(low.reasons().stream().mapToInt(ScoreReason::points).sum()).isZero();
        assertThatThrownBy(() -> new LeadScore(50, List.of(new ScoreReason("a", 40, "a"))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("score.reasons");
        assertThatThrownBy(() -> new LeadScore(101, List.of())).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("score.total");
    }

    @Test
    void aReplacementModelDecidesTheScore() {
        LeadScoringModel vip = (lead, now) -> LeadScore.of(List.of(new ScoreReason("vip", 99, "a known VIP")));
        Lead l = Lead.capture(CaptureLead.builder("Li", SAM).email("li@example.com").build(),
                LeadId.of(UUID.randomUUID()), TenantId.of("t"), vip, clock);
        assertThat(l.score().total()).isEqualTo(99);
        assertThat(l.score().explain()).isEqualTo("a known VIP (+99) = 99");
    }

    @Test
    void followsTheStatusMachineToConversion() {
        Lead l = qualified();
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        OpportunityId opportunity = OpportunityId.of(UUID.randomUUID());
        l.convert(customer, opportunity, SAM, clock);
        assertThat(l.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(l.customerId()).contains(customer);
        assertThat(l.opportunityId()).contains(opportunity);
        assertThat(l.history()).extracting(LeadStatusChange::to).containsExactly(LeadStatus.NEW, LeadStatus.CONTACTED,
                LeadStatus.QUALIFIED, LeadStatus.CONVERTED);
        assertThat(l.recordedEvents()).last().isInstanceOf(LeadEvent.Converted.class);
    }

    @Test
    void refusesConvertingTwiceAndChangesNothing() {
        Lead l = qualified();
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        OpportunityId opportunity = OpportunityId.of(UUID.randomUUID());
        l.convert(customer, opportunity, SAM, clock);
        LeadRecord before = l.toRecord();
        int events = l.recordedEvents().size();
        assertThatThrownBy(() -> l.convert(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), SAM,
                clock)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("CONVERTED");
        assertThatThrownBy(() -> l.contact(SAM, clock)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> l.qualify(SAM, clock)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> l.disqualify("late", SAM, clock)).isInstanceOf(IllegalTransitionException.class);
        clock.advance(Duration.ofDays(90));
        assertThat(l.rescore(LeadScoringModel.standard(), clock)).isFalse();
        assertThat(l.toRecord()).isEqualTo(before);
        assertThat(l.recordedEvents()).hasSize(events);
    }

    @Test
    void refusesConvertingALeadThatIsNotQualified() {
        Lead l = full();
        assertThatThrownBy(() -> l.convert(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), SAM,
                clock)).isInstanceOf(IllegalTransitionException.class).hasMessageContaining("NEW");
        l.contact(SAM, clock);
        assertThatThrownBy(() -> l.convert(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), SAM,
                clock)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void refusesQualifyingALeadNobodyContacted() {
        Lead l = full();
        assertThatThrownBy(() -> l.qualify(SAM, clock)).isInstanceOf(IllegalTransitionException.class);
        assertThat(l.status()).isEqualTo(LeadStatus.NEW);
        assertThat(l.history()).hasSize(1);
    }

    @Test
    void disqualifiesForAReasonAndReopensOnANewContact() {
        Lead l = full();
        assertThatThrownBy(() -> l.disqualify(" ", SAM, clock)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("reason");
        l.disqualify("no budget this year", SAM, clock);
        assertThat(l.disqualificationReason()).contains("no budget this year");
        assertThatThrownBy(() -> l.disqualify("again", SAM, clock)).isInstanceOf(IllegalTransitionException.class);
        l.contact(SAM, clock);
        assertThat(l.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(l.disqualificationReason()).isEmpty();
        assertThat(l.history()).extracting(LeadStatusChange::reason).contains("no budget this year");
    }

    @Test
    void aFollowUpContactKeepsTheStatus() {
        Lead l = full();
        l.contact(SAM, clock);
        clock.advance(Duration.ofDays(3));
        l.contact(SAM, clock);
        assertThat(l.status()).isEqualTo(LeadStatus.CONTACTED);
        assertThat(l.history()).hasSize(2);
        assertThat(l.lastContactedAt()).contains(clock.instant());
    }

    @Test
    void buildsTheCommandForANewCustomerFromTheContactData() {
        RegisterCustomer b2b = full().toRegisterCustomer(StaffId.of("boss"));
        assertThat(b2b.type()).isEqualTo(CustomerType.B2B);
        assertThat(b2b.name()).isEqualTo("Example Trading");
        assertThat(b2b.organisation().legalName()).isEqualTo("Example Trading");
        assertThat(b2b.emails()).containsExactly("wang@example.cn");
        assertThat(b2b.phones()).containsExactly("+8613812345678");
        assertThat(b2b.owner()).isEqualTo("sam");
        assertThat(b2b.registeredBy()).isEqualTo("boss");
        RegisterCustomer b2c = capture(CaptureLead.builder("Li Lei", SAM).phone("+86 138 0000 0000").build())
                .toRegisterCustomer(SAM);
        assertThat(b2c.type()).isEqualTo(CustomerType.B2C);
        assertThat(b2c.name()).isEqualTo("Li Lei");
        assertThat(b2c.organisation()).isNull();
        assertThat(b2c.emails()).isEmpty();
    }

    @Test
    void survivesARoundTripThroughItsRecord() {
        Lead l = qualified();
        l.convert(CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()), SAM, clock);
        LeadRecord record = l.toRecord();
        assertThat(record.version()).isEqualTo(1);
        Lead back = Lead.restore(record);
        assertThat(back.version()).isEqualTo(1);
        assertThat(back.recordedEvents()).isEmpty();
        LeadRecord again = back.toRecord();
        assertThat(again.version()).isEqualTo(2);
        assertThat(again).usingRecursiveComparison().ignoringFields("version").isEqualTo(record);
        assertThat(LeadRecord.KIND.keysOf(record)).extracting(k -> k.name() + "=" + k.value()).contains(
                "organisation=example trading", "email=wang@example.cn", "phone=+8613812345678", "status=CONVERTED");
    }

    @Test
    void refusesRecordsThatBreakTheModel() {
        LeadRecord r = full().toRecord();
        LeadRecord convertedWithoutCustomer = new LeadRecord(r.id(), r.tenant(), 1, r.campaignId(), r.personName(),
                r.email(), r.phone(), r.organisation(), r.interest(), "CONVERTED", null, r.scoreTotal(),
                r.scoreReasons(), r.lastContactedAt(), null, null, r.ownerId(), r.history(), r.createdAt(),
                r.updatedAt());
        assertThatThrownBy(() -> Lead.restore(convertedWithoutCustomer)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("customerId");
        LeadRecord wrongSum = new LeadRecord(r.id(), r.tenant(), 1, r.campaignId(), r.personName(), r.email(),
                r.phone(), r.organisation(), r.interest(), r.status(), null, 7, r.scoreReasons(), null, null, null,
                r.ownerId(), r.history(), r.createdAt(), r.updatedAt());
        assertThatThrownBy(() -> Lead.restore(wrongSum)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("score.reasons");
        LeadRecord disqualifiedWithoutReason = new LeadRecord(r.id(), r.tenant(), 1, r.campaignId(), r.personName(),
                r.email(), r.phone(), r.organisation(), r.interest(), "DISQUALIFIED", null, r.scoreTotal(),
                r.scoreReasons(), null, null, null, r.ownerId(), r.history(), r.createdAt(), r.updatedAt());
        assertThatThrownBy(() -> Lead.restore(disqualifiedWithoutReason)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("disqualificationReason");
    }
}
