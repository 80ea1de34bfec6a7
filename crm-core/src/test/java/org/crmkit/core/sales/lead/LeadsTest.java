package org.crmkit.core.sales.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.campaign.Campaign;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.campaign.Campaigns;
import org.crmkit.core.sales.campaign.NoSuchCampaignException;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.storage.PageRequest;
import org.junit.jupiter.api.Test;

class LeadsTest {

    private static final StaffId SAM = StaffId.of("sam");
    private static final TenantId TENANT = TenantId.of("acme");

    private final TestClock clock = TestClock.at("2026-03-01T08:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final IdGenerator ids = IdGenerator.timeOrdered(clock);
    private final List<DomainEvent> events = new ArrayList<>();
    private final Leads leads = new Leads(TENANT, storage, clock, ids, events::add);
    private final Customers customers = new Customers(TENANT, storage, clock, ids, e -> { });

    private Lead capture(String email, String phone) {
        CaptureLead.Builder b = CaptureLead.builder("Wang Fang", SAM).interest("chairs");
        if (email != null) {
            b.email(email);
        }
        if (phone != null) {
            b.phone(phone);
        }
        return leads.capture(b.build());
    }

    private Customer customer(String name, String email, String phone) {
        RegisterCustomer.Builder b = RegisterCustomer.builder(CustomerType.B2C, name, "sam");
        if (email != null) {
            b.email(email);
        }
        if (phone != null) {
            b.phone(phone);
        }
        return customers.register(b.build());
    }

    @Test
    void capturesStoresAndPublishesAfterCommit() {
        Lead l = capture("wang@example.cn", null);
        assertThat(l.version()).isEqualTo(1);
        assertThat(l.recordedEvents()).isEmpty();
        assertThat(events).singleElement().isInstanceOf(LeadEvent.Captured.class);
        assertThat(leads.get(l.id()).toRecord()).isEqualTo(l.toRecord());
    }

    @Test
    void refusesALeadFromACampaignTheTenantDoesNotHave() {
        CampaignId unknown = CampaignId.of(UUID.randomUUID());
        assertThatThrownBy(() -> leads.capture(CaptureLead.builder("Li", SAM).email("li@example.com").campaign(unknown)
                .build())).isInstanceOf(NoSuchCampaignException.class);
        assertThat(leads.count(LeadFilter.all())).isZero();
        assertThat(events).isEmpty();
    }

    @Test
    void eachVerbStoresANewVersionAndRescores() {
        Lead l = capture("wang@example.cn", null);
        assertThat(l.score().total()).isEqualTo(40);
        Lead contacted = leads.contact(l.id(), SAM);
        assertThat(contacted.score().total()).isEqualTo(60);
        assertThat(contacted.version()).isEqualTo(2);
        leads.qualify(l.id(), SAM);
        Lead stored = leads.get(l.id());
        assertThat(stored.status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(stored.version()).isEqualTo(3);
        assertThat(stored.score().total()).isEqualTo(60);
        clock.advance(Duration.ofDays(31));
        assertThat(leads.rescore(l.id()).score().total()).isEqualTo(40);
        assertThat(leads.get(l.id()).version()).isEqualTo(4);
        assertThat(leads.rescore(l.id()).version()).as("nothing changed, nothing written").isEqualTo(4);
    }

    @Test
    void aRefusedMoveStoresNothing() {
        Lead l = capture("wang@example.cn", null);
        assertThatThrownBy(() -> leads.qualify(l.id(), SAM)).isInstanceOf(IllegalTransitionException.class);
        assertThat(leads.get(l.id()).toRecord()).isEqualTo(l.toRecord());
    }

    @Test
    void disqualifiesWithAReason() {
        Lead l = capture("wang@example.cn", null);
        leads.disqualify(l.id(), "a competitor's employee", SAM);
        assertThat(leads.get(l.id()).disqualificationReason()).contains("a competitor's employee");
    }

    @Test
    void anUnknownLeadIsRefused() {
        LeadId unknown = LeadId.of(UUID.randomUUID());
        assertThat(leads.find(unknown)).isEmpty();
        assertThatThrownBy(() -> leads.get(unknown)).isInstanceOf(NoSuchLeadException.class).extracting("field")
                .isEqualTo("leadId");
        assertThatThrownBy(() -> leads.contact(unknown, SAM)).isInstanceOf(NoSuchLeadException.class);
        assertThatThrownBy(() -> leads.matches(unknown)).isInstanceOf(NoSuchLeadException.class);
        Lead other = new Leads(TenantId.of("other"), storage, clock, ids, e -> { })
                .capture(CaptureLead.builder("X", SAM).email("x@example.com").build());
        assertThat(leads.find(other.id())).as("another tenant's lead").isEmpty();
    }

    @Test
    void listsByStatusAndOwner() {
        Lead a = capture("a@example.com", null);
        Lead b = capture("b@example.com", null);
        leads.contact(b.id(), SAM);
        assertThat(leads.list(LeadFilter.all().inStatus(LeadStatus.CONTACTED), PageRequest.first(10)).items())
                .extracting(Lead::id).containsExactly(b.id());
        assertThat(leads.list(LeadFilter.all().ownedBy(SAM), PageRequest.first(10)).items()).extracting(Lead::id)
                .containsExactly(a.id(), b.id());
        assertThat(leads.count(LeadFilter.all().inStatus(LeadStatus.NEW))).isEqualTo(1);
    }

    @Test
    void listsTheLeadsOfACampaign() {
        Campaigns campaigns = new Campaigns(TENANT, storage, clock, ids, e -> { });
        Campaign spring = campaigns.plan(new PlanCampaign("Spring", Set.of(Channel.EMAIL),
                TargetSegment.Rule.allOf(TargetCondition.typeIn(CustomerType.B2C)), Money.of("100", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), SAM, SAM));
        Lead fromSpring = leads.capture(CaptureLead.builder("Li", SAM).email("li@example.com").campaign(spring.id())
                .build());
        capture("other@example.com", null);
        assertThat(fromSpring.campaignId()).contains(spring.id());
        assertThat(fromSpring.score().reasons()).extracting(ScoreReason::rule).contains("campaign");
        assertThat(leads.list(LeadFilter.all().fromCampaign(spring.id()), PageRequest.first(10)).items())
                .extracting(Lead::id).containsExactly(fromSpring.id());
        assertThat(leads.count(LeadFilter.all().fromCampaign(spring.id()).inStatus(LeadStatus.NEW))).isEqualTo(1);
    }

    @Test
    void matchesACustomerWithTheSameNormalisedEmail() {
        Customer c = customer("Wang", "wang@EXAMPLE.cn", null);
        customer("Other", "other@example.cn", null);
        Lead l = capture("  wang@example.CN", null);
        assertThat(leads.matches(l.id())).containsExactly(new CustomerMatch(c.id(), "Wang", Set.of(MatchReason.EMAIL)));
    }

    @Test
    void matchesACustomerWithTheSamePhone() {
        Customer c = customer("Wang", null, "+86 138 1234 5678");
        Lead l = capture(null, "0086-138-1234-5678");
        assertThat(leads.matches(l.id())).singleElement().satisfies(m -> {
            assertThat(m.customerId()).isEqualTo(c.id());
            assertThat(m.matchedBy(MatchReason.PHONE)).isTrue();
            assertThat(m.matchedBy(MatchReason.EMAIL)).isFalse();
        });
    }

    @Test
    void aCustomerMatchingOnSeveralCountsComesFirstWithEveryReason() {
        Customer byPhone = customer("Phone only", null, "+8613812345678");
        Customer both = customer("Both", "wang@example.cn", "+8613812345678");
        Lead l = capture("wang@example.cn", "+8613812345678");
        assertThat(leads.matches(l.id())).containsExactly(
                new CustomerMatch(both.id(), "Both", Set.of(MatchReason.EMAIL, MatchReason.PHONE)),
                new CustomerMatch(byPhone.id(), "Phone only", Set.of(MatchReason.PHONE)));
    }

    @Test
    void matchesAnOrganisationByItsNameIgnoringCaseAndSurroundingSpaces() {
        Customer acme = customers.register(RegisterCustomer.builder(CustomerType.B2B, "Acme", "sam")
                .organisation(Organisation.named("ACME GmbH ")).build());
        customers.register(RegisterCustomer.builder(CustomerType.B2B, "Other", "sam")
                .organisation(Organisation.named("Acme Holding GmbH")).build());
        customer("A person", "someone@example.com", null);
        Lead l = leads.capture(CaptureLead.builder("Max", SAM).email("max@acme.example").organisation(" acme gmbh")
                .build());
        assertThat(leads.matches(l.id())).containsExactly(
                new CustomerMatch(acme.id(), "Acme", Set.of(MatchReason.ORGANISATION)));
    }

    @Test
    void aCustomerMatchingOnEveryCountSaysSo() {
        Customer acme = customers.register(RegisterCustomer.builder(CustomerType.B2B, "Acme", "sam")
                .organisation(Organisation.named("Acme GmbH")).email("max@acme.example").phone("+4930123456")
                .build());
        Lead l = leads.capture(CaptureLead.builder("Max", SAM).email("max@acme.example").phone("+49 30 123456")
                .organisation("ACME GMBH").build());
        assertThat(leads.matches(l.id())).singleElement().satisfies(m -> {
            assertThat(m.customerId()).isEqualTo(acme.id());
            assertThat(m.reasons()).containsExactly(MatchReason.EMAIL, MatchReason.PHONE, MatchReason.ORGANISATION);
        });
    }

    @Test
    void noMatchIsAnEmptyListAndOtherTenantsAreNeverMatched() {
        new Customers(TenantId.of("other"), storage, clock, ids, e -> { })
                .register(RegisterCustomer.builder(CustomerType.B2C, "Elsewhere", "x").email("wang@example.cn").build());
        Lead l = capture("wang@example.cn", null);
        assertThat(leads.matches(l.id())).isEmpty();
    }

    @Test
    void convertingTwiceInsideAUnitOfWorkIsRefusedAndChangesNothing() {
        Lead l = capture("wang@example.cn", null);
        leads.contact(l.id(), SAM);
        leads.qualify(l.id(), SAM);
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        OpportunityId opportunity = OpportunityId.of(UUID.randomUUID());
        convert(l.id(), customer, opportunity);
        LeadRecord converted = leads.get(l.id()).toRecord();
        assertThat(leads.count(LeadFilter.all().inStatus(LeadStatus.CONVERTED))).isEqualTo(1);

        assertThatThrownBy(() -> convert(l.id(), CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID())))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(leads.get(l.id()).toRecord()).isEqualTo(converted);
        assertThat(leads.get(l.id()).customerId()).contains(customer);
        assertThatThrownBy(() -> leads.contact(l.id(), SAM)).isInstanceOf(IllegalTransitionException.class);
        assertThat(leads.rescore(l.id()).toRecord()).isEqualTo(converted);
    }

    /** What the conversion service does with a lead, in one unit of work. */
    private void convert(LeadId id, CustomerId customer, OpportunityId opportunity) {
        storage.useTransaction(TENANT.value(), session -> {
            Lead lead = leads.findWithin(session, id).orElseThrow();
            lead.convert(customer, opportunity, SAM, clock);
            session.records(LeadRecord.KIND).update(lead.toRecord());
        });
    }
}
