package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.junit.jupiter.api.Test;

/**
 * A seeded stateful property test of the points ledger: many random sequences of earnings (with
 * random expiry), redemptions, reversals, expiry runs at random moments, duplicate postings,
 * leaving and rejoining, and jumps in time. A plain reference model (lots taken oldest first)
 * predicts every outcome; after every step the test checks that the balance is the sum of the
 * entries and never negative (nor is any running sum), that every key is posted once and entries
 * are never changed, that what is left of every lot matches the model (so expiry writes off only
 * points nobody redeemed), that the tier is a function of the ledger, and that the membership
 * survives a round trip through its record. A failure prints the seed and the step.
 */
class LedgerStatefulPropertiesTest {

    private static final int RUNS = 300;
    private static final int STEPS = 60;
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final TierPolicy POLICY = TierPolicy.byLifetimePoints(List.of(
            Tier.of("MEMBER", "0", TierBenefits.of("0", "STANDARD")),
            Tier.of("SILVER", "300", TierBenefits.of("5", "STANDARD")),
            Tier.of("GOLD", "900", TierBenefits.of("10", "PRIORITY"))));

    private static final TierPolicy SPEND = TierPolicy.byRollingSpend("EUR", java.time.Period.ofMonths(6), List.of(
            Tier.of("MEMBER", "0", TierBenefits.of("0", "STANDARD")),
            Tier.of("SILVER", "500", TierBenefits.of("5", "STANDARD")),
            Tier.of("GOLD", "1500", TierBenefits.of("10", "PRIORITY"))));

    @Test
    void randomLedgersKeepEveryInvariant() {
        long master = 20261123L;
        SplittableRandom seeds = new SplittableRandom(master);
        Map<String, Integer> seen = new HashMap<>();
        for (int run = 0; run < RUNS; run++) {
            long seed = seeds.nextLong();
            try {
                run(seed, seen);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("ledger property failed for seed " + seed + ": " + e.getMessage(), e);
            }
        }
        // The sequences must really reach every case, or the properties above prove little.
        assertThat(seen).as("cases reached").containsKeys("POSTED EARN", "POSTED REDEEM", "POSTED REVERSE",
                "EXPIRE", "shortfall", "INSUFFICIENT_BALANCE", "ALREADY_POSTED", "MEMBERSHIP_LEFT",
                "NOTHING_TO_REVERSE", "expired but unredeemable", "tier GOLD", "tier SILVER", "reversal of expired");
        assertThat(seen.get("EXPIRE")).isGreaterThan(100);
        assertThat(seen.get("shortfall")).isGreaterThan(20);
    }

    /** The reference model's lot. */
    private static final class Lot {
        final UUID id;
        final OrderId order;
        final long points;
        final Instant expiresAt;
        long remaining;
        long expired;

        Lot(UUID id, OrderId order, long points, Instant expiresAt) {
            this.id = id;
            this.order = order;
            this.points = points;
            this.expiresAt = expiresAt;
            this.remaining = points;
        }

        boolean usable(Instant t) {
            return remaining > 0 && (expiresAt == null || expiresAt.isAfter(t));
        }
    }

    private static void run(long seed, Map<String, Integer> seen) {
        SplittableRandom r = new SplittableRandom(seed);
        IdGenerator ids = () -> new UUID(r.nextLong(), r.nextLong());
        ClubMembership m = ClubMembership.join(MembershipId.of(ids.next()), TenantId.of("acme"),
                CustomerId.of(ids.next()), CardNumber.parse("CLUB-0001"), START);
        List<OrderId> orders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            orders.add(OrderId.of(ids.next()));
        }
        Map<UUID, Lot> lots = new LinkedHashMap<>();
        Map<OrderId, Lot> earned = new HashMap<>();
        Map<OrderId, Boolean> reversed = new HashMap<>();
        Map<String, Long> redeemed = new HashMap<>();
        boolean active = true;
        Instant now = START;
        List<PointsEntry> before = List.of();
        for (int step = 0; step < STEPS; step++) {
            now = now.plus(Duration.ofDays(r.nextInt(0, 40)));
            int action = r.nextInt(7);
            String what = "step " + step + " action " + action;
            int sizeBefore = m.entries().size();
            switch (action) {
                case 0, 1 -> {
                    OrderId o = orders.get(r.nextInt(orders.size()));
                    long points = r.nextInt(0, 400);
                    Instant expiresAt = r.nextBoolean() ? now.plus(Duration.ofDays(r.nextInt(0, 200))) : null;
                    PointsPosting p = m.earn(o, points, Money.of(points + ".00", "EUR"), Touchpoint.store("S-1"),
                            expiresAt, ids.next(), now);
                    note(seen, p, m, sizeBefore);
                    if (earned.containsKey(o)) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                    } else if (!active) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
                    } else if (points == 0) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.NO_POINTS);
                    } else {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.POSTED);
                        Lot lot = new Lot(p.entry().orElseThrow().id(), o, points, expiresAt);
                        lots.put(lot.id, lot);
                        earned.put(o, lot);
                    }
                }
                case 2 -> {
                    String key = "k" + r.nextInt(8);
                    long points = r.nextInt(1, 500);
                    PointsPosting p = m.redeem(points, key, null, Touchpoint.channel("WEB"), null, ids.next(), now);
                    note(seen, p, m, sizeBefore);
                    long available = available(lots, now);
                    if (redeemed.containsKey(key)) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                        assertThat(p.entry().orElseThrow().points()).isEqualTo(-redeemed.get(key));
                    } else if (!active) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
                    } else if (points > available) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
                    } else {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.POSTED);
                        take(lots, points, now, null);
                        redeemed.put(key, points);
                    }
                }
                case 3 -> {
                    OrderId o = orders.get(r.nextInt(orders.size()));
                    PointsPosting p = m.reverse(o, Touchpoint.unknown(), ids.next(), now);
                    note(seen, p, m, sizeBefore);
                    if (reversed.containsKey(o)) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                    } else if (!earned.containsKey(o)) {
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.NOTHING_TO_REVERSE);
                    } else {
                        Lot own = earned.get(o);
                        long due = own.points - own.expired;
                        long takeable = own.remaining + available(lots, now) - (own.usable(now) ? own.remaining : 0);
                        long take = Math.min(due, takeable);
                        assertThat(p.status()).as(what).isEqualTo(PointsPosting.Status.POSTED);
                        assertThat(p.entry().orElseThrow().points()).as(what).isEqualTo(-take);
                        assertThat(p.shortfall()).as(what).isEqualTo(due - take);
                        take(lots, take, now, own);
                        reversed.put(o, true);
                    }
                }
                case 4 -> {
                    Instant asOf = now;
                    List<PointsEntry> expired = m.expire(asOf, ids);
                    List<Lot> due = lots.values().stream()
                            .filter(l -> l.remaining > 0 && l.expiresAt != null && !l.expiresAt.isAfter(asOf)).toList();
                    assertThat(expired).as(what).hasSameSizeAs(due);
                    for (int i = 0; i < due.size(); i++) {
                        assertThat(expired.get(i).lotId()).as(what).isEqualTo(due.get(i).id);
                        assertThat(expired.get(i).points()).as(what).isEqualTo(-due.get(i).remaining);
                        due.get(i).expired += due.get(i).remaining;
                        due.get(i).remaining = 0;
                    }
                    assertThat(m.expire(now, ids)).as("expiring twice posts nothing").isEmpty();
                }
                case 5 -> {
                    if (active) {
                        m.leave(now);
                    } else {
                        m.rejoin(now);
                    }
                    active = !active;
                }
                default -> {
                    PointsEntry any = before.isEmpty() ? null : before.get(r.nextInt(before.size()));
                    if (any != null && any.kind() == PointsEntryKind.EARN && any.orderId() != null) {
                        int size = m.entries().size();
                        assertThat(m.earn(any.orderId(), 7, ids.next(), now).status()).as(what)
                                .isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                        assertThat(m.entries()).hasSize(size);
                    }
                }
            }
            m.reviewTier(POLICY, now);
            check(m, lots, before, now, what);
            count(seen, m, before, now);
            before = List.copyOf(m.entries());
        }
    }

    private static void check(ClubMembership m, Map<UUID, Lot> lots, List<PointsEntry> before, Instant now,
                              String what) {
        List<PointsEntry> entries = m.entries();
        long running = 0;
        for (PointsEntry e : entries) {
            running += e.points();
            assertThat(running).as(what + ": running balance").isNotNegative();
        }
        assertThat(m.balance()).as(what + ": balance is the sum of the entries").isEqualTo(running).isNotNegative();
        assertThat(m.balance()).isEqualTo(lots.values().stream().mapToLong(l -> l.remaining).sum());
        assertThat(entries.stream().map(PointsEntry::idempotencyKey).distinct().count()).as(what + ": keys unique")
                .isEqualTo(entries.size());
        assertThat(entries.subList(0, before.size())).as(what + ": entries are kept unchanged").isEqualTo(before);
        Map<UUID, Long> remaining = new LinkedHashMap<>();
        lots.values().forEach(l -> remaining.put(l.id, l.remaining));
        assertThat(m.remainingByEarning()).as(what + ": what is left of each lot").isEqualTo(remaining);
        for (PointsEntry e : entries) {
            if (e.kind() == PointsEntryKind.EXPIRE) {
                Lot lot = lots.get(e.lotId());
                assertThat(lot.expiresAt).as(what + ": expired only after the expiry").isBeforeOrEqualTo(e.at());
            }
        }
        assertThat(m.redeemable(now)).isEqualTo(available(lots, now)).isLessThanOrEqualTo(m.balance());
        long lifetime = entries.stream().filter(e -> e.kind() == PointsEntryKind.EARN)
                .filter(e -> entries.stream().noneMatch(x -> x.kind() == PointsEntryKind.REVERSE
                        && e.id().equals(x.lotId())))
                .mapToLong(PointsEntry::points).sum();
        String expectedTier = lifetime >= 900 ? "GOLD" : lifetime >= 300 ? "SILVER" : "MEMBER";
        assertThat(m.tier(POLICY, now).name()).as(what + ": tier").isEqualTo(expectedTier);
        String announced = m.tierChanges().isEmpty() ? "MEMBER" : m.tierChanges().get(m.tierChanges().size() - 1).to();
        assertThat(announced).as(what + ": last announced tier").isEqualTo(expectedTier);
        Instant windowStart = now.atZone(java.time.ZoneOffset.UTC).minusMonths(6).toInstant();
        long spend = entries.stream().filter(e -> e.kind() == PointsEntryKind.EARN)
                .filter(e -> e.at().isAfter(windowStart) && !e.at().isAfter(now))
                .filter(e -> entries.stream().noneMatch(x -> x.kind() == PointsEntryKind.REVERSE
                        && e.id().equals(x.lotId())))
                .mapToLong(PointsEntry::points).sum();
        assertThat(m.tier(SPEND, now).name()).as(what + ": tier on rolling spend")
                .isEqualTo(spend >= 1500 ? "GOLD" : spend >= 500 ? "SILVER" : "MEMBER");
        ClubMembership back = ClubMembership.restore(m.toRecord());
        assertThat(back.entries()).isEqualTo(entries);
        assertThat(back.balance()).isEqualTo(m.balance());
        assertThat(back.tier(POLICY, now)).isEqualTo(m.tier(POLICY, now));
        assertThat(back.tierChanges()).isEqualTo(m.tierChanges());
        assertThat(back.remainingByEarning()).isEqualTo(m.remainingByEarning());
    }

    /** Counts the outcome; a posting refused or repeated must have appended nothing. */
    private static void note(Map<String, Integer> seen, PointsPosting p, ClubMembership m, int sizeBefore) {
        if (!p.posted()) {
            seen.merge(p.status().name(), 1, Integer::sum);
            assertThat(m.entries()).as("a refused or repeated posting changes nothing").hasSize(sizeBefore);
        }
    }

    private static void count(Map<String, Integer> seen, ClubMembership m, List<PointsEntry> before, Instant now) {
        for (PointsEntry e : m.entries().subList(before.size(), m.entries().size())) {
            seen.merge(e.kind() == PointsEntryKind.EXPIRE ? "EXPIRE" : "POSTED " + e.kind(), 1, Integer::sum);
            if (e.kind() == PointsEntryKind.REVERSE && m.entries().stream().anyMatch(x ->
                    x.kind() == PointsEntryKind.EXPIRE && e.lotId().equals(x.lotId()))) {
                seen.merge("reversal of expired", 1, Integer::sum);
            }
            if (e.shortfall() > 0) {
                seen.merge("shortfall", 1, Integer::sum);
            }
        }
        if (m.redeemable(now) < m.balance()) {
            seen.merge("expired but unredeemable", 1, Integer::sum);
        }
        seen.merge("tier " + m.tier(POLICY, now).name(), 1, Integer::sum);
    }

    private static long available(Map<UUID, Lot> lots, Instant t) {
        return lots.values().stream().filter(l -> l.usable(t)).mapToLong(l -> l.remaining).sum();
    }

    private static void take(Map<UUID, Lot> lots, long points, Instant t, Lot first) {
        long left = points;
        if (first != null) {
            long n = Math.min(left, first.remaining);
            first.remaining -= n;
            left -= n;
        }
        for (Lot l : lots.values()) {
            if (l.usable(t) && left > 0) {
                long n = Math.min(left, l.remaining);
                l.remaining -= n;
                left -= n;
            }
        }
        assertThat(left).isZero();
    }
}
