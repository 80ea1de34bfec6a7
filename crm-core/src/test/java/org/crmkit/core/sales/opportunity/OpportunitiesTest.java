package org.crmkit.core.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.sales.opportunity.Fixture.ALICE;
import static org.crmkit.core.sales.opportunity.Fixture.BOB;
import static org.crmkit.core.sales.opportunity.Fixture.MANAGER;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.TenantMismatchException;
import org.junit.jupiter.api.Test;

class OpportunitiesTest {
    private final Fixture f = new Fixture();
    private final Pipeline pipeline = f.standardPipeline();
    private final CustomerId customer = f.customer("Nanjing Office Supplies");
    private final LocalDate april = LocalDate.of(2026, 4, 15);

    private Opportunity open(String name, String amount, String currency, LocalDate close) {
        return f.opportunities.open(customer, ALICE, name, Money.of(amount, currency), close, pipeline.id(), null,
                null);
    }

    // ------------------------------------------------------------------ pipelines

    @Test
    void definesFindsAndListsPipelines() {
        Pipeline services = f.pipelines.define("Services", List.of(PipelineStage.of("NEW", "New", "0.5")));

        assertThat(pipeline.version()).isEqualTo(1);
        assertThat(f.pipelines.get(services.id()).stages()).isEqualTo(services.stages());
        assertThat(f.pipelines.findByName("Hardware")).map(Pipeline::id).contains(pipeline.id());
        assertThat(f.pipelines.list()).extracting(Pipeline::name).containsExactly("Hardware", "Services");
        assertThat(f.published).filteredOn(PipelineEvent.Defined.class::isInstance).hasSize(2);
    }

    @Test
    void refusesASecondPipelineWithTheSameName() {
        assertThatThrownBy(() -> f.pipelines.define(" Hardware ", Fixture.standardStages()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("name");
        assertThat(f.pipelines.list()).hasSize(1);
    }

    @Test
    void anUnknownPipelineIsNamed() {
        PipelineId unknown = PipelineId.of(UUID.randomUUID());

        assertThatThrownBy(() -> f.pipelines.get(unknown)).isInstanceOf(NoSuchPipelineException.class)
                .hasMessageContaining(unknown.toString());
        assertThatThrownBy(() -> f.opportunities.open(customer, ALICE, "x", Money.of("1", "EUR"), april, unknown,
                null, null)).isInstanceOf(NoSuchPipelineException.class);
    }

    // ------------------------------------------------------------------ opening and reading

    @Test
    void opensAndStoresAnOpportunityAndPublishesAfterCommit() {
        CampaignId campaign = CampaignId.of(UUID.randomUUID());
        LeadId lead = LeadId.of(UUID.randomUUID());

        Opportunity o = f.opportunities.open(customer, ALICE, "Forty laptops", Money.of("48000", "CNY"), april,
                pipeline.id(), campaign, lead);

        assertThat(o.version()).isEqualTo(1);
        assertThat(o.recordedEvents()).isEmpty();
        assertThat(f.opportunities.get(o.id()).toRecord()).isEqualTo(o.toRecord());
        assertThat(f.published).last().isInstanceOfSatisfying(OpportunityEvent.Opened.class,
                e -> assertThat(e.opportunityId()).isEqualTo(o.id()));
    }

    @Test
    void refusesASecondOpportunityForTheSameLead() {
        LeadId lead = LeadId.of(UUID.randomUUID());
        f.opportunities.open(customer, ALICE, "Forty laptops", Money.of("48000", "CNY"), april, pipeline.id(), null,
                lead);

        assertThatThrownBy(() -> f.opportunities.open(customer, ALICE, "Again", Money.of("1", "CNY"), april,
                pipeline.id(), null, lead))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("leadId");
        assertThat(f.opportunities.count(OpportunityFilter.all())).isEqualTo(1);
    }

    @Test
    void refusesToOpenForAnUnknownCustomer() {
        int before = f.published.size();

        assertThatThrownBy(() -> f.opportunities.open(CustomerId.of(UUID.randomUUID()), ALICE, "x",
                Money.of("1", "EUR"), april, pipeline.id(), null, null)).isInstanceOf(NoSuchCustomerException.class);
        assertThat(f.opportunities.count(OpportunityFilter.all())).isZero();
        assertThat(f.published).hasSize(before);
    }

    @Test
    void anUnknownOpportunityIsNamed() {
        OpportunityId unknown = OpportunityId.of(UUID.randomUUID());

        assertThat(f.opportunities.find(unknown)).isEmpty();
        assertThatThrownBy(() -> f.opportunities.moveToStage(unknown, "PROPOSAL", ALICE))
                .isInstanceOf(NoSuchOpportunityException.class).hasMessageContaining(unknown.toString());
    }

    @Test
    void opensInsideTheCallersUnitOfWorkAndPublishesNothing() {
        int before = f.published.size();

        Opportunity o = f.storage.inTransaction("tiandi", session -> f.opportunities.openWithin(session, customer,
                ALICE, "Printer", Money.of("500", "EUR"), april, pipeline.id(), null, LeadId.of(UUID.randomUUID())));

        assertThat(f.published).hasSize(before);
        assertThat(o.recordedEvents()).hasSize(1);
        assertThat(f.opportunities.get(o.id()).version()).isEqualTo(1);
        assertThatThrownBy(() -> f.storage.inTransaction("other", session -> f.opportunities.findWithin(session,
                o.id()))).isInstanceOf(TenantMismatchException.class);
    }

    @Test
    void theLeadCanOpenWithTheFactoryAndInsertTheRecordItself() {
        Opportunity o = f.storage.inTransaction("tiandi", session -> {
            Pipeline p = f.pipelines.findWithin(session, pipeline.id()).orElseThrow();
            Opportunity opened = Opportunity.open(OpportunityId.of(UUID.randomUUID()), TenantId.of("tiandi"), customer,
                    BOB, "From a lead", Money.of("900", "EUR"), april, p, null, LeadId.of(UUID.randomUUID()), f.clock);
            session.records(OpportunityRecord.KIND).insert(opened.toRecord());
            return opened;
        });

        assertThat(f.opportunities.get(o.id()).owner()).isEqualTo(BOB);
    }

    @Test
    void listsByOwnerCustomerStatusCampaignAndLead() {
        CampaignId spring = CampaignId.of(UUID.randomUUID());
        LeadId lead = LeadId.of(UUID.randomUUID());
        CustomerId other = f.customer("Suzhou Schools");
        Opportunity a = open("a", "100", "EUR", april);
        Opportunity b = f.opportunities.open(other, BOB, "b", Money.of("200", "EUR"), april, pipeline.id(), spring,
                lead);
        Opportunity c = open("c", "300", "EUR", april);
        f.opportunities.lose(c.id(), "Price", "Acme", ALICE);

        assertThat(f.opportunities.listAll(OpportunityFilter.all().withOwner(ALICE))).extracting(Opportunity::id)
                .containsExactlyInAnyOrder(a.id(), c.id());
        assertThat(f.opportunities.listAll(OpportunityFilter.all().withCustomer(other))).extracting(Opportunity::id)
                .containsExactly(b.id());
        assertThat(f.opportunities.listAll(OpportunityFilter.all().withStatus(OpportunityStatus.LOST)))
                .extracting(Opportunity::id).containsExactly(c.id());
        assertThat(f.opportunities.listAll(OpportunityFilter.all().withCampaign(spring))).extracting(Opportunity::id)
                .containsExactly(b.id());
        assertThat(f.opportunities.listAll(OpportunityFilter.all().withLead(lead))).extracting(Opportunity::id)
                .containsExactly(b.id());
        assertThat(f.opportunities.count(OpportunityFilter.all().withPipeline(pipeline.id())
                .withStatus(OpportunityStatus.OPEN))).isEqualTo(2);
        assertThat(f.opportunities.list(OpportunityFilter.all(), PageRequest.first(2)).items()).hasSize(2);
    }

    // ------------------------------------------------------------------ verbs

    @Test
    void eachVerbStoresANewVersionAndPublishesItsEvent() {
        Opportunity o = open("Forty laptops", "48000", "CNY", april);
        f.advance(Duration.ofDays(2));

        assertThat(f.opportunities.moveToStage(o.id(), "PROPOSAL", ALICE).version()).isEqualTo(2);
        assertThat(f.opportunities.setProbability(o.id(), new BigDecimal("0.6"), ALICE).probability())
                .isEqualTo(new BigDecimal("0.60"));
        assertThat(f.opportunities.clearProbability(o.id(), ALICE).probability()).isEqualTo(new BigDecimal("0.40"));
        Activity call = f.opportunities.scheduleActivity(o.id(), ActivityKind.CALL, "Call the buyer",
                LocalDate.of(2026, 3, 5), ALICE);
        assertThat(f.opportunities.completeActivity(o.id(), call.id(), ALICE).activity(call.id()))
                .map(Activity::status).contains(ActivityStatus.DONE);
        assertThat(f.opportunities.route(o.id(), BOB, MANAGER, "Alice on leave").owner()).isEqualTo(BOB);
        assertThat(f.opportunities.revise(o.id(), Money.of("50000", "CNY"), april, BOB).amount())
                .isEqualTo(Money.of("50000.00", "CNY"));
        Opportunity won = f.opportunities.win(o.id(), "Best service", "Acme", BOB);

        assertThat(won.version()).isEqualTo(9);
        assertThat(won.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(won.routingHistory()).singleElement().satisfies(r -> {
            assertThat(r.from()).isEqualTo(ALICE);
            assertThat(r.to()).isEqualTo(BOB);
            assertThat(r.by()).isEqualTo(MANAGER);
        });
        assertThat(won.stageHistory()).extracting(StageChange::fromStage, StageChange::toStage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(null, "QUALIFY"),
                        org.assertj.core.groups.Tuple.tuple("QUALIFY", "PROPOSAL"));
        assertThat(f.published).filteredOn(OpportunityEvent.class::isInstance)
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Opened", "StageChanged", "ProbabilitySet", "ProbabilityCleared",
                        "ActivityScheduled", "ActivityCompleted", "Routed", "Revised", "Won");
    }

    @Test
    void aRefusedVerbWritesAndPublishesNothing() {
        Opportunity o = open("Forty laptops", "48000", "CNY", april);
        f.opportunities.win(o.id(), "Signed", null, ALICE);
        int before = f.published.size();

        assertThatThrownBy(() -> f.opportunities.route(o.id(), BOB, MANAGER, "too late"))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("WON");
        assertThatThrownBy(() -> f.opportunities.moveToStage(o.id(), "PROPOSAL", ALICE))
                .isInstanceOf(IllegalTransitionException.class);

        assertThat(f.opportunities.get(o.id()).version()).isEqualTo(2);
        assertThat(f.published).hasSize(before);
    }

    @Test
    void severalVerbsCanRunInOneUnitOfWork() {
        Opportunity o = open("Forty laptops", "48000", "CNY", april);

        Opportunity changed = f.opportunities.change(o.id(), x -> {
            x.route(BOB, MANAGER, "Territory");
            x.setProbability(new BigDecimal("0.25"), BOB);
        });

        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.owner()).isEqualTo(BOB);
    }

    // ------------------------------------------------------------------ analytics

    @Test
    void forecastsPerOwnerAndCurrencyWeightedByProbability() {
        LocalDate from = LocalDate.of(2026, 4, 1);
        LocalDate to = LocalDate.of(2026, 4, 30);
        // alice, CNY: 48000.00 in QUALIFY (0.10) -> 4800.00
        open("a1", "48000.00", "CNY", LocalDate.of(2026, 4, 15));
        // alice, CNY: 10000.00 in PROPOSAL (0.40), closing on the last day (included) -> 4000.00
        Opportunity a2 = open("a2", "10000.00", "CNY", to);
        f.opportunities.moveToStage(a2.id(), "PROPOSAL", ALICE);
        // alice, EUR: 1200.50 at 0.33 by hand, closing on the first day (included) -> 396.165, rounds to 396.17
        Opportunity a3 = open("a3", "1200.50", "EUR", from);
        f.opportunities.setProbability(a3.id(), new BigDecimal("0.33"), ALICE);
        // alice: closes after the period, and one won in it -> both left out
        open("a4", "99999.00", "CNY", LocalDate.of(2026, 5, 1));
        Opportunity a5 = open("a5", "5000.00", "CNY", LocalDate.of(2026, 4, 10));
        f.opportunities.win(a5.id(), "Signed", null, ALICE);
        // bob, CNY: 20000.00 in NEGOTIATE (0.75) -> 15000.00
        Opportunity b1 = open("b1", "20000.00", "CNY", LocalDate.of(2026, 4, 20));
        f.opportunities.route(b1.id(), BOB, MANAGER, null);
        f.opportunities.moveToStage(b1.id(), "NEGOTIATE", BOB);
        // bob, CNY: 3000.00 routed from alice, QUALIFY (0.10) -> 300.00
        Opportunity b2 = open("b2", "3000.00", "CNY", LocalDate.of(2026, 4, 5));
        f.opportunities.route(b2.id(), BOB, MANAGER, "Territory");
        // bob, EUR: twice 10.05 at 0.50 by hand -> 5.025 + 5.025 = 10.05 exactly
        // (rounding each first would give 5.03 + 5.03 = 10.06)
        for (String name : List.of("b3", "b4")) {
            Opportunity b = open(name, "10.05", "EUR", LocalDate.of(2026, 4, 28));
            f.opportunities.route(b.id(), BOB, MANAGER, null);
            f.opportunities.setProbability(b.id(), new BigDecimal("0.50"), BOB);
        }

        Forecast forecast = f.opportunities.forecast(from, to);

        assertThat(forecast.lines()).containsExactly(
                new ForecastLine(ALICE, Money.currency("CNY"), 2, Money.of("58000.00", "CNY"),
                        Money.of("8800.00", "CNY")),
                new ForecastLine(ALICE, Money.currency("EUR"), 1, Money.of("1200.50", "EUR"),
                        Money.of("396.17", "EUR")),
                new ForecastLine(BOB, Money.currency("CNY"), 2, Money.of("23000.00", "CNY"),
                        Money.of("15300.00", "CNY")),
                new ForecastLine(BOB, Money.currency("EUR"), 2, Money.of("20.10", "EUR"),
                        Money.of("10.05", "EUR")));
        assertThat(forecast.linesOf(BOB)).hasSize(2);
        assertThat(forecast.line(ALICE, "EUR")).map(ForecastLine::count).contains(1);
    }

    @Test
    void aForecastOfAnEmptyPeriodHasNoLinesAndAReversedPeriodIsRefused() {
        open("a1", "100", "EUR", april);

        assertThat(f.opportunities.forecast(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 1, 31)).lines()).isEmpty();
        assertThatThrownBy(() -> f.opportunities.forecast(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("to");
    }

    @Test
    void forecastsMonthByMonth() {
        // March: 1000.00 at 0.10 -> 100.00; April: 2000.00 at 0.10 + 500.00 at 0.40 -> 400.00; May: nothing
        open("march", "1000.00", "EUR", LocalDate.of(2026, 3, 31));
        open("april", "2000.00", "EUR", LocalDate.of(2026, 4, 1));
        Opportunity moved = open("april too", "500.00", "EUR", LocalDate.of(2026, 4, 30));
        f.opportunities.moveToStage(moved.id(), "PROPOSAL", ALICE);

        List<Forecast> months = f.opportunities.forecastByMonth(YearMonth.of(2026, 3), YearMonth.of(2026, 5));

        assertThat(months).extracting(Forecast::from).containsExactly(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1));
        assertThat(months.get(0).line(ALICE, "EUR")).map(ForecastLine::weighted).contains(Money.of("100.00", "EUR"));
        assertThat(months.get(1).line(ALICE, "EUR")).map(ForecastLine::weighted).contains(Money.of("400.00", "EUR"));
        assertThat(months.get(1).line(ALICE, "EUR")).map(ForecastLine::count).contains(2);
        assertThat(months.get(2).lines()).isEmpty();
        assertThatThrownBy(() -> f.opportunities.forecastByMonth(YearMonth.of(2026, 5), YearMonth.of(2026, 3)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("last");
    }

    @Test
    void averagesTheSalesCycleOverWonOpportunitiesOnly() {
        assertThat(f.opportunities.averageSalesCycle().average()).isEmpty();

        // opened 2026-03-02T09:00, won 10 days later
        Opportunity slow = open("slow", "100", "EUR", april);
        f.advance(Duration.ofDays(1));
        // opened a day later, won 4 days 12 hours later
        Opportunity quick = open("quick", "100", "EUR", april);
        Opportunity lost = open("lost", "100", "EUR", april);
        f.advance(Duration.ofHours(108));
        f.opportunities.route(quick.id(), BOB, MANAGER, null);
        f.opportunities.win(quick.id(), "Fast decision", null, BOB);
        f.advance(Duration.ofHours(108));
        f.opportunities.win(slow.id(), "Signed", null, ALICE);
        f.opportunities.lose(lost.id(), "Price", "Acme", ALICE);

        SalesCycle cycle = f.opportunities.averageSalesCycle();

        // (10 d + 4 d 12 h) / 2 = 7 d 6 h; the lost one does not count
        assertThat(cycle.won()).isEqualTo(2);
        assertThat(cycle.total()).isEqualTo(Duration.ofHours(348));
        assertThat(cycle.average()).contains(Duration.ofHours(174));
        assertThat(f.opportunities.averageSalesCycle(ALICE).average()).contains(Duration.ofDays(10));
    }
}
