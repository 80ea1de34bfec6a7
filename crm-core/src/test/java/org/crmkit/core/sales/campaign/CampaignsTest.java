package org.crmkit.core.sales.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.Customers;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.core.sales.lead.CaptureLead;
import org.crmkit.core.sales.lead.Lead;
import org.crmkit.core.sales.lead.Leads;
import org.crmkit.spi.storage.PageRequest;
import org.junit.jupiter.api.Test;

class CampaignsTest {

    private static final StaffId ANNA = StaffId.of("anna");
    private static final TenantId TENANT = TenantId.of("acme");

    private final TestClock clock = TestClock.at("2026-03-01T08:00:00Z");
    private final InMemoryStorage storage = InMemoryStorage.create();
    private final List<DomainEvent> events = new ArrayList<>();
    private final IdGenerator ids = IdGenerator.timeOrdered(clock);
    private final Campaigns campaigns = new Campaigns(TENANT, storage, clock, ids, events::add);
    private final Customers customers = new Customers(TENANT, storage, clock, ids, e -> { });
    private final Leads leads = new Leads(TENANT, storage, clock, ids, e -> { });

    private Campaign plan(TargetSegment target) {
        return campaigns.plan(CampaignTest.command(target, Money.of("1000.00", "EUR")));
    }

    private Customer customer(String name, long income) {
        Customer c = customers.register(RegisterCustomer.builder(CustomerType.B2C, name, "anna").build());
        return customers.change(c.id(), x -> x.recordAttribute(AttributeCategory.INTERNAL, "income",
                AttributeValue.of(income)));
    }

    @Test
    void plansStoresAndPublishesAfterCommit() {
        Campaign c = plan(CampaignTest.rule());
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.recordedEvents()).isEmpty();
        assertThat(events).singleElement().isInstanceOf(CampaignEvent.Planned.class);
        assertThat(campaigns.get(c.id()).toRecord()).isEqualTo(c.toRecord());
    }

    @Test
    void eachVerbStoresANewVersion() {
        Campaign c = plan(CampaignTest.rule());
        campaigns.launch(c.id(), ANNA);
        campaigns.recordCost(c.id(), Money.of("250.00", "EUR"));
        Campaign done = campaigns.complete(c.id(), ANNA);
        assertThat(done.version()).isEqualTo(4);
        Campaign stored = campaigns.get(c.id());
        assertThat(stored.version()).isEqualTo(4);
        assertThat(stored.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(stored.actualCost()).isEqualTo(Money.of("250.00", "EUR"));
        assertThat(events).hasSize(4);
    }

    @Test
    void aRefusedMoveStoresNothing() {
        Campaign c = plan(CampaignTest.rule());
        assertThatThrownBy(() -> campaigns.complete(c.id(), ANNA)).isInstanceOf(IllegalTransitionException.class);
        assertThat(campaigns.get(c.id()).version()).isEqualTo(1);
        assertThat(events).hasSize(1);
    }

    @Test
    void cancelsWithAReason() {
        Campaign c = plan(CampaignTest.rule());
        campaigns.launch(c.id(), ANNA);
        Campaign cancelled = campaigns.cancel(c.id(), ANNA, "competitor price war");
        assertThat(cancelled.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(campaigns.get(c.id()).history().get(2).reason()).isEqualTo("competitor price war");
    }

    @Test
    void attributingTheSameSaleTwiceWritesOnce() {
        Campaign c = plan(CampaignTest.rule());
        campaigns.launch(c.id(), ANNA);
        UUID order = UUID.randomUUID();
        assertThat(campaigns.attributeRevenue(c.id(), order, Money.of("10.00", "EUR"))).isTrue();
        assertThat(campaigns.attributeRevenue(c.id(), order, Money.of("10.00", "EUR"))).isFalse();
        assertThat(campaigns.get(c.id()).version()).isEqualTo(3);
        assertThat(campaigns.linkFeedback(c.id(), UUID.randomUUID())).isTrue();
    }

    @Test
    void anUnknownCampaignIsRefused() {
        CampaignId unknown = CampaignId.of(UUID.randomUUID());
        assertThat(campaigns.find(unknown)).isEmpty();
        assertThatThrownBy(() -> campaigns.get(unknown)).isInstanceOf(NoSuchCampaignException.class)
                .extracting("field").isEqualTo("campaignId");
        assertThatThrownBy(() -> campaigns.launch(unknown, ANNA)).isInstanceOf(NoSuchCampaignException.class);
        Campaign other = new Campaigns(TenantId.of("other"), storage, clock, ids, e -> { })
                .plan(CampaignTest.command(CampaignTest.rule(), Money.of("1", "EUR")));
        assertThat(campaigns.find(other.id())).as("another tenant's campaign").isEmpty();
    }

    @Test
    void listsByStatusAndOwner() {
        Campaign a = plan(CampaignTest.rule());
        Campaign b = plan(CampaignTest.rule());
        campaigns.launch(b.id(), ANNA);
        assertThat(campaigns.list(CampaignFilter.all().inStatus(CampaignStatus.ACTIVE), PageRequest.first(10)).items())
                .extracting(Campaign::id).containsExactly(b.id());
        assertThat(campaigns.list(CampaignFilter.all().ownedBy(ANNA), PageRequest.first(10)).items())
                .extracting(Campaign::id).containsExactly(a.id(), b.id());
        assertThat(campaigns.list(CampaignFilter.all().ownedBy(StaffId.of("nobody")), PageRequest.first(10)).items())
                .isEmpty();
    }

    @Test
    void targetsTheCustomersItsRuleSelectsAcrossPages() {
        List<CustomerId> rich = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            Customer c = customer("C" + i, i % 3 == 0 ? 90_000 : 10_000);
            if (i % 3 == 0) {
                rich.add(c.id());
            }
        }
        Campaign c = plan(TargetSegment.Rule.allOf(TargetCondition.attributeAtLeast(AttributeCategory.INTERNAL,
                "income", AttributeValue.of(50_000))));
        assertThat(campaigns.targets(c.id())).extracting(Customer::id).containsExactlyElementsOf(rich);
    }

    @Test
    void targetsTheListedCustomersThatExist() {
        Customer a = customer("A", 1);
        Customer b = customer("B", 1);
        CustomerId gone = CustomerId.of(UUID.randomUUID());
        Campaign c = plan(new TargetSegment.FixedList(List.of(b.id(), gone, a.id())));
        assertThat(campaigns.targets(c.id())).extracting(Customer::id).containsExactly(b.id(), a.id());
    }

    @Test
    void performanceReadsReturnAndTheLeadFunnelOffTheCampaign() {
        Campaign c = plan(CampaignTest.rule());
        campaigns.launch(c.id(), ANNA);
        campaigns.recordCost(c.id(), Money.of("400.00", "EUR"));
        campaigns.attributeRevenue(c.id(), UUID.randomUUID(), Money.of("1000.00", "EUR"));
        campaigns.linkFeedback(c.id(), UUID.randomUUID());
        List<Lead> captured = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            captured.add(leads.capture(CaptureLead.builder("P" + i, ANNA).campaign(c.id())
                    .email("p" + i + "@example.com").build()));
        }
        leads.capture(CaptureLead.builder("Elsewhere", ANNA).email("x@example.com").build());
        leads.contact(captured.get(0).id(), ANNA);
        leads.qualify(captured.get(0).id(), ANNA);
        leads.contact(captured.get(1).id(), ANNA);
        leads.qualify(captured.get(1).id(), ANNA);
        leads.contact(captured.get(2).id(), ANNA);
        leads.disqualify(captured.get(2).id(), "no budget", ANNA);
        leads.disqualify(captured.get(3).id(), "spam", ANNA);

        CampaignPerformance p = campaigns.performance(c.id());
        assertThat(p.actualCost()).isEqualTo(Money.of("400.00", "EUR"));
        assertThat(p.attributedRevenue()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(p.returnOnCost()).contains(new BigDecimal("2.5000"));
        assertThat(p.feedbackCount()).isEqualTo(1);
        assertThat(p.funnel()).isEqualTo(new CampaignFunnel(5, 3, 2, 0, 2));
        assertThat(p.funnel().conversionRate()).contains(new BigDecimal("0.0000"));
        assertThat(CampaignFunnel.empty().conversionRate()).isEmpty();
    }
}
