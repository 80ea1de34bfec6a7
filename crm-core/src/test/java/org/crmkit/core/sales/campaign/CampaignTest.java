package org.crmkit.core.sales.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.AttributeCategory;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.LifecycleStage;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.CampaignRecord;
import org.junit.jupiter.api.Test;

class CampaignTest {

    private static final StaffId ANNA = StaffId.of("anna");
    private final TestClock clock = TestClock.at("2026-03-01T08:00:00Z");

    static PlanCampaign command(TargetSegment target, Money budget) {
        return new PlanCampaign("Spring offer", Set.of(Channel.EMAIL, Channel.SMS), target, budget,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), ANNA, ANNA);
    }

    static TargetSegment rule() {
        return TargetSegment.Rule.anyOfClauses(
                java.util.List.of(TargetCondition.attributeAtLeast(AttributeCategory.INTERNAL, "income",
                        AttributeValue.of(50_000)), TargetCondition.typeIn(CustomerType.B2C)),
                java.util.List.of(TargetCondition.relationshipLevelAtLeast(RelationshipLevel.PROACTIVE)),
                java.util.List.of(TargetCondition.lifecycleStageIn(LifecycleStage.DECLINE, LifecycleStage.ENDED),
                        TargetCondition.attributeIn(AttributeCategory.EXTERNAL, "region", AttributeValue.of("East"),
                                AttributeValue.of("North")),
                        TargetCondition.attributeEquals(AttributeCategory.INTERNAL, "vip", AttributeValue.of(true)),
                        TargetCondition.attributeAtMost(AttributeCategory.CONSUMPTION, "lastPurchase",
                                AttributeValue.of(LocalDate.of(2025, 12, 31)))));
    }

    private Campaign planned() {
        return Campaign.plan(command(rule(), Money.of("1000.00", "EUR")), CampaignId.of(UUID.randomUUID()),
                TenantId.of("t"), clock);
    }

    @Test
    void aPlannedCampaignHasNoCostAndRecordsThePlanning() {
        Campaign c = planned();
        assertThat(c.status()).isEqualTo(CampaignStatus.PLANNED);
        assertThat(c.actualCost()).isEqualTo(Money.of("0", "EUR"));
        assertThat(c.version()).isZero();
        assertThat(c.history()).singleElement().satisfies(h -> {
            assertThat(h.from()).isNull();
            assertThat(h.to()).isEqualTo(CampaignStatus.PLANNED);
        });
        assertThat(c.recordedEvents()).singleElement().isInstanceOf(CampaignEvent.Planned.class);
        assertThat(c.returnOnCost()).isEmpty();
    }

    @Test
    void runsThroughItsLifeAndKeepsEveryStatusChange() {
        Campaign c = planned();
        c.launch(ANNA, clock);
        clock.advance(Duration.ofDays(30));
        c.complete(StaffId.of("ben"), clock);
        assertThat(c.status()).isEqualTo(CampaignStatus.COMPLETED);
        assertThat(c.history()).extracting(CampaignStatusChange::to)
                .containsExactly(CampaignStatus.PLANNED, CampaignStatus.ACTIVE, CampaignStatus.COMPLETED);
        assertThat(c.recordedEvents()).hasSize(3);
    }

    @Test
    void refusesIllegalMovesAndChangesNothing() {
        Campaign c = planned();
        assertThatThrownBy(() -> c.complete(ANNA, clock)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("PLANNED").hasMessageContaining("to COMPLETED");
        c.cancel(ANNA, "budget cut", clock);
        assertThatThrownBy(() -> c.launch(ANNA, clock)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.cancel(ANNA, "again", clock)).isInstanceOf(IllegalTransitionException.class);
        assertThat(c.status()).isEqualTo(CampaignStatus.CANCELLED);
        assertThat(c.history()).hasSize(2);
        assertThat(c.history().get(1).reason()).isEqualTo("budget cut");
    }

    @Test
    void refusesCancellingWithoutAReason() {
        Campaign c = planned();
        assertThatThrownBy(() -> c.cancel(ANNA, " ", clock)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("reason");
        assertThat(c.status()).isEqualTo(CampaignStatus.PLANNED);
    }

    @Test
    void statusTableAllowsOnlyTheDocumentedMoves() {
        assertThat(CampaignStatus.PLANNED.successors()).containsExactlyInAnyOrder(CampaignStatus.ACTIVE,
                CampaignStatus.CANCELLED);
        assertThat(CampaignStatus.ACTIVE.successors()).containsExactlyInAnyOrder(CampaignStatus.COMPLETED,
                CampaignStatus.CANCELLED);
        assertThat(CampaignStatus.COMPLETED.isFinal()).isTrue();
        assertThat(CampaignStatus.CANCELLED.isFinal()).isTrue();
    }

    @Test
    void costsAddUpAndReturnIsRevenueOverCost() {
        Campaign c = planned();
        c.launch(ANNA, clock);
        c.recordCost(Money.of("300.00", "EUR"), clock);
        c.recordCost(Money.of("100.00", "EUR"), clock);
        assertThat(c.actualCost()).isEqualTo(Money.of("400.00", "EUR"));
        assertThat(c.attributeRevenue(UUID.randomUUID(), Money.of("700.00", "EUR"), clock)).isTrue();
        assertThat(c.attributeRevenue(UUID.randomUUID(), Money.of("300.00", "EUR"), clock)).isTrue();
        assertThat(c.attributedRevenue()).isEqualTo(Money.of("1000.00", "EUR"));
        assertThat(c.returnOnCost()).contains(new BigDecimal("2.5000"));
        assertThat(c.remainingBudget()).isEqualTo(Money.of("600.00", "EUR"));
        assertThat(c.overBudget()).isFalse();
        c.recordCost(Money.of("700.00", "EUR"), clock);
        assertThat(c.overBudget()).isTrue();
    }

    @Test
    void attributingTheSameSaleTwiceCountsItOnce() {
        Campaign c = planned();
        c.launch(ANNA, clock);
        UUID order = UUID.randomUUID();
        assertThat(c.attributeRevenue(order, Money.of("50.00", "EUR"), clock)).isTrue();
        int events = c.recordedEvents().size();
        assertThat(c.attributeRevenue(order, Money.of("50.00", "EUR"), clock)).isFalse();
        assertThat(c.revenue()).hasSize(1);
        assertThat(c.recordedEvents()).hasSize(events);
    }

    @Test
    void refusesCostsInAnotherCurrencyOrNotPositive() {
        Campaign c = planned();
        assertThatThrownBy(() -> c.recordCost(Money.of("10.00", "USD"), clock)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("currency");
        assertThatThrownBy(() -> c.recordCost(Money.of("0.00", "EUR"), clock)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("amount");
        assertThat(c.actualCost().isZero()).isTrue();
    }

    @Test
    void aPlannedCampaignHasCausedNoRevenueOrFeedbackYet() {
        Campaign c = planned();
        assertThatThrownBy(() -> c.attributeRevenue(UUID.randomUUID(), Money.of("1.00", "EUR"), clock))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> c.linkFeedback(UUID.randomUUID(), clock))
                .isInstanceOf(IllegalTransitionException.class);
        c.launch(ANNA, clock);
        UUID feedback = UUID.randomUUID();
        assertThat(c.linkFeedback(feedback, clock)).isTrue();
        assertThat(c.linkFeedback(feedback, clock)).isFalse();
        assertThat(c.feedback()).hasSize(1);
    }

    @Test
    void refusesBadPlansNamingTheField() {
        TargetSegment t = rule();
        assertThatThrownBy(() -> Campaign.plan(new PlanCampaign("x", Set.of(Channel.EMAIL), t, Money.of("1", "EUR"),
                LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), ANNA, ANNA), CampaignId.of(UUID.randomUUID()),
                TenantId.of("t"), clock)).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("endDate");
        assertThatThrownBy(() -> Campaign.plan(new PlanCampaign("x", Set.of(), t, Money.of("1", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), ANNA, ANNA), CampaignId.of(UUID.randomUUID()),
                TenantId.of("t"), clock)).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("channels");
        assertThatThrownBy(() -> Campaign.plan(new PlanCampaign(" ", Set.of(Channel.EMAIL), t, Money.of("1", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), ANNA, ANNA), CampaignId.of(UUID.randomUUID()),
                TenantId.of("t"), clock)).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("name");
        assertThatThrownBy(() -> Campaign.plan(new PlanCampaign("x", Set.of(Channel.EMAIL), t, Money.of("-1", "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), ANNA, ANNA), CampaignId.of(UUID.randomUUID()),
                TenantId.of("t"), clock)).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("budget");
    }

    @Test
    void survivesARoundTripThroughItsRecordWithBothKindsOfTarget() {
        Campaign c = planned();
        c.launch(ANNA, clock);
        c.recordCost(Money.of("12.34", "EUR"), clock);
        c.attributeRevenue(UUID.randomUUID(), Money.of("99.99", "EUR"), clock);
        c.linkFeedback(UUID.randomUUID(), clock);
        CampaignRecord record = c.toRecord();
        assertThat(record.version()).isEqualTo(1);
        Campaign back = Campaign.restore(record);
        assertThat(back.target()).isEqualTo(c.target());
        assertThat(back.toRecord()).isEqualTo(new CampaignRecord(record.id(), record.tenant(), 2, record.name(),
                record.channels(), record.targetKind(), record.targetConditions(), record.targetCustomers(),
                record.budget(), record.actualCost(), record.startDate(), record.endDate(), record.status(),
                record.ownerId(), record.revenue(), record.feedback(), record.history(), record.createdAt(),
                record.updatedAt()));
        assertThat(back.recordedEvents()).isEmpty();

        Campaign listed = Campaign.plan(command(TargetSegment.FixedList.of(CustomerId.of(UUID.randomUUID()),
                CustomerId.of(UUID.randomUUID())), Money.of("5", "JPY")), CampaignId.of(UUID.randomUUID()),
                TenantId.of("t"), clock);
        assertThat(Campaign.restore(listed.toRecord()).target()).isEqualTo(listed.target());
    }

    @Test
    void refusesARecordThatBreaksTheModel() {
        CampaignRecord r = planned().toRecord();
        CampaignRecord badStatus = new CampaignRecord(r.id(), r.tenant(), 1, r.name(), r.channels(), r.targetKind(),
                r.targetConditions(), r.targetCustomers(), r.budget(), r.actualCost(), r.startDate(), r.endDate(),
                "ACTIVE", r.ownerId(), r.revenue(), r.feedback(), r.history(), r.createdAt(), r.updatedAt());
        assertThatThrownBy(() -> Campaign.restore(badStatus)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("status");
    }
}
