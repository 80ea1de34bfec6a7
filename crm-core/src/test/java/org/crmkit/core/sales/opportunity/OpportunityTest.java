package org.crmkit.core.sales.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.sales.opportunity.Fixture.ALICE;
import static org.crmkit.core.sales.opportunity.Fixture.BOB;
import static org.crmkit.core.sales.opportunity.Fixture.MANAGER;
import static org.crmkit.core.sales.opportunity.Fixture.TENANT;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OpportunityStageChangeRecord;
import org.junit.jupiter.api.Test;

class OpportunityTest {
    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final Pipeline pipeline = Pipeline.define(PipelineId.of(UUID.randomUUID()), TENANT, "Hardware",
            Fixture.standardStages(), clock);
    private final CampaignId campaign = CampaignId.of(UUID.randomUUID());
    private final LeadId lead = LeadId.of(UUID.randomUUID());

    private Opportunity open() {
        return Opportunity.open(OpportunityId.of(UUID.randomUUID()), TENANT, CustomerId.of(UUID.randomUUID()), ALICE,
                "Forty laptops", Money.of("48000.00", "CNY"), LocalDate.of(2026, 4, 30), pipeline, campaign, lead,
                clock);
    }

    /** An opportunity as stored and read back, so that it has no recorded events yet. */
    private Opportunity stored(Opportunity o) {
        return Opportunity.restore(o.toRecord(), clock);
    }

    private static void assertRefusedUnchanged(Opportunity o, Consumer<Opportunity> verb, String state, String move) {
        OpportunityRecord before = o.toRecord();
        int events = o.recordedEvents().size();
        assertThatThrownBy(() -> verb.accept(o)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.aggregate()).isEqualTo("opportunity");
            assertThat(e.id()).isEqualTo(o.id().value());
            assertThat(e.state()).isEqualTo(state);
            assertThat(e.move()).isEqualTo(move);
        });
        assertThat(o.toRecord()).isEqualTo(before);
        assertThat(o.recordedEvents()).hasSize(events);
    }

    private static void assertInvalidUnchanged(Opportunity o, Consumer<Opportunity> verb, String field) {
        OpportunityRecord before = o.toRecord();
        int events = o.recordedEvents().size();
        assertThatThrownBy(() -> verb.accept(o)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo(field);
        assertThat(o.toRecord()).isEqualTo(before);
        assertThat(o.recordedEvents()).hasSize(events);
    }

    // ------------------------------------------------------------------ open

    @Test
    void opensInThePipelinesFirstStageWithItsDefaultProbability() {
        Opportunity o = open();

        assertThat(o.status()).isEqualTo(OpportunityStatus.OPEN);
        assertThat(o.stageCode()).isEqualTo("QUALIFY");
        assertThat(o.probability()).isEqualTo(new BigDecimal("0.10"));
        assertThat(o.probabilitySetByHand()).isFalse();
        assertThat(o.version()).isZero();
        assertThat(o.campaignId()).contains(campaign);
        assertThat(o.leadId()).contains(lead);
        assertThat(o.stageHistory()).containsExactly(new StageChange(null, "QUALIFY",
                Instant.parse("2026-03-02T09:00:00Z"), ALICE, Duration.ZERO));
        assertThat(o.recordedEvents()).singleElement().isInstanceOfSatisfying(OpportunityEvent.Opened.class, e -> {
            assertThat(e.stageCode()).isEqualTo("QUALIFY");
            assertThat(e.lead()).isEqualTo(lead);
        });
        assertThat(o.toRecord().version()).isEqualTo(1);
    }

    @Test
    void refusesToOpenWithBadInputNamingTheField() {
        OpportunityId id = OpportunityId.of(UUID.randomUUID());
        CustomerId customer = CustomerId.of(UUID.randomUUID());
        LocalDate close = LocalDate.of(2026, 4, 30);
        assertThatThrownBy(() -> Opportunity.open(id, TENANT, customer, ALICE, " ", Money.of("1", "EUR"), close,
                pipeline, null, null, clock)).extracting("field").isEqualTo("name");
        assertThatThrownBy(() -> Opportunity.open(id, TENANT, customer, ALICE, "x", Money.of("-1", "EUR"), close,
                pipeline, null, null, clock)).extracting("field").isEqualTo("amount");
        assertThatThrownBy(() -> Opportunity.open(id, TENANT, customer, ALICE, "x", Money.of("1", "EUR"), null,
                pipeline, null, null, clock)).extracting("field").isEqualTo("expectedClose");
        assertThatThrownBy(() -> Opportunity.open(id, TENANT, customer, null, "x", Money.of("1", "EUR"), close,
                pipeline, null, null, clock)).extracting("field").isEqualTo("owner");
        assertThatThrownBy(() -> Opportunity.open(id, TenantId.of("other"), customer, ALICE, "x",
                Money.of("1", "EUR"), close, pipeline, null, null, clock)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("pipeline");
    }

    @Test
    void opensWithoutCampaignOrLead() {
        Opportunity o = Opportunity.open(OpportunityId.of(UUID.randomUUID()), TENANT, CustomerId.of(UUID.randomUUID()),
                ALICE, "Walk-in", Money.of("0", "EUR"), LocalDate.of(2026, 4, 30), pipeline, null, null, clock);

        assertThat(o.campaignId()).isEmpty();
        assertThat(o.leadId()).isEmpty();
        assertThat(o.toRecord().campaignId()).isNull();
    }

    // ------------------------------------------------------------------ stages

    @Test
    void movingToAStageRecordsFromToWhenWhoAndTimeSpent() {
        Opportunity o = stored(open());
        clock.advance(Duration.ofDays(3));

        o.moveToStage(pipeline, "proposal", BOB);

        assertThat(o.stageCode()).isEqualTo("PROPOSAL");
        assertThat(o.probability()).isEqualTo(new BigDecimal("0.40"));
        assertThat(o.stageHistory()).last().isEqualTo(new StageChange("QUALIFY", "PROPOSAL",
                Instant.parse("2026-03-05T09:00:00Z"), BOB, Duration.ofDays(3)));
        assertThat(o.recordedEvents()).singleElement().isInstanceOfSatisfying(OpportunityEvent.StageChanged.class,
                e -> assertThat(e.timeInFromStage()).isEqualTo(Duration.ofDays(3)));
    }

    @Test
    void mayMoveBackwards() {
        Opportunity o = open();
        o.moveToStage(pipeline, "NEGOTIATE", ALICE);
        o.moveToStage(pipeline, "QUALIFY", ALICE);

        assertThat(o.stageHistory()).extracting(StageChange::toStage)
                .containsExactly("QUALIFY", "NEGOTIATE", "QUALIFY");
        assertThat(o.probability()).isEqualTo(new BigDecimal("0.10"));
    }

    @Test
    void refusesAnUnknownStageTheCurrentStageOrAnotherPipeline() {
        Opportunity o = open();
        Pipeline other = Pipeline.define(PipelineId.of(UUID.randomUUID()), TENANT, "Services",
                Fixture.standardStages(), clock);

        assertInvalidUnchanged(o, x -> x.moveToStage(pipeline, "WON", ALICE), "stageCode");
        assertInvalidUnchanged(o, x -> x.moveToStage(pipeline, "QUALIFY", ALICE), "stageCode");
        assertInvalidUnchanged(o, x -> x.moveToStage(other, "PROPOSAL", ALICE), "pipeline");
        assertInvalidUnchanged(o, x -> x.moveToStage(pipeline, "PROPOSAL", null), "by");
    }

    @Test
    void timeInStagesAddsUpToTheTimeSinceOpening() {
        Opportunity o = open();
        clock.advance(Duration.ofHours(5));
        o.moveToStage(pipeline, "PROPOSAL", ALICE);
        clock.advance(Duration.ofMinutes(90));
        o.moveToStage(pipeline, "NEGOTIATE", ALICE);
        clock.advance(Duration.ofDays(2));

        // 5 h in QUALIFY + 1.5 h in PROPOSAL + 2 days (so far) in NEGOTIATE = the whole 2 days 6.5 h
        Duration left = o.stageHistory().stream().map(StageChange::timeInFromStage)
                .reduce(Duration.ZERO, Duration::plus);
        assertThat(left).isEqualTo(Duration.ofMinutes(390));
        assertThat(o.timeInCurrentStage(clock.instant())).isEqualTo(Duration.ofDays(2));
        assertThat(left.plus(o.timeInCurrentStage(clock.instant())))
                .isEqualTo(Duration.between(o.createdAt(), clock.instant()));
    }

    @Test
    void aClockThatStepsBackNeverMakesANegativeTimeInStage() {
        Opportunity o = open();
        clock.advance(Duration.ofHours(-2));

        o.moveToStage(pipeline, "PROPOSAL", ALICE);

        assertThat(o.stageHistory().get(1).timeInFromStage()).isEqualTo(Duration.ZERO);
        assertThat(o.stageHistory().get(1).at()).isEqualTo(o.createdAt());
    }

    // ------------------------------------------------------------------ probability

    @Test
    void aProbabilitySetByHandSticksUntilTheStageChanges() {
        Opportunity o = open();
        o.setProbability(new BigDecimal("0.35"), ALICE);
        clock.advance(Duration.ofHours(1));
        o.scheduleActivity(UUID.randomUUID(), ActivityKind.CALL, "Follow up", LocalDate.of(2026, 3, 3), ALICE);

        assertThat(o.probability()).isEqualTo(new BigDecimal("0.35"));
        assertThat(o.probabilitySetByHand()).isTrue();

        o.moveToStage(pipeline, "PROPOSAL", ALICE);

        assertThat(o.probability()).isEqualTo(new BigDecimal("0.40"));
        assertThat(o.probabilitySetByHand()).isFalse();
    }

    @Test
    void clearingAProbabilitySetByHandRestoresTheStageDefault() {
        Opportunity o = open();
        o.moveToStage(pipeline, "PROPOSAL", ALICE);
        o.setProbability(new BigDecimal("0.9"), ALICE);

        o.clearProbability(BOB);

        assertThat(o.probability()).isEqualTo(new BigDecimal("0.40"));
        assertThat(o.probabilitySetByHand()).isFalse();
        assertThat(o.recordedEvents()).last().isEqualTo(new OpportunityEvent.ProbabilityCleared(TENANT, o.id(),
                o.updatedAt(), new BigDecimal("0.90"), new BigDecimal("0.40"), BOB));
    }

    @Test
    void refusesToClearAProbabilityThatWasNotSetByHand() {
        Opportunity o = open();

        assertInvalidUnchanged(o, x -> x.clearProbability(ALICE), "probability");
    }

    @Test
    void refusesAProbabilityOutsideZeroToOneOrFinerThanAPercent() {
        Opportunity o = open();

        assertInvalidUnchanged(o, x -> x.setProbability(new BigDecimal("1.5"), ALICE), "probability");
        assertInvalidUnchanged(o, x -> x.setProbability(new BigDecimal("0.333"), ALICE), "probability");
        assertInvalidUnchanged(o, x -> x.setProbability(null, ALICE), "probability");
    }

    @Test
    void weightsTheAmountByTheProbability() {
        Opportunity o = open();
        o.setProbability(new BigDecimal("0.33"), ALICE);

        // 48000.00 x 0.33 = 15840.00
        assertThat(o.weightedAmount()).isEqualTo(Money.of("15840.00", "CNY"));
    }

    // ------------------------------------------------------------------ revise

    @Test
    void revisesAmountAndExpectedClose() {
        Opportunity o = open();

        o.revise(Money.of("50000", "CNY"), LocalDate.of(2026, 5, 15), BOB);

        assertThat(o.amount()).isEqualTo(Money.of("50000.00", "CNY"));
        assertThat(o.expectedClose()).isEqualTo(LocalDate.of(2026, 5, 15));
        assertThat(o.recordedEvents()).last().isInstanceOf(OpportunityEvent.Revised.class);
        assertInvalidUnchanged(o, x -> x.revise(Money.of("-5", "CNY"), LocalDate.of(2026, 5, 15), BOB), "amount");
    }

    // ------------------------------------------------------------------ win and lose

    @Test
    void winningSetsProbabilityToOneAndRecordsReasonAndCycle() {
        Opportunity o = open();
        o.setProbability(new BigDecimal("0.20"), ALICE);
        clock.advance(Duration.ofDays(10));

        o.win("Best service terms", "Acme Computers", BOB);

        assertThat(o.status()).isEqualTo(OpportunityStatus.WON);
        assertThat(o.probability()).isEqualTo(new BigDecimal("1.00"));
        assertThat(o.probabilitySetByHand()).isFalse();
        assertThat(o.closeReason()).contains("Best service terms");
        assertThat(o.competitor()).contains("Acme Computers");
        assertThat(o.closedBy()).contains(BOB);
        assertThat(o.salesCycle()).contains(Duration.ofDays(10));
        assertThat(o.recordedEvents()).last().isInstanceOfSatisfying(OpportunityEvent.Won.class,
                e -> assertThat(e.salesCycle()).isEqualTo(Duration.ofDays(10)));
    }

    @Test
    void losingSetsProbabilityToZeroAndTheCompetitorIsOptional() {
        Opportunity o = open();

        o.lose("No budget this year", null, ALICE);

        assertThat(o.status()).isEqualTo(OpportunityStatus.LOST);
        assertThat(o.probability()).isEqualTo(new BigDecimal("0.00"));
        assertThat(o.competitor()).isEmpty();
        assertThat(o.recordedEvents()).last().isInstanceOf(OpportunityEvent.Lost.class);
    }

    @Test
    void closingNeedsAReason() {
        Opportunity o = open();

        assertInvalidUnchanged(o, x -> x.win(null, null, ALICE), "reason");
        assertInvalidUnchanged(o, x -> x.lose("  ", "Acme", ALICE), "reason");
        assertInvalidUnchanged(o, x -> x.lose("Price", "x".repeat(201), ALICE), "competitor");
    }

    @Test
    void aClosedOpportunityRefusesEveryVerbNamingStateAndMoveAndStaysUnchanged() {
        Opportunity won = open();
        UUID activity = won.scheduleActivity(UUID.randomUUID(), ActivityKind.TASK, "Send contract",
                LocalDate.of(2026, 3, 5), ALICE).id();
        won.win("Signed", null, ALICE);
        Opportunity lost = open();
        lost.lose("Price", "Acme", ALICE);

        assertRefusedUnchanged(won, x -> x.win("again", null, ALICE), "WON", "to WON");
        assertRefusedUnchanged(won, x -> x.lose("changed mind", null, ALICE), "WON", "to LOST");
        assertRefusedUnchanged(lost, x -> x.win("after all", null, ALICE), "LOST", "to WON");
        assertRefusedUnchanged(won, x -> x.moveToStage(pipeline, "PROPOSAL", ALICE), "WON", "move to stage PROPOSAL");
        assertRefusedUnchanged(won, x -> x.setProbability(new BigDecimal("0.5"), ALICE), "WON",
                "set probability to 0.5");
        assertRefusedUnchanged(lost, x -> x.clearProbability(ALICE), "LOST", "clear probability");
        assertRefusedUnchanged(lost, x -> x.revise(Money.of("1", "CNY"), LocalDate.of(2026, 5, 1), ALICE), "LOST",
                "revise");
        assertRefusedUnchanged(won, x -> x.scheduleActivity(UUID.randomUUID(), ActivityKind.CALL, "Thanks",
                LocalDate.of(2026, 3, 5), ALICE), "WON", "schedule activity");
        assertRefusedUnchanged(won, x -> x.completeActivity(activity, ALICE), "WON", "complete activity " + activity);
        assertRefusedUnchanged(lost, x -> x.route(BOB, MANAGER, "rebalance"), "LOST", "route to bob");
    }

    @Test
    void theStatusMachineAllowsOnlyOpenToWonOrLost() {
        assertThat(OpportunityStatus.OPEN.canTransitionTo(OpportunityStatus.WON)).isTrue();
        assertThat(OpportunityStatus.OPEN.canTransitionTo(OpportunityStatus.LOST)).isTrue();
        assertThat(OpportunityStatus.OPEN.canTransitionTo(OpportunityStatus.OPEN)).isFalse();
        for (OpportunityStatus closed : List.of(OpportunityStatus.WON, OpportunityStatus.LOST)) {
            assertThat(closed.successors()).isEmpty();
            assertThat(closed.isClosed()).isTrue();
        }
    }

    @Test
    void timeInTheLastStageStopsWhenTheOpportunityCloses() {
        Opportunity o = open();
        clock.advance(Duration.ofDays(4));
        o.lose("Price", "Acme", ALICE);
        clock.advance(Duration.ofDays(30));

        assertThat(o.timeInCurrentStage(clock.instant())).isEqualTo(Duration.ofDays(4));
    }

    // ------------------------------------------------------------------ activities

    @Test
    void schedulesAndCompletesActivities() {
        Opportunity o = open();
        UUID call = UUID.randomUUID();
        o.scheduleActivity(call, ActivityKind.CALL, "Discuss delivery", LocalDate.of(2026, 3, 4), ALICE);
        clock.advance(Duration.ofDays(1));

        Activity done = o.completeActivity(call, BOB);

        assertThat(done.status()).isEqualTo(ActivityStatus.DONE);
        assertThat(done.doneBy()).isEqualTo(BOB);
        assertThat(done.completedAt()).contains(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(o.activity(call)).contains(done);
        assertThat(o.recordedEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Opened", "ActivityScheduled", "ActivityCompleted");
    }

    @Test
    void anActivityIsOverdueWhenPlannedAndPastItsDueDate() {
        Opportunity o = open();
        Activity meeting = o.scheduleActivity(UUID.randomUUID(), ActivityKind.MEETING, "Demo",
                LocalDate.of(2026, 3, 4), ALICE);

        assertThat(meeting.overdueOn(LocalDate.of(2026, 3, 4))).isFalse();
        assertThat(meeting.overdueOn(LocalDate.of(2026, 3, 5))).isTrue();
        assertThat(o.completeActivity(meeting.id(), ALICE).overdueOn(LocalDate.of(2026, 3, 5))).isFalse();
    }

    @Test
    void refusesToCompleteAnActivityTwiceNamingTheActivity() {
        Opportunity o = open();
        UUID task = UUID.randomUUID();
        o.scheduleActivity(task, ActivityKind.TASK, "Prepare quote", LocalDate.of(2026, 3, 4), ALICE);
        o.completeActivity(task, ALICE);
        OpportunityRecord before = o.toRecord();

        assertThatThrownBy(() -> o.completeActivity(task, ALICE))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("opportunity activity");
                    assertThat(e.id()).isEqualTo(task);
                    assertThat(e.state()).isEqualTo("DONE");
                    assertThat(e.move()).isEqualTo("to DONE");
                });
        assertThat(o.toRecord()).isEqualTo(before);
    }

    @Test
    void refusesUnknownOrDuplicateActivityIdsAndBadActivities() {
        Opportunity o = open();
        UUID task = UUID.randomUUID();
        o.scheduleActivity(task, ActivityKind.TASK, "Prepare quote", LocalDate.of(2026, 3, 4), ALICE);

        assertInvalidUnchanged(o, x -> x.completeActivity(UUID.randomUUID(), ALICE), "activityId");
        assertInvalidUnchanged(o, x -> x.scheduleActivity(task, ActivityKind.CALL, "Call", LocalDate.of(2026, 3, 4),
                ALICE), "activityId");
        assertInvalidUnchanged(o, x -> x.scheduleActivity(UUID.randomUUID(), null, "Call", LocalDate.of(2026, 3, 4),
                ALICE), "kind");
        assertInvalidUnchanged(o, x -> x.scheduleActivity(UUID.randomUUID(), ActivityKind.CALL, "", LocalDate.of(2026,
                3, 4), ALICE), "subject");
        assertInvalidUnchanged(o, x -> x.scheduleActivity(UUID.randomUUID(), ActivityKind.CALL, "Call", null, ALICE),
                "dueDate");
    }

    // ------------------------------------------------------------------ routing

    @Test
    void routingToAnotherSalespersonIsKeptInTheHistory() {
        Opportunity o = open();
        clock.advance(Duration.ofHours(1));

        o.route(BOB, MANAGER, "Alice on leave");
        o.route(ALICE, MANAGER, null);

        assertThat(o.owner()).isEqualTo(ALICE);
        assertThat(o.routingHistory()).containsExactly(
                new Routing(ALICE, BOB, Instant.parse("2026-03-02T10:00:00Z"), MANAGER, "Alice on leave"),
                new Routing(BOB, ALICE, Instant.parse("2026-03-02T10:00:00Z"), MANAGER, null));
        assertThat(o.recordedEvents()).filteredOn(OpportunityEvent.Routed.class::isInstance).hasSize(2);
    }

    @Test
    void refusesToRouteToTheCurrentOwner() {
        Opportunity o = open();

        assertInvalidUnchanged(o, x -> x.route(ALICE, MANAGER, "no-op"), "to");
        assertInvalidUnchanged(o, x -> x.route(BOB, null, "who?"), "by");
    }

    // ------------------------------------------------------------------ storage form

    @Test
    void survivesARoundTripThroughItsRecord() {
        Opportunity o = open();
        o.scheduleActivity(UUID.randomUUID(), ActivityKind.MEETING, "Demo", LocalDate.of(2026, 3, 9), ALICE);
        clock.advance(Duration.ofMillis(123_456));
        o.moveToStage(pipeline, "PROPOSAL", ALICE);
        o.setProbability(new BigDecimal("0.55"), ALICE);
        o.route(BOB, MANAGER, "Territory");
        o.win("Signed", "Acme", BOB);

        OpportunityRecord record = o.toRecord();
        Opportunity restored = Opportunity.restore(record, clock);

        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.toRecord().version()).isEqualTo(2);
        assertThat(restored.toRecord()).usingRecursiveComparison().ignoringFields("version").isEqualTo(record);
        assertThat(restored.stageHistory()).isEqualTo(o.stageHistory());
        assertThat(restored.recordedEvents()).isEmpty();
    }

    @Test
    void restoreRefusesABrokenStageHistory() {
        OpportunityRecord r = open().toRecord();
        Instant later = r.createdAt().plusSeconds(60);
        List<OpportunityStageChangeRecord> broken = new ArrayList<>(r.stageHistory());
        broken.add(new OpportunityStageChangeRecord("PROPOSAL", "NEGOTIATE", later, "alice", 60_000));

        assertThatThrownBy(() -> Opportunity.restore(withHistory(r, broken, "NEGOTIATE"), clock))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("stageHistory[1].fromStage");

        List<OpportunityStageChangeRecord> mistimed = new ArrayList<>(r.stageHistory());
        mistimed.add(new OpportunityStageChangeRecord("QUALIFY", "NEGOTIATE", later, "alice", 5));
        assertThatThrownBy(() -> Opportunity.restore(withHistory(r, mistimed, "NEGOTIATE"), clock))
                .isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("stageHistory[1].timeInFromStage");
    }

    @Test
    void restoreRefusesAProbabilityOtherThanTheStageDefaultUnlessSetByHand() {
        OpportunityRecord r = open().toRecord();
        OpportunityRecord wrong = new OpportunityRecord(r.id(), r.tenant(), r.version(), r.customerId(), r.ownerId(),
                r.name(), r.amount(), r.expectedClose(), r.pipelineId(), r.stageCode(), r.stageProbability(),
                new BigDecimal("0.50"), false, r.status(), r.stageHistory(), r.routingHistory(), r.activities(),
                r.closeReason(), r.competitor(), r.closedAt(), r.closedBy(), r.campaignId(), r.leadId(),
                r.createdAt(), r.updatedAt());

        assertThatThrownBy(() -> Opportunity.restore(wrong, clock)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("probability");
    }

    private static OpportunityRecord withHistory(OpportunityRecord r, List<OpportunityStageChangeRecord> history,
                                                 String stage) {
        return new OpportunityRecord(r.id(), r.tenant(), r.version(), r.customerId(), r.ownerId(), r.name(),
                r.amount(), r.expectedClose(), r.pipelineId(), stage, r.stageProbability(), r.probability(),
                r.probabilitySetByHand(), r.status(), history, r.routingHistory(), r.activities(), r.closeReason(),
                r.competitor(), r.closedAt(), r.closedBy(), r.campaignId(), r.leadId(), r.createdAt(),
                r.updatedAt());
    }
}
