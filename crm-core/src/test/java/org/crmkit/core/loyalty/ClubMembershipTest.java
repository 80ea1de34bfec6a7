package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.PointsEntryRecord;
import org.junit.jupiter.api.Test;

class ClubMembershipTest {
    private static final Instant T = Instant.parse("2026-05-04T10:00:00Z");
    private final OrderId order = OrderId.of(UUID.randomUUID());

    private static ClubMembership member() {
        return ClubMembership.join(MembershipId.of(UUID.randomUUID()), TenantId.of("acme"),
                CustomerId.of(UUID.randomUUID()), CardNumber.parse("club-0001"), T);
    }

    @Test
    void aNewMemberIsActiveWithAnEmptyLedger() {
        ClubMembership m = member();
        assertThat(m.status()).isEqualTo(MembershipStatus.ACTIVE);
        assertThat(m.cardNumber().value()).isEqualTo("CLUB-0001");
        assertThat(m.balance()).isZero();
        assertThat(m.recordedEvents()).singleElement().isInstanceOf(MembershipEvent.Joined.class);
    }

    @Test
    void earningFromTheSameOrderTwicePostsOnce() {
        ClubMembership m = member();
        PointsPosting first = m.earn(order, 129, UUID.randomUUID(), T);
        PointsPosting second = m.earn(order, 129, UUID.randomUUID(), T);
        assertThat(first.status()).isEqualTo(PointsPosting.Status.POSTED);
        assertThat(second.status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(second.entry()).isEqualTo(first.entry());
        assertThat(m.balance()).isEqualTo(129);
        assertThat(m.entries()).hasSize(1);
        assertThat(m.entries().get(0).idempotencyKey()).isEqualTo("earn:" + order);
    }

    @Test
    void redeemingMoreThanTheBalanceIsRefusedAsAnOutcome() {
        ClubMembership m = member();
        m.earn(order, 100, UUID.randomUUID(), T);
        PointsPosting refused = m.redeem(101, "voucher-1", UUID.randomUUID(), null, T);
        assertThat(refused.status()).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
        assertThat(refused.entry()).isEmpty();
        assertThat(m.balance()).isEqualTo(100);
        PointsPosting ok = m.redeem(100, "voucher-1", UUID.randomUUID(), "cash", T);
        assertThat(ok.posted()).isTrue();
        assertThat(ok.balance()).isZero();
        assertThat(m.redeem(100, "voucher-1", UUID.randomUUID(), null, T).status())
                .isEqualTo(PointsPosting.Status.ALREADY_POSTED);
    }

    @Test
    void reversingAnOrderTakesBackWhatItEarnedOnceFromOtherPointsIfItsOwnWereSpent() {
        ClubMembership m = member();
        assertThat(m.reverse(order, UUID.randomUUID(), T).status())
                .isEqualTo(PointsPosting.Status.NOTHING_TO_REVERSE);
        m.earn(order, 50, UUID.randomUUID(), T);
        m.redeem(30, "r", UUID.randomUUID(), null, T);
        m.earn(OrderId.of(UUID.randomUUID()), 40, UUID.randomUUID(), T);
        PointsPosting reversed = m.reverse(order, UUID.randomUUID(), T);
        assertThat(reversed.posted()).isTrue();
        assertThat(reversed.entry().orElseThrow().points()).isEqualTo(-50);
        assertThat(reversed.shortfall()).isZero();
        assertThat(m.balance()).isEqualTo(10);
        assertThat(m.reverse(order, UUID.randomUUID(), T).status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
    }

    @Test
    void zeroPointsPostNothing() {
        ClubMembership m = member();
        assertThat(m.earn(order, 0, UUID.randomUUID(), T).status()).isEqualTo(PointsPosting.Status.NO_POINTS);
        assertThat(m.entries()).isEmpty();
    }

    @Test
    void aMemberWhoLeftEarnsNothingUntilRejoining() {
        ClubMembership m = member();
        m.leave(T);
        assertThat(m.earn(order, 10, UUID.randomUUID(), T).status()).isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
        assertThatThrownBy(() -> m.leave(T)).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.aggregate()).isEqualTo("club membership");
            assertThat(e.state()).isEqualTo("LEFT");
            assertThat(e.move()).startsWith("leave");
        });
        m.rejoin(T.plusSeconds(60));
        assertThat(m.leftAt()).isEmpty();
        assertThat(m.earn(order, 10, UUID.randomUUID(), T).posted()).isTrue();
        assertThatThrownBy(() -> m.rejoin(T)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void badPostingsAreRefusedNamingTheField() {
        ClubMembership m = member();
        assertThatThrownBy(() -> m.earn(order, -1, UUID.randomUUID(), T)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("points");
        assertThatThrownBy(() -> m.redeem(0, "k", UUID.randomUUID(), null, T)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("points");
        assertThatThrownBy(() -> m.redeem(1, " ", UUID.randomUUID(), null, T)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("idempotencyKey");
        assertThatThrownBy(() -> CardNumber.parse("ab")).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("cardNumber");
    }

    @Test
    void restoreRefusesALedgerThatGoesNegativeOrRepeatsAKey() {
        ClubMembershipRecord r = member().toRecord();
        ClubMembershipRecord negative = new ClubMembershipRecord(r.id(), r.tenant(), 1, r.customerId(), r.cardNumber(),
                r.status(), r.joinedAt(), null, List.of(new PointsEntryRecord(UUID.randomUUID(), "REDEEM", -1, null,
                "redeem:x", T, null)), List.of());
        assertThatThrownBy(() -> ClubMembership.restore(negative)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("entries[0]");
        PointsEntryRecord earn = new PointsEntryRecord(UUID.randomUUID(), "EARN", 5, null, "earn:x", T, null);
        ClubMembershipRecord repeated = new ClubMembershipRecord(r.id(), r.tenant(), 1, r.customerId(),
                r.cardNumber(), r.status(), r.joinedAt(), null, List.of(earn, earn), List.of());
        assertThatThrownBy(() -> ClubMembership.restore(repeated)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("entries[1].idempotencyKey");
    }

    @Test
    void theStandardEarnRuleGivesOnePointPerWholeCurrencyUnitRoundedDown() {
        EarnRule standard = EarnRule.standard();
        assertThat(standard.pointsFor(order("129.99"))).isEqualTo(129);
        assertThat(standard.pointsFor(order("0.99"))).isZero();
        assertThat(standard.pointsFor(order("-5.00"))).isZero();
        assertThat(EarnRule.perWholeCurrencyUnit(3).pointsFor(order("10.50"))).isEqualTo(30);
        assertThatThrownBy(() -> EarnRule.perWholeCurrencyUnit(0)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("pointsPerUnit");
    }

    private DeliveredOrder order(String total) {
        return new DeliveredOrder(order, CustomerId.of(UUID.randomUUID()), null, Money.of(total, "EUR"), T);
    }
}
