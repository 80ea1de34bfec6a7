package org.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.AfterSalesFixture;
import org.crmkit.core.service.DeliveredOrder;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of postings (earn from one of a few orders, possibly again; redeem with
 * one of a few keys; reverse an order, also after leaving; leave; join) through {@link CustomerClub}
 * (in-memory storage)
 * and checks after every step that the stored balance is the sum of the stored entries, never
 * negative, that each idempotency key is posted at most once, and that the ledger matches a
 * reference model.
 */
class PointsLedgerPropertiesTest {

    private static final int ORDERS = 4;
    private static final int KEYS = 3;
    private static final int ACTIONS = 5;

    @Test
    void randomPostingsKeepTheBalanceTheSumOfEntriesNeverNegativeAndIdempotent() {
        qt().withExamples(120).withFixedSeed(20261123L)
                .forAll(lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 40))
                .checkAssert(this::run);
    }

    private void run(List<Integer> actions) {
        AfterSalesFixture f = new AfterSalesFixture();
        CustomerClub club = new CustomerClub(f.tenant, f.storage, f.clock, f.ids, e -> { });
        CustomerId li = f.customer("Li Wei");
        club.join(li);
        List<DeliveredOrder> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            orders.add(new DeliveredOrder(OrderId.of(UUID.randomUUID()), li, null,
                    org.crmkit.core.common.Money.of((i * 37 + 5) + ".75", "EUR"), f.clock.instant()));
        }
        Map<OrderId, Long> earned = new HashMap<>();
        Set<OrderId> reversed = new HashSet<>();
        Set<String> redeemed = new HashSet<>();
        long balance = 0;
        boolean active = true;
        for (int code : actions) {
            f.tick();
            int arg = code / ACTIONS;
            switch (code % ACTIONS) {
                case 0 -> {
                    DeliveredOrder o = orders.get(arg % ORDERS);
                    PointsPosting p = club.earnFromOrder(o);
                    long points = EarnRule.standard().pointsFor(o);
                    if (earned.containsKey(o.orderId())) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                    } else if (!active) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
                    } else {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.POSTED);
                        earned.put(o.orderId(), points);
                        balance += points;
                    }
                }
                case 1 -> {
                    String key = "k" + arg % KEYS;
                    long points = 1 + arg % 90;
                    PointsPosting p = club.redeem(li, points, key, null);
                    if (redeemed.contains(key)) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                    } else if (!active) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.MEMBERSHIP_LEFT);
                    } else if (points > balance) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.INSUFFICIENT_BALANCE);
                    } else {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.POSTED);
                        redeemed.add(key);
                        balance -= points;
                    }
                }
                case 2 -> {
                    OrderId o = orders.get(arg % ORDERS).orderId();
                    PointsPosting p = club.reverseOrder(li, o);
                    if (reversed.contains(o)) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.ALREADY_POSTED);
                    } else if (!earned.containsKey(o)) {
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.NOTHING_TO_REVERSE);
                    } else {
                        long take = Math.min(earned.get(o), balance);
                        assertThat(p.status()).isEqualTo(PointsPosting.Status.POSTED);
                        assertThat(p.entry().orElseThrow().points()).isEqualTo(-take);
                        assertThat(p.shortfall()).isEqualTo(earned.get(o) - take);
                        reversed.add(o);
                        balance -= take;
                    }
                }
                case 3 -> {
                    if (active) {
                        club.leave(li);
                        active = false;
                    }
                }
                default -> {
                    club.join(li);
                    active = true;
                }
            }
            ClubMembership m = club.findByCustomer(li).orElseThrow();
            long sum = m.entries().stream().mapToLong(PointsEntry::points).sum();
            assertThat(m.balance()).isEqualTo(sum).isEqualTo(balance).isNotNegative();
            assertThat(m.entries().stream().map(PointsEntry::idempotencyKey).distinct().count())
                    .isEqualTo(m.entries().size());
            assertThat(m.entries()).hasSize(earned.size() + redeemed.size() + reversed.size());
            assertThat(m.status()).isEqualTo(active ? MembershipStatus.ACTIVE : MembershipStatus.LEFT);
            long running = 0;
            for (PointsEntry e : m.entries()) {
                running += e.points();
                assertThat(running).isNotNegative();
            }
        }
    }
}
