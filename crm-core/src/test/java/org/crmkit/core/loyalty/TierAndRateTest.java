package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Tiers derived from the ledger, tier benefits and the redemption rate, with worked numbers. */
class TierAndRateTest {
    private static final Instant T0 = Instant.parse("2026-01-10T10:00:00Z");

    private final ClubMembership m = ClubMembership.join(MembershipId.of(UUID.randomUUID()), TenantId.of("acme"),
            CustomerId.of(UUID.randomUUID()), CardNumber.parse("CLUB-0001"), T0);

    private OrderId earn(long points, String spend, Instant at) {
        OrderId o = OrderId.of(UUID.randomUUID());
        m.earn(o, points, Money.of(spend, "CNY"), Touchpoint.store("NJ-01"), null, UUID.randomUUID(), at);
        return o;
    }

    @Test
    void theStandardPolicyPlacesMembersByLifetimePointsWhichRedemptionDoesNotLower() {
        TierPolicy policy = TierPolicy.standard();
        assertThat(m.tier(policy, T0).name()).isEqualTo("MEMBER");
        earn(999, "999.00", T0);
        assertThat(m.tier(policy, T0).name()).isEqualTo("MEMBER");
        OrderId second = earn(1, "1.00", T0);
        assertThat(m.tier(policy, T0).name()).isEqualTo("SILVER");
        m.redeem(1000, "v-1", UUID.randomUUID(), null, T0);
        assertThat(m.tier(policy, T0).name()).as("redeeming keeps the tier").isEqualTo("SILVER");
        earn(4000, "4000.00", T0);
        assertThat(m.tier(policy, T0).name()).isEqualTo("GOLD");
        assertThat(m.tier(policy, T0).benefits().serviceLevel()).isEqualTo("PRIORITY");
        m.reverse(second, UUID.randomUUID(), T0);
        assertThat(m.tier(policy, T0).name()).as("4999 points after the reversal").isEqualTo("SILVER");
        assertThat(policy.measure(m.entries(), T0)).isEqualByComparingTo("4999");
    }

    @Test
    void aRollingSpendPolicyCountsOnlyTheWindowsSpendInItsCurrency() {
        TierPolicy policy = TierPolicy.byRollingSpend("CNY", Period.ofMonths(12), List.of(
                Tier.of("MEMBER", "0", TierBenefits.of("0", "STANDARD")),
                Tier.of("GOLD", "5000", TierBenefits.of("10", "PRIORITY", "1.5"))));
        earn(3000, "3000.00", T0);
        earn(2000, "2000.00", T0.plusSeconds(86_400 * 100));
        m.earn(OrderId.of(UUID.randomUUID()), 9000, Money.of("9000.00", "EUR"), Touchpoint.unknown(), null,
                UUID.randomUUID(), T0);
        Instant day101 = T0.plusSeconds(86_400 * 101);
        assertThat(policy.measure(m.entries(), day101)).isEqualByComparingTo("5000.00");
        assertThat(m.tier(policy, day101).name()).isEqualTo("GOLD");
        Instant yearLater = Instant.parse("2027-01-10T10:00:00Z");
        assertThat(policy.measure(m.entries(), yearLater)).as("the first order left the window")
                .isEqualByComparingTo("2000.00");
        assertThat(m.tier(policy, yearLater).name()).isEqualTo("MEMBER");
    }

    @Test
    void aTierChangeIsRecordedOnceWhenTheDerivedTierMoves() {
        TierPolicy policy = TierPolicy.standard();
        assertThat(m.reviewTier(policy, T0)).isEmpty();
        OrderId big = earn(1500, "1500.00", T0);
        assertThat(m.reviewTier(policy, T0)).contains(new TierChange("MEMBER", "SILVER", T0));
        assertThat(m.reviewTier(policy, T0)).as("no second announcement").isEmpty();
        m.reverse(big, UUID.randomUUID(), T0.plusSeconds(60));
        assertThat(m.reviewTier(policy, T0.plusSeconds(60))).map(TierChange::to).contains("MEMBER");
        assertThat(m.tierChanges()).hasSize(2);
        assertThat(m.recordedEvents()).filteredOn(MembershipEvent.TierChanged.class::isInstance).hasSize(2);
        assertThat(ClubMembership.restore(m.toRecord()).tierChanges()).isEqualTo(m.tierChanges());
    }

    @Test
    void tierBenefitsGiveMemberPricesAndMultiplyPoints() {
        TierBenefits gold = TierBenefits.of("12.5", "priority", "1.5");
        assertThat(gold.serviceLevel()).isEqualTo("PRIORITY");
        assertThat(gold.memberPrice(Money.of("199.99", "EUR"))).isEqualTo(Money.of("174.99", "EUR"));
        assertThat(gold.multiply(129)).isEqualTo(193);
        assertThat(TierBenefits.of("0", "STANDARD").memberPrice(Money.of("10.00", "EUR")))
                .isEqualTo(Money.of("10.00", "EUR"));
    }

    @Test
    void badPoliciesAndBenefitsAreRefusedNamingTheField() {
        TierBenefits std = TierBenefits.of("0", "STANDARD");
        assertThatThrownBy(() -> TierPolicy.byLifetimePoints(List.of(Tier.of("SILVER", "10", std))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("tiers");
        assertThatThrownBy(() -> TierPolicy.byLifetimePoints(List.of(Tier.of("A", "0", std), Tier.of("a", "5", std))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("tiers");
        assertThatThrownBy(() -> TierPolicy.byLifetimePoints(List.of(Tier.of("A", "0", std), Tier.of("B", "0.0", std))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("tiers");
        assertThatThrownBy(() -> Tier.of("A", "-1", std)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("threshold");
        assertThatThrownBy(() -> TierBenefits.of("101", "STANDARD")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("memberDiscountPercent");
        assertThatThrownBy(() -> TierBenefits.of("5", "STANDARD", "0.5")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("earnMultiplier");
        assertThatThrownBy(() -> TierPolicy.byRollingSpend("EUR", Period.ZERO, List.of(Tier.of("A", "0", std))))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("window");
        assertThatThrownBy(() -> TierPolicy.byRollingSpend("XXX1", Period.ofMonths(12), List.of()))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("currency");
    }

    @Test
    void aRedemptionRateValuesPointsAsCash() {
        RedemptionRate rate = RedemptionRate.standard();
        assertThat(rate.cashValue(250, Money.currency("EUR"))).isEqualTo(Money.of("2.50", "EUR"));
        assertThat(rate.cashValue(1, Money.currency("EUR"))).isEqualTo(Money.of("0.01", "EUR"));
        assertThat(rate.cashValue(250, Money.currency("JPY"))).isEqualTo(Money.of("3", "JPY"));
        assertThat(rate.pointsFor(Money.of("2.50", "EUR"))).isEqualTo(250);
        RedemptionRate odd = RedemptionRate.of(3, "0.10");
        assertThat(odd.pointsFor(Money.of("0.05", "EUR"))).as("1.5 points, rounded up").isEqualTo(2);
        assertThat(odd.cashValue(2, Money.currency("EUR"))).isEqualTo(Money.of("0.07", "EUR"));
        assertThatThrownBy(() -> rate.pointsFor(Money.of("0.00", "EUR"))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("cash");
        assertThatThrownBy(() -> RedemptionRate.of(0, "1")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("rate.points");
        assertThatThrownBy(() -> RedemptionRate.of(100, "-1")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("rate.value");
    }

    @Test
    void thePointsChargedForCashAreNeverWorthLessThanTheCash() {
        qt().withExamples(500).withFixedSeed(20261123L)
                .forAll(longs().between(1, 1000), integers().between(1, 500), integers().between(1, 1_000_000))
                .checkAssert((points, valueCents, cashCents) -> {
                    RedemptionRate rate = new RedemptionRate(points, BigDecimal.valueOf(valueCents, 2));
                    Money cash = Money.of(BigDecimal.valueOf(cashCents, 2), "EUR");
                    long charged = rate.pointsFor(cash);
                    assertThat(rate.cashValue(charged, cash.currency())).isGreaterThanOrEqualTo(cash);
                    if (charged > 1) {
                        assertThat(BigDecimal.valueOf(charged - 1).multiply(rate.value())
                                .divide(BigDecimal.valueOf(points), 12, java.math.RoundingMode.HALF_UP))
                                .as("one point fewer would not pay for it").isLessThan(cash.amount());
                    }
                });
    }
}
