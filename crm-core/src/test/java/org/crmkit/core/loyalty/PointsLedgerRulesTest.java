package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.PointsEntryRecord;
import org.junit.jupiter.api.Test;

/** The ledger's rules, each with worked numbers. */
class PointsLedgerRulesTest {
    private static final Instant JAN_01 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant JAN_15 = Instant.parse("2026-01-15T10:00:00Z");
    private static final Instant FEB_01 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant FEB_02 = Instant.parse("2026-02-02T00:00:00Z");
    private static final Instant MAR_01 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant MAR_02 = Instant.parse("2026-03-02T00:00:00Z");
    private static final IdGenerator IDS = UUID::randomUUID;

    private final OrderId a = OrderId.of(UUID.randomUUID());
    private final OrderId b = OrderId.of(UUID.randomUUID());
    private final ClubMembership m = ClubMembership.join(MembershipId.of(UUID.randomUUID()), TenantId.of("acme"),
            CustomerId.of(UUID.randomUUID()), CardNumber.parse("CLUB-0001"), JAN_01);

    private PointsPosting earn(OrderId order, long points, Instant expiresAt, Instant at) {
        return m.earn(order, points, Money.of(points + ".00", "EUR"), Touchpoint.store("NJ-01"), expiresAt,
                UUID.randomUUID(), at);
    }

    private PointsPosting redeem(long points, String key, Instant at) {
        return m.redeem(points, key, null, Touchpoint.channel("web"), null, UUID.randomUUID(), at);
    }

    @Test
    void aRedemptionTakesTheOldestPointsFirstAndExpiryWritesOffOnlyWhatIsLeft() {
        PointsEntry lotA = earn(a, 100, FEB_01, JAN_01).entry().orElseThrow();
        PointsEntry lotB = earn(b, 50, MAR_01, JAN_01).entry().orElseThrow();
        assertThat(redeem(120, "v-1", JAN_15).posted()).isTrue();
        assertThat(m.remainingByEarning()).containsExactly(
                java.util.Map.entry(lotA.id(), 0L), java.util.Map.entry(lotB.id(), 30L));

        assertThat(m.expire(FEB_02, IDS)).as("lot A was all redeemed: nothing of it expires").isEmpty();
        List<PointsEntry> expired = m.expire(MAR_02, IDS);
        assertThat(expired).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(PointsEntryKind.EXPIRE);
            assertThat(e.points()).isEqualTo(-30);
            assertThat(e.lotId()).isEqualTo(lotB.id());
            assertThat(e.idempotencyKey()).isEqualTo("expire:" + lotB.id());
            assertThat(e.at()).isEqualTo(MAR_02);
        });
        assertThat(m.balance()).isZero();
        assertThat(m.expire(MAR_02.plusSeconds(3600), IDS)).as("a lot expires once").isEmpty();
        assertThat(m.entries()).extracting(PointsEntry::points).containsExactly(100L, 50L, -120L, -30L);
    }

    @Test
    void expiredPointsCannotBeRedeemedEvenBeforeTheyAreWrittenOff() {
        earn(a, 100, FEB_01, JAN_01);
        earn(b, 40, null, JAN_01);
        assertThat(m.balance()).isEqualTo(140);
        assertThat(m.redeemable(FEB_02)).isEqualTo(40);
        PointsPosting refused = redeem(50, "v-1", FEB_02);
        assertThat(refused.status()).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
        assertThat(refused.balance()).isEqualTo(140);
        assertThat(m.entries()).hasSize(2);
        assertThat(redeem(40, "v-1", FEB_02).balance()).isEqualTo(100);
        assertThat(m.expire(FEB_02, IDS)).extracting(PointsEntry::points).containsExactly(-100L);
        assertThat(m.balance()).isZero();
    }

    @Test
    void expiryIsInclusiveOfTheExpiryInstant() {
        earn(a, 10, FEB_01, JAN_01);
        assertThat(m.redeemable(FEB_01.minusNanos(1000))).isEqualTo(10);
        assertThat(m.redeemable(FEB_01)).isZero();
        assertThat(m.expire(FEB_01.minusSeconds(1), IDS)).isEmpty();
        assertThat(m.expire(FEB_01, IDS)).hasSize(1);
    }

    @Test
    void aReversalOfSpentPointsTakesTheRestFromOtherPointsAndRecordsTheShortfall() {
        earn(a, 100, null, JAN_01);
        earn(b, 40, null, JAN_01);
        redeem(120, "v-1", JAN_15);
        PointsPosting reversed = m.reverse(a, Touchpoint.channel("web"), UUID.randomUUID(), JAN_15);
        assertThat(reversed.status()).isEqualTo(PointsPosting.Status.POSTED);
        PointsEntry e = reversed.entry().orElseThrow();
        assertThat(e.points()).isEqualTo(-20);
        assertThat(e.shortfall()).isEqualTo(80);
        assertThat(e.orderId()).isEqualTo(a);
        assertThat(m.balance()).isZero();
        assertThat(m.reverse(a, UUID.randomUUID(), JAN_15).status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(m.entries()).hasSize(4);
    }

    @Test
    void aReversalWithNothingLeftIsStillPostedWithTheWholeEarningAsShortfall() {
        earn(a, 100, null, JAN_01);
        redeem(100, "v-1", JAN_15);
        PointsPosting reversed = m.reverse(a, UUID.randomUUID(), JAN_15);
        assertThat(reversed.posted()).isTrue();
        assertThat(reversed.entry().orElseThrow().points()).isZero();
        assertThat(reversed.shortfall()).isEqualTo(100);
        assertThat(m.balance()).isZero();
    }

    @Test
    void aReversalDoesNotTakeBackWhatOfTheOrderExpiredAlready() {
        earn(a, 100, FEB_01, JAN_01);
        earn(b, 70, null, JAN_01);
        redeem(30, "v-1", JAN_15);
        m.expire(FEB_02, IDS);
        assertThat(m.balance()).isEqualTo(70);
        PointsPosting reversed = m.reverse(a, UUID.randomUUID(), FEB_02);
        assertThat(reversed.entry().orElseThrow().points()).as("only the 30 the member spent").isEqualTo(-30);
        assertThat(reversed.shortfall()).isZero();
        assertThat(m.balance()).isEqualTo(40);
    }

    @Test
    void aReversalTakesTheOrdersOwnExpiredButNotWrittenOffPointsFirst() {
        earn(a, 100, FEB_01, JAN_01);
        earn(b, 70, null, JAN_01);
        PointsPosting reversed = m.reverse(a, UUID.randomUUID(), FEB_02);
        assertThat(reversed.entry().orElseThrow().points()).isEqualTo(-100);
        assertThat(m.balance()).isEqualTo(70);
        assertThat(m.expire(FEB_02, IDS)).as("the lot is empty").isEmpty();
    }

    @Test
    void reversalsAndExpiryArePostedForAMemberWhoLeftButEarningAndRedeemingAreNot() {
        earn(a, 100, FEB_01, JAN_01);
        earn(b, 10, FEB_01, JAN_01);
        m.leave(JAN_15);
        assertThat(earn(OrderId.of(UUID.randomUUID()), 5, null, JAN_15).status())
                .isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
        assertThat(redeem(5, "v", JAN_15).status()).isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
        assertThat(m.reverse(a, UUID.randomUUID(), JAN_15).posted()).isTrue();
        assertThat(m.expire(FEB_02, IDS)).hasSize(1);
        assertThat(m.balance()).isZero();
    }

    @Test
    void thePostingOfAnotherKeyKindNeverCollidesWithAnEarning() {
        earn(a, 100, null, JAN_01);
        assertThat(redeem(10, "earn:" + a, JAN_15).posted()).as("stored as redeem:earn:...").isTrue();
        assertThat(m.entries()).extracting(PointsEntry::idempotencyKey).containsExactly("earn:" + a, "redeem:earn:" + a);
    }

    @Test
    void aPartnerEarningIsKeyedByPartnerAndReceiptAndRecordsThePartner() {
        PartnerCode cinema = PartnerCode.of("cinema-1");
        PointsPosting p = m.earnAtPartner(cinema, "R-77", 30, Money.of("15.00", "EUR"), null, UUID.randomUUID(),
                JAN_01);
        assertThat(p.entry().orElseThrow().idempotencyKey()).isEqualTo("partner:CINEMA-1:R-77");
        assertThat(p.entry().orElseThrow().where().partner()).isEqualTo(cinema);
        assertThat(m.earnAtPartner(cinema, "R-77", 30, null, null, UUID.randomUUID(), JAN_01).status())
                .isEqualTo(PointsPosting.Status.ALREADY_POSTED);
        assertThat(m.earnAtPartner(PartnerCode.of("CAFE"), "R-77", 30, null, null, UUID.randomUUID(), JAN_01)
                .posted()).isTrue();
    }

    @Test
    void badArgumentsAreRefusedNamingTheFieldAndChangeNothing() {
        earn(a, 100, null, JAN_01);
        List<PointsEntry> before = List.copyOf(m.entries());
        assertThatThrownBy(() -> earn(b, -5, null, JAN_01)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("points");
        assertThatThrownBy(() -> earn(b, 5, JAN_01.minusSeconds(1), JAN_01)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("expiresAt");
        assertThatThrownBy(() -> m.earn(b, 5, Money.of("-1.00", "EUR"), Touchpoint.unknown(), null, UUID.randomUUID(),
                JAN_01)).isInstanceOf(ValidationException.class).extracting("field").isEqualTo("spend");
        assertThatThrownBy(() -> m.redeem(5, "k", Money.of("0.00", "EUR"), Touchpoint.unknown(), null,
                UUID.randomUUID(), JAN_15)).isInstanceOf(ValidationException.class).extracting("field")
                .isEqualTo("cashValue");
        assertThatThrownBy(() -> redeem(-5, "k", JAN_15)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("points");
        assertThatThrownBy(() -> redeem(5, null, JAN_15)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("idempotencyKey");
        assertThatThrownBy(() -> redeem(5, "x".repeat(300), JAN_15)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("idempotencyKey");
        assertThatThrownBy(() -> m.earnAtPartner(PartnerCode.of("P"), " ", 5, null, null, UUID.randomUUID(), JAN_01))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("receipt");
        assertThatThrownBy(() -> new Touchpoint("web shop", null, null)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("channel");
        assertThat(redeem(101, "k", JAN_15).status()).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
        assertThat(m.entries()).isEqualTo(before);
        assertThat(m.balance()).isEqualTo(100);
        assertThat(m.recordedEvents()).hasSize(2);
    }

    @Test
    void restoreRefusesALedgerThatCouldNotHaveBeenPosted() {
        ClubMembershipRecord r = m.toRecord();
        UUID lot = UUID.randomUUID();
        PointsEntryRecord earn = new PointsEntryRecord(lot, "EARN", 10, null, "earn:x", JAN_01, null, null, null, null,
                null, FEB_01, null, 0);
        PointsEntryRecord earlyExpiry = new PointsEntryRecord(UUID.randomUUID(), "EXPIRE", -10, null, "expire:" + lot,
                JAN_15, null, null, null, null, null, null, lot, 0);
        assertThatThrownBy(() -> ClubMembership.restore(withEntries(r, earn, earlyExpiry)))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("entries[1]");
        PointsEntryRecord lateRedeem = new PointsEntryRecord(UUID.randomUUID(), "REDEEM", -5, null, "redeem:x", FEB_02,
                null);
        assertThatThrownBy(() -> ClubMembership.restore(withEntries(r, earn, lateRedeem)))
                .as("redeeming expired points").isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("entries[1]");
        PointsEntryRecord wrongReversal = new PointsEntryRecord(UUID.randomUUID(), "REVERSE", -4, null, "reverse:x",
                JAN_15, null, null, null, null, null, null, lot, 0);
        assertThatThrownBy(() -> ClubMembership.restore(withEntries(r, earn, wrongReversal)))
                .as("a reversal must account for the whole earning").isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("entries[1]");
    }

    private static ClubMembershipRecord withEntries(ClubMembershipRecord r, PointsEntryRecord... entries) {
        return new ClubMembershipRecord(r.id(), r.tenant(), 1, r.customerId(), r.cardNumber(), r.status(),
                r.joinedAt(), null, List.of(entries), List.of());
    }
}
