package org.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class CustomerTest {
    private final TestClock clock = TestClock.at("2026-03-01T09:00:00Z");
    private final IdGenerator ids = IdGenerator.timeOrdered(clock);
    private static final TenantId ACME = TenantId.of("acme");
    private static final StaffId ALICE = StaffId.of("alice");
    private static final StaffId BOB = StaffId.of("bob");
    private static final StaffId MANAGER = StaffId.of("manager");

    private Customer register(RegisterCustomer command) {
        return Customer.register(command, new CustomerId(UUID.randomUUID()), ACME, clock, ids);
    }

    private Customer person() {
        return register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice")
                .email(" Li.Wei@Example.COM").phone("138 1234 5678").defaultCountryCode(86).build());
    }

    @Test
    void registrationNormalisesContactPointsAndStartsInExploration() {
        Customer c = person();
        assertThat(c.emails()).containsExactly(EmailAddress.parse("Li.Wei@example.com"));
        assertThat(c.phones()).containsExactly(new PhoneNumber("+8613812345678"));
        assertThat(c.contactPoints()).allMatch(ContactPoint::primary);
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.EXPLORATION);
        assertThat(c.relationshipLevel()).isEqualTo(RelationshipLevel.BASIC);
        assertThat(c.owner()).isEqualTo(ALICE);
        assertThat(c.version()).isZero();
        assertThat(c.recordedEvents()).singleElement().isInstanceOf(CustomerEvent.Registered.class);
        assertThat(c.newTimelineEntries()).singleElement()
                .extracting(TimelineEntry::kind).isEqualTo(TimelineKind.REGISTERED);
    }

    @Test
    void organisationalCustomersNeedTheirOrganisationAndIndividualsMustNotHaveOne() {
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2B, "Acme", "alice").build()))
                .isInstanceOf(ValidationException.class).hasMessage("organisation: must be given for B2B customers");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.CHANNEL, "Dealer", "alice").build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("organisation:");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .organisation(Organisation.named("Li Ltd")).build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("organisation: must be absent");
        Customer internal = register(RegisterCustomer.builder(CustomerType.INTERNAL, "IT department", "alice").build());
        assertThat(internal.organisation()).isEmpty();
    }

    @Test
    void badRegistrationInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "  ", "alice").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .email("li@example.com").email("not-an-email").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("emails[1]");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .phone("12345").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("phones[0]");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", " ").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("owner");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(null, "Li", "alice").build()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("type");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .email("li@example.com").email("li@EXAMPLE.COM ").build()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("emails[1]: must not be given twice");
    }

    @Test
    void unknownEnumValuesAreRefusedListingTheAllowedOnes() {
        assertThatThrownBy(() -> CustomerType.parse("B2X"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("type: must be one of B2C, B2B, CHANNEL, INTERNAL (was 'B2X')");
        assertThat(CustomerType.parse(" b2b ")).isEqualTo(CustomerType.B2B);
        assertThatThrownBy(() -> RelationshipLevel.parse("friendly"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("relationshipLevel");
        assertThatThrownBy(() -> Channel.parse("pigeon", "channel"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("channel");
    }

    @Test
    void reassigningTheOwnerKeepsTheWholeHistoryAndGoesOnTheTimeline() {
        Customer c = person();
        clock.advance(Duration.ofDays(30));
        c.reassignOwner(BOB, MANAGER, "Alice left the company");
        clock.advance(Duration.ofDays(30));
        c.reassignOwner(ALICE, MANAGER, "Alice is back");

        assertThat(c.owner()).isEqualTo(ALICE);
        assertThat(c.ownerHistory()).extracting(OwnerAssignment::owner).containsExactly(ALICE, BOB, ALICE);
        assertThat(c.ownerHistory().get(0).until()).isEqualTo(c.ownerHistory().get(1).from());
        assertThat(c.ownerHistory().get(1).until()).isEqualTo(c.ownerHistory().get(2).from());
        assertThat(c.ownerHistory().get(2).isCurrent()).isTrue();
        assertThat(c.ownerHistory().get(1).reason()).isEqualTo("Alice left the company");
        assertThat(c.recordedEvents()).filteredOn(e -> e instanceof CustomerEvent.OwnerReassigned).hasSize(2);
        assertThat(c.newTimelineEntries()).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.REGISTERED, TimelineKind.OWNER_REASSIGNED, TimelineKind.OWNER_REASSIGNED);
    }

    @Test
    void reassigningToTheCurrentOwnerIsRefusedAndChangesNothing() {
        Customer c = person();
        assertThatThrownBy(() -> c.reassignOwner(ALICE, MANAGER, null))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("owner: must differ");
        assertThat(c.ownerHistory()).hasSize(1);
        assertThat(c.recordedEvents()).hasSize(1);
    }

    @Test
    void interactionsFromEveryDepartmentStayOnTheTimeline() {
        Customer c = person();
        Instant yesterday = clock.instant().minus(Duration.ofDays(1));
        TimelineEntry call = c.recordInteraction(new Interaction(yesterday, Channel.PHONE, BOB, "service",
                "Printer jams on page 2", "work order opened"));
        TimelineEntry visit = c.recordInteraction(Interaction.now(Channel.IN_PERSON, ALICE, "Showroom visit")
                .inDepartment("sales"));
        assertThat(call.occurredAt()).isEqualTo(yesterday);
        assertThat(call.department()).isEqualTo("service");
        assertThat(call.outcome()).isEqualTo("work order opened");
        assertThat(visit.occurredAt()).isEqualTo(clock.instant());
        assertThat(c.newTimelineEntries()).contains(call, visit);
        assertThat(c.recordedEvents()).filteredOn(e -> e instanceof CustomerEvent.InteractionRecorded).hasSize(2);
    }

    @Test
    void anInteractionInTheFutureIsRefused() {
        Customer c = person();
        Interaction future = Interaction.now(Channel.EMAIL, ALICE, "later").at(clock.instant().plusSeconds(60));
        assertThatThrownBy(() -> c.recordInteraction(future))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("interaction.occurredAt:");
        assertThat(c.newTimelineEntries()).hasSize(1);
    }

    @Test
    void consentIsPerChannelAndPurposeAndTheLatestDecisionCounts() {
        Customer c = person();
        assertThat(c.contactDecision(Channel.EMAIL, Purpose.MARKETING))
                .isInstanceOfSatisfying(ContactDecision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ContactDecision.Reason.NO_CONSENT));
        c.grantConsent(Channel.EMAIL, Purpose.MARKETING, "web form 17");
        assertThat(c.contactDecision(Channel.EMAIL, Purpose.MARKETING))
                .isEqualTo(new ContactDecision.Allowed(Channel.EMAIL, Purpose.MARKETING, "Li.Wei@example.com"));
        assertThat(c.contactDecision(Channel.SMS, Purpose.MARKETING).allowed()).isFalse();
        assertThat(c.contactDecision(Channel.EMAIL, Purpose.SURVEY).allowed()).isFalse();

        clock.advance(Duration.ofMinutes(5));
        c.withdrawConsent(Channel.EMAIL, Purpose.MARKETING, "unsubscribe link");
        assertThat(c.consentStatus(Channel.EMAIL, Purpose.MARKETING)).isEqualTo(ConsentStatus.WITHDRAWN);
        assertThat(c.contactDecision(Channel.EMAIL, Purpose.MARKETING))
                .isInstanceOfSatisfying(ContactDecision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ContactDecision.Reason.CONSENT_WITHDRAWN));
        assertThat(c.consents()).extracting(Consent::status).containsExactly(ConsentStatus.GRANTED, ConsentStatus.WITHDRAWN);
    }

    @Test
    void consentNeedsAPurposeEvidenceAndAnOutboundChannel() {
        Customer c = person();
        assertThatThrownBy(() -> c.grantConsent(Channel.EMAIL, null, "form"))
                .isInstanceOf(ValidationException.class).hasMessage("consent.purpose: must not be null");
        assertThatThrownBy(() -> c.grantConsent(Channel.EMAIL, Purpose.MARKETING, " "))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("consent.evidence");
        assertThatThrownBy(() -> c.grantConsent(Channel.IN_PERSON, Purpose.MARKETING, "form"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("consent.channel");
        assertThatThrownBy(() -> Purpose.of(""))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("purpose: must not be blank");
        assertThat(c.consents()).isEmpty();
    }

    @Test
    void aGrantedChannelWithoutAnAddressIsRefusedForLackOfAddress() {
        Customer c = person();
        c.grantConsent(Channel.LETTER, Purpose.MARKETING, "signed form");
        assertThat(c.contactDecision(Channel.LETTER, Purpose.MARKETING))
                .isInstanceOfSatisfying(ContactDecision.Refused.class,
                        r -> assertThat(r.reason()).isEqualTo(ContactDecision.Reason.NO_ADDRESS));
        c.addPostalAddress(PostalAddress.of("88 Nanjing Road", "Shanghai", null, "200001", "cn"));
        assertThat(c.contactDecision(Channel.LETTER, Purpose.MARKETING).allowed()).isTrue();
    }

    @Test
    void lifecycleMovesFollowTheStateMachineAndAnIllegalMoveChangesNothing() {
        Customer c = person();
        c.changeLifecycleStage(LifecycleStage.FORMATION, "second order within a month");
        c.changeLifecycleStage(LifecycleStage.STABILITY, "steady monthly orders");
        int events = c.recordedEvents().size();
        assertThatThrownBy(() -> c.changeLifecycleStage(LifecycleStage.EXPLORATION, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("customer " + c.id())
                .hasMessageContaining("state STABILITY")
                .hasMessageContaining("lifecycle stage to EXPLORATION");
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.STABILITY);
        assertThat(c.recordedEvents()).hasSize(events);
        c.changeLifecycleStage(LifecycleStage.DECLINE, "spend fell by half");
        c.changeLifecycleStage(LifecycleStage.ENDED, "no purchase for a year");
        c.changeLifecycleStage(LifecycleStage.EXPLORATION, "won back");
        assertThat(c.lifecycleStage()).isEqualTo(LifecycleStage.EXPLORATION);
    }

    @Test
    void relationshipLevelChangesAreRecordedAndRepeatingOneIsANoOp() {
        Customer c = person();
        c.changeRelationshipLevel(RelationshipLevel.PROACTIVE, MANAGER, "high margin, few customers");
        int events = c.recordedEvents().size();
        c.changeRelationshipLevel(RelationshipLevel.PROACTIVE, MANAGER, null);
        assertThat(c.recordedEvents()).hasSize(events);
        assertThat(c.relationshipLevel()).isEqualTo(RelationshipLevel.PROACTIVE);
    }

    @Test
    void contactPointsKeepExactlyOnePrimaryPerKind() {
        Customer c = person();
        c.addEmail(EmailAddress.parse("li@work.example"), "work", true);
        assertThat(c.emails().get(0).value()).isEqualTo("li@work.example");
        assertThat(c.contactPoints().stream().filter(p -> p.kind() == ContactKind.EMAIL && p.primary())).hasSize(1);
        c.removeContactPoint(ContactKind.EMAIL, " li@WORK.Example");
        assertThat(c.emails()).containsExactly(EmailAddress.parse("Li.Wei@example.com"));
        assertThat(c.contactPoints().stream().filter(p -> p.kind() == ContactKind.EMAIL && p.primary())).hasSize(1);
        assertThatThrownBy(() -> c.addPhone(PhoneNumber.parse("+86 138 1234 5678"), null, false))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("phone: must not duplicate");
        assertThatThrownBy(() -> c.removeContactPoint(ContactKind.PHONE, "+8613900000000"))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("contactPoint:");
    }

    @Test
    void attributesAreTypedAndSettingTheSameValueIsANoOp() {
        Customer c = person();
        c.recordAttribute(AttributeCategory.EXTERNAL, "region", AttributeValue.of("East China"));
        c.recordAttribute(AttributeCategory.INTERNAL, "income", AttributeValue.of(new java.math.BigDecimal("120000.00")));
        c.recordAttribute(AttributeCategory.CONSUMPTION, "firstPurchase", AttributeValue.of(java.time.LocalDate.of(2025, 5, 1)));
        int events = c.recordedEvents().size();
        c.recordAttribute(AttributeCategory.INTERNAL, "income", AttributeValue.of(120000));
        assertThat(c.recordedEvents()).hasSize(events);
        assertThat(c.attribute(AttributeCategory.INTERNAL, "income")).contains(AttributeValue.of(120000));
        c.removeAttribute(AttributeCategory.EXTERNAL, "region");
        assertThat(c.attribute(AttributeCategory.EXTERNAL, "region")).isEmpty();
        assertThatThrownBy(() -> c.recordAttribute(AttributeCategory.EXTERNAL, "9lives", AttributeValue.of(true)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("attribute.name");
        assertThatThrownBy(() -> AttributeValue.parse("NUMBER", "12,5"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("attribute.value");
    }

    @Test
    void hugeNumbersAreRefusedRatherThanExpandedToBillionsOfDigits() {
        assertThatThrownBy(() -> AttributeValue.parse("NUMBER", "1e999999999"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 100 digits");
        assertThatThrownBy(() -> AttributeValue.parse("NUMBER", "1e-999999999"))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("attribute.value");
        assertThat(AttributeValue.parse("NUMBER", "1e99").canonical()).hasSize(100);
    }

    @Test
    void registrationKeepsTheChosenPrimaryAddressAndRefusesTheSamePlaceTwice() {
        PostalAddress home = PostalAddress.of("88 Nanjing Road", "Shanghai", null, "200001", "CN");
        PostalAddress office = new PostalAddress("office", true, "1 Century Avenue", "Shanghai", null, "200120", "CN");
        Customer c = register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .postalAddress(home).postalAddress(office).build());
        assertThat(c.postalAddresses()).extracting(PostalAddress::primary).containsExactly(false, true);
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .postalAddress(home).postalAddress(home.withPrimary(true)).build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("postalAddresses[1]: must not be given twice");
        assertThatThrownBy(() -> register(RegisterCustomer.builder(CustomerType.B2C, "Li", "alice")
                .postalAddress(office).postalAddress(home.withPrimary(true)).build()))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("postalAddresses[1]: must not be primary");
    }
}
