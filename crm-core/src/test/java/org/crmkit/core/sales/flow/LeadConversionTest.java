package org.crmkit.core.sales.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerEvent;
import org.crmkit.core.customer.CustomerFilter;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.Organisation;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.customer.TimelineEntry;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.campaign.Campaign;
import org.crmkit.core.sales.campaign.PlanCampaign;
import org.crmkit.core.sales.campaign.TargetCondition;
import org.crmkit.core.sales.campaign.TargetSegment;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.lead.CustomerMatch;
import org.crmkit.core.sales.lead.Lead;
import org.crmkit.core.sales.lead.LeadEvent;
import org.crmkit.core.sales.lead.LeadStatus;
import org.crmkit.core.sales.lead.Leads;
import org.crmkit.core.sales.lead.MatchReason;
import org.crmkit.core.sales.lead.NoSuchLeadException;
import org.crmkit.core.sales.opportunity.NoSuchPipelineException;
import org.crmkit.core.sales.opportunity.Opportunities;
import org.crmkit.core.sales.opportunity.Opportunity;
import org.crmkit.core.sales.opportunity.OpportunityEvent;
import org.crmkit.core.sales.opportunity.OpportunityFilter;
import org.crmkit.core.sales.opportunity.PipelineStage;
import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;
import org.junit.jupiter.api.Test;

/** {@link LeadConversion}: one lead becomes one customer and one opportunity, in one unit of work, or nothing happens. */
class LeadConversionTest {

    private static final String ACME = "acme";
    private static final StaffId SAM = StaffId.of("sam");
    private static final StaffId KIM = StaffId.of("kim");

    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final List<DomainEvent> events = new ArrayList<>();
    private final Crm crm = Crm.builder().storage(InMemoryStorage.create()).clock(clock).listener(events::add).build();
    private final LeadConversion conversion = crm.leadConversion(ACME);
    private final Leads leads = crm.leads(ACME);
    private final Customers customers = crm.customers(ACME);
    private final Opportunities opportunities = crm.opportunities(ACME);
    private final PipelineId pipeline = crm.pipelines(ACME).define("Hardware", List.of(
            PipelineStage.of("QUALIFY", "Qualification", "0.10"), PipelineStage.of("PROPOSAL", "Proposal", "0.40")))
            .id();
    private final CampaignId spring = springCampaign();

    private CampaignId springCampaign() {
        Campaign c = crm.campaigns(ACME).plan(new PlanCampaign("Spring", Set.of(Channel.EMAIL),
                TargetSegment.Rule.allOf(TargetCondition.typeIn(CustomerType.B2C)), Money.of("500", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), SAM, SAM));
        return crm.campaigns(ACME).launch(c.id(), SAM).id();
    }

    private Lead qualified(CaptureLead.Builder builder) {
        Lead l = leads.capture(builder.build());
        leads.contact(l.id(), SAM);
        return leads.qualify(l.id(), SAM);
    }

    private Lead qualifiedPerson() {
        return qualified(CaptureLead.builder("Wang Fang", SAM).email("wang@example.cn").phone("+86 138 1234 5678")
                .campaign(spring).interest("chairs"));
    }

    private ConvertLead command(LeadId lead, CustomerChoice choice) {
        return command(lead, choice, pipeline);
    }

    private ConvertLead command(LeadId lead, CustomerChoice choice, PipelineId in) {
        return new ConvertLead(lead, choice, in, "Office chairs", Money.of("1200.00", "EUR"),
                LocalDate.of(2026, 4, 30), null, KIM);
    }

    private Customer customer(CustomerType type, String name, String email, String phone, String organisation) {
        RegisterCustomer.Builder b = RegisterCustomer.builder(type, name, "sam");
        if (email != null) {
            b.email(email);
        }
        if (phone != null) {
            b.phone(phone);
        }
        if (organisation != null) {
            b.organisation(Organisation.named(organisation));
        }
        return customers.register(b.build());
    }

    private long customerCount() {
        return customers.count(CustomerFilter.all());
    }

    private long opportunityCount() {
        return opportunities.count(OpportunityFilter.all());
    }

    private LeadRecord stored(LeadId id) {
        return leads.get(id).toRecord();
    }

    @Test
    void convertingAPersonCreatesAB2cCustomerAndOneOpportunityInTheFirstStageAttributedToCampaignAndLead() {
        Lead lead = qualifiedPerson();

        Conversion done = conversion.convert(command(lead.id(), CustomerChoice.createNew()));

        assertThat(done.lead()).isEqualTo(lead.id());
        assertThat(done.newCustomer()).isTrue();
        assertThat(done.matchesOffered()).isEmpty();
        Customer c = customers.get(done.customer());
        assertThat(c.type()).isEqualTo(CustomerType.B2C);
        assertThat(c.name()).isEqualTo("Wang Fang");
        assertThat(c.organisation()).isEmpty();
        assertThat(c.emails()).extracting(e -> e.value()).containsExactly("wang@example.cn");
        assertThat(c.phones()).hasSize(1);
        assertThat(c.owner()).isEqualTo(SAM);
        assertThat(customerCount()).isEqualTo(1);

        assertThat(opportunities.listAll(OpportunityFilter.all().withLead(lead.id()))).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(done.opportunity());
            assertThat(o.customerId()).isEqualTo(done.customer());
            assertThat(o.pipelineId()).isEqualTo(pipeline);
            assertThat(o.stageCode()).isEqualTo("QUALIFY");
            assertThat(o.probability()).isEqualByComparingTo("0.10");
            assertThat(o.campaignId()).contains(spring);
            assertThat(o.leadId()).contains(lead.id());
            assertThat(o.owner()).as("the lead's owner by default").isEqualTo(SAM);
            assertThat(o.name()).isEqualTo("Office chairs");
            assertThat(o.amount()).isEqualTo(Money.of("1200.00", "EUR"));
            assertThat(o.expectedClose()).isEqualTo(LocalDate.of(2026, 4, 30));
        });
        assertThat(opportunityCount()).isEqualTo(1);

        Lead converted = leads.get(lead.id());
        assertThat(converted.status()).isEqualTo(LeadStatus.CONVERTED);
        assertThat(converted.customerId()).contains(done.customer());
        assertThat(converted.opportunityId()).contains(done.opportunity());
        assertThat(converted.version()).isEqualTo(lead.version() + 1);
    }

    @Test
    void convertingAnOrganisationsLeadCreatesAB2bCustomerNamedAfterTheOrganisation() {
        Lead lead = qualified(CaptureLead.builder("Max Muster", SAM).email("max@acme.example")
                .organisation("Muster GmbH"));

        Conversion done = conversion.convert(command(lead.id(), CustomerChoice.createNew()));

        Customer c = customers.get(done.customer());
        assertThat(c.type()).isEqualTo(CustomerType.B2B);
        assertThat(c.name()).isEqualTo("Muster GmbH");
        assertThat(c.organisation()).map(Organisation::legalName).contains("Muster GmbH");
        assertThat(opportunities.get(done.opportunity()).campaignId()).as("a lead without campaign").isEmpty();
    }

    @Test
    void theOpportunityCanBeOwnedBySomeoneElseThanTheLeadsOwner() {
        Lead lead = qualifiedPerson();

        Conversion done = conversion.convert(command(lead.id(), CustomerChoice.createNew()).ownedBy(KIM));

        assertThat(opportunities.get(done.opportunity()).owner()).isEqualTo(KIM);
    }

    @Test
    void matchesOffersExistingCustomersByEmailPhoneAndOrganisationEachWithItsReason() {
        Customer byEmail = customer(CustomerType.B2C, "By mail", "max@acme.example", null, null);
        Customer byPhone = customer(CustomerType.B2C, "By phone", null, "+49 30 123456", null);
        Customer byOrg = customer(CustomerType.B2B, "By org", null, null, "Acme GmbH");
        customer(CustomerType.B2C, "Nobody", "other@example.com", "+49 30 999999", null);
        Lead lead = qualified(CaptureLead.builder("Max", SAM).email("max@ACME.Example").phone("+4930123456")
                .organisation(" acme gmbh"));

        List<CustomerMatch> matches = conversion.matches(lead.id());

        assertThat(matches).containsExactlyInAnyOrder(
                new CustomerMatch(byEmail.id(), "By mail", Set.of(MatchReason.EMAIL)),
                new CustomerMatch(byPhone.id(), "By phone", Set.of(MatchReason.PHONE)),
                new CustomerMatch(byOrg.id(), "By org", Set.of(MatchReason.ORGANISATION)));
        assertThat(conversion.matches(qualified(CaptureLead.builder("Nobody new", SAM).email("new@example.org")).id()))
                .isEmpty();
    }

    @Test
    void linkingToAMatchWritesNoNewCustomerButAnInteractionOnItsTimeline() {
        Customer existing = customer(CustomerType.B2C, "Wang F.", "wang@example.cn", null, null);
        Lead lead = qualifiedPerson();
        List<CustomerMatch> offered = conversion.matches(lead.id());
        assertThat(offered).extracting(CustomerMatch::customerId).containsExactly(existing.id());
        long versionBefore = customers.get(existing.id()).version();
        events.clear();

        Conversion done = conversion.convert(command(lead.id(), CustomerChoice.linkTo(existing.id())));

        assertThat(done.newCustomer()).isFalse();
        assertThat(done.customer()).isEqualTo(existing.id());
        assertThat(done.matchesOffered()).isEqualTo(offered);
        assertThat(customerCount()).isEqualTo(1);
        assertThat(customers.get(existing.id()).version()).isEqualTo(versionBefore);
        assertThat(opportunities.get(done.opportunity()).customerId()).isEqualTo(existing.id());
        TimelineEntry last = customers.timeline(existing.id()).get(customers.timeline(existing.id()).size() - 1);
        assertThat(last.kind()).isEqualTo(TimelineKind.INTERACTION);
        assertThat(last.department()).isEqualTo("sales");
        assertThat(last.staff()).isEqualTo(KIM);
        assertThat(last.occurredAt()).isEqualTo(clock.instant());
        assertThat(last.summary()).contains(lead.id().toString()).contains("Office chairs");
        assertThat(leads.get(lead.id()).customerId()).contains(existing.id());
        assertThat(events).noneMatch(CustomerEvent.Registered.class::isInstance);
        assertThat(events).filteredOn(CustomerEvent.InteractionRecorded.class::isInstance)
                .as("the interaction on the linked customer's timeline is announced like any other")
                .singleElement().satisfies(e -> assertThat(((CustomerEvent.InteractionRecorded) e).customerId())
                        .isEqualTo(existing.id()));
    }

    @Test
    void convertingTwiceIsRefusedNamingTheLeadAndItsStateAndChangesNothing() {
        Lead lead = qualifiedPerson();
        Conversion first = conversion.convert(command(lead.id(), CustomerChoice.createNew()));
        LeadRecord after = stored(lead.id());
        int published = events.size();

        for (CustomerChoice again : List.of(CustomerChoice.createNew(), CustomerChoice.linkTo(first.customer()))) {
            assertThatThrownBy(() -> conversion.convert(command(lead.id(), again)))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.aggregate()).isEqualTo("lead");
                        assertThat(e.id()).isEqualTo(lead.id().value());
                        assertThat(e.state()).isEqualTo("CONVERTED");
                    })
                    .hasMessageContaining("lead " + lead.id().value())
                    .hasMessageContaining("CONVERTED");
        }

        assertThat(customerCount()).isEqualTo(1);
        assertThat(opportunityCount()).isEqualTo(1);
        assertThat(stored(lead.id())).isEqualTo(after);
        assertThat(stored(lead.id()).version()).isEqualTo(after.version());
        assertThat(customers.timeline(first.customer())).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.REGISTERED);
        assertThat(events).hasSize(published);
    }

    @Test
    void convertingALeadThatIsNotQualifiedIsRefusedAndWritesNothing() {
        Lead fresh = leads.capture(CaptureLead.builder("New", SAM).email("new@example.com").build());
        Lead contacted = leads.contact(leads.capture(CaptureLead.builder("Contacted", SAM).email("c@example.com")
                .build()).id(), SAM);
        Lead disqualified = leads.disqualify(qualifiedPerson().id(), "a competitor", SAM);
        int published = events.size();

        for (Lead lead : List.of(fresh, contacted, disqualified)) {
            LeadRecord before = stored(lead.id());
            assertThatThrownBy(() -> conversion.convert(command(lead.id(), CustomerChoice.createNew())))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.aggregate()).isEqualTo("lead");
                        assertThat(e.id()).isEqualTo(lead.id().value());
                        assertThat(e.state()).isEqualTo(lead.status().name());
                    });
            assertThat(stored(lead.id())).isEqualTo(before);
        }
        assertThat(customerCount()).as("the customer registered before the refusal is rolled back").isZero();
        assertThat(opportunityCount()).isZero();
        assertThat(events).hasSize(published);
    }

    @Test
    void aMissingPipelineAfterTheCustomerWasRegisteredLeavesNothingWritten() {
        Lead lead = qualifiedPerson();
        LeadRecord before = stored(lead.id());
        PipelineId unknown = PipelineId.of(UUID.randomUUID());
        events.clear();

        assertThatThrownBy(() -> conversion.convert(command(lead.id(), CustomerChoice.createNew(), unknown)))
                .isInstanceOf(NoSuchPipelineException.class)
                .hasMessageContaining("pipelineId").hasMessageContaining(unknown.toString());

        assertThat(customerCount()).isZero();
        assertThat(opportunityCount()).isZero();
        assertThat(stored(lead.id())).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    @Test
    void aLinkToAnUnknownCustomerLeavesNothingWritten() {
        Customer existing = customer(CustomerType.B2C, "Somebody", "some@example.com", null, null);
        Lead lead = qualifiedPerson();
        LeadRecord before = stored(lead.id());
        CustomerId unknown = CustomerId.of(UUID.randomUUID());
        events.clear();

        assertThatThrownBy(() -> conversion.convert(command(lead.id(), CustomerChoice.linkTo(unknown))))
                .isInstanceOfSatisfying(NoSuchCustomerException.class,
                        e -> assertThat(e.field()).isEqualTo("customerId"))
                .hasMessageContaining(unknown.toString());

        assertThat(customerCount()).isEqualTo(1);
        assertThat(opportunityCount()).isZero();
        assertThat(customers.timeline(existing.id())).extracting(TimelineEntry::kind)
                .containsExactly(TimelineKind.REGISTERED);
        assertThat(stored(lead.id())).isEqualTo(before);
        assertThat(events).isEmpty();
    }

    @Test
    void eventsArePublishedOnlyAfterTheCommitSoThatListenersSeeTheWholeConversion() {
        List<String> seen = new ArrayList<>();
        Crm watched = Crm.builder().storage(crm.storage()).clock(clock).listener(e -> {
            if (e instanceof LeadEvent.Converted c) {
                // a listener reading storage at the moment of the event sees every part written
                seen.add(crm.leads(ACME).get(c.leadId()).status() + " "
                        + crm.opportunities(ACME).find(c.opportunityId()).isPresent() + " "
                        + crm.customers(ACME).find(c.customerId()).isPresent());
            }
            events.add(e);
        }).build();
        Lead lead = qualifiedPerson();
        events.clear();

        Conversion done = watched.leadConversion(ACME).convert(command(lead.id(), CustomerChoice.createNew()));

        assertThat(seen).containsExactly("CONVERTED true true");
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Registered", "Opened", "Converted");
        assertThat(events).filteredOn(OpportunityEvent.Opened.class::isInstance).singleElement()
                .satisfies(e -> {
                    OpportunityEvent.Opened opened = (OpportunityEvent.Opened) e;
                    assertThat(opened.opportunityId()).isEqualTo(done.opportunity());
                    assertThat(opened.campaign()).isEqualTo(spring);
                    assertThat(opened.lead()).isEqualTo(lead.id());
                });
    }

    @Test
    void aSecondTenantCannotConvertOrSeeTheLead() {
        Lead lead = qualifiedPerson();
        LeadRecord before = stored(lead.id());
        LeadConversion globex = crm.leadConversion("globex");
        PipelineId globexPipeline = crm.pipelines("globex").define("Globex", List.of(
                PipelineStage.of("NEW", "New", "0.20"))).id();

        assertThatThrownBy(() -> globex.matches(lead.id())).isInstanceOfSatisfying(NoSuchLeadException.class,
                e -> assertThat(e.field()).isEqualTo("leadId"));
        assertThatThrownBy(() -> globex.convert(command(lead.id(), CustomerChoice.createNew(), globexPipeline)))
                .isInstanceOf(NoSuchLeadException.class).hasMessageContaining("globex");
        assertThat(crm.leads("globex").find(lead.id())).isEmpty();
        assertThat(stored(lead.id())).isEqualTo(before);
        assertThat(crm.customers("globex").count(CustomerFilter.all())).isZero();

        // globex's own lead can use neither acme's pipeline nor acme's customer
        Lead theirs = crm.leads("globex").capture(CaptureLead.builder("G", SAM).email("wang@example.cn").build());
        crm.leads("globex").contact(theirs.id(), SAM);
        crm.leads("globex").qualify(theirs.id(), SAM);
        Customer acmeCustomer = customer(CustomerType.B2C, "Acme's", "wang@example.cn", null, null);
        assertThat(globex.matches(theirs.id())).as("acme's customer is never offered to globex").isEmpty();
        assertThatThrownBy(() -> globex.convert(command(theirs.id(), CustomerChoice.createNew(), pipeline)))
                .isInstanceOf(NoSuchPipelineException.class);
        assertThatThrownBy(() -> globex.convert(command(theirs.id(), CustomerChoice.linkTo(acmeCustomer.id()),
                globexPipeline))).isInstanceOf(NoSuchCustomerException.class);
        assertThat(crm.leads("globex").get(theirs.id()).status()).isEqualTo(LeadStatus.QUALIFIED);
        assertThat(crm.opportunities("globex").count(OpportunityFilter.all())).isZero();
        assertThat(crm.customers("globex").count(CustomerFilter.all())).isZero();
    }

    @Test
    void anUnknownLeadIsRefusedNamingTheField() {
        LeadId unknown = LeadId.of(UUID.randomUUID());
        assertThatThrownBy(() -> conversion.convert(command(unknown, CustomerChoice.createNew())))
                .isInstanceOfSatisfying(NoSuchLeadException.class, e -> assertThat(e.field()).isEqualTo("leadId"));
        assertThatThrownBy(() -> conversion.matches(unknown)).isInstanceOf(NoSuchLeadException.class);
        assertThat(customerCount()).isZero();
    }

    @Test
    void twoConversionsOfOneLeadRacingLeaveExactlyOneCustomerAndOneOpportunity() throws Exception {
        // Both units of work read the qualified lead and buffer their writes before either commits.
        InMemoryStorage memory = InMemoryStorage.create();
        CyclicBarrier bothRead = new CyclicBarrier(2);
        AtomicBoolean racing = new AtomicBoolean();
        CrmStorage lockstep = new CrmStorage() {
            @Override
            public <T> T inTransaction(String tenant, Function<StorageSession, T> work) {
                return memory.inTransaction(tenant, session -> {
                    T result = work.apply(session);
                    if (racing.get()) {
                        try {
                            bothRead.await(10, TimeUnit.SECONDS);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    return result;
                });
            }
        };
        List<DomainEvent> published = new CopyOnWriteArrayList<>();
        Crm racy = Crm.builder().storage(lockstep).clock(clock).listener(published::add).build();
        PipelineId p = racy.pipelines(ACME).define("P", List.of(PipelineStage.of("S", "Start", "0.10"))).id();
        LeadId lead = racy.leads(ACME).capture(CaptureLead.builder("Wang", SAM).email("wang@example.cn").build()).id();
        racy.leads(ACME).contact(lead, SAM);
        racy.leads(ACME).qualify(lead, SAM);
        published.clear();
        racing.set(true);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Conversion>> runs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> racy.leadConversion(ACME).convert(command(lead, CustomerChoice.createNew(), p))));
            }
            List<Conversion> won = new ArrayList<>();
            List<Throwable> lost = new ArrayList<>();
            for (Future<Conversion> run : runs) {
                try {
                    won.add(run.get(20, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    lost.add(e.getCause());
                }
            }
            racing.set(false);

            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().isInstanceOf(StaleWriteException.class);
            Lead stored = racy.leads(ACME).get(lead);
            assertThat(stored.customerId()).contains(won.get(0).customer());
            assertThat(stored.opportunityId()).contains(won.get(0).opportunity());
            assertThat(racy.customers(ACME).count(CustomerFilter.all())).isEqualTo(1);
            assertThat(racy.opportunities(ACME).listAll(OpportunityFilter.all().withLead(lead)))
                    .extracting(Opportunity::id).containsExactly(won.get(0).opportunity());
            assertThat(published).extracting(e -> e.getClass().getSimpleName())
                    .containsExactly("Registered", "Opened", "Converted");
        } finally {
            pool.shutdownNow();
        }
    }
}
