package org.crmkit.core.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.sales.OrderRecord;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of the {@link Order} verbs and back-office updates on one aggregate, without
 * storage: every verb either makes a move the status table allows or is refused and changes
 * nothing; the history is always a path of the table; totals are always the sums of the lines;
 * and the order always survives a round trip through its record. Each action is drawn from an
 * integer, so QuickTheories shrinks a failing run to a short sequence.
 */
class OrderVerbPropertiesTest {

    private static final List<OrderStatus> TARGETS = List.of(OrderStatus.SUBMITTED, OrderStatus.CONFIRMED,
            OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.CANCELLED);

    @Test
    void verbsNeverReachAnIllegalStateAndRefusedVerbsChangeNothing() {
        qt().withExamples(300).withFixedSeed(20261123L)
                .forAll(integers().between(1, 5), lists().of(integers().between(0, 999_999)).ofSizeBetween(1, 30))
                .checkAssert(this::run);
    }

    private void run(int lineCount, List<Integer> actions) {
        TestClock clock = TestClock.at("2026-01-01T00:00:00Z");
        SplittableRandom random = new SplittableRandom(lineCount * 31L + actions.size());
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            lines.add(OrderFixtures.randomLine(random));
        }
        Order order = OrderFixtures.newOrder(clock, lines);
        OrderTotals totals = order.totals();
        for (int code : actions) {
            clock.advance(Duration.ofMinutes(1 + code % 11));
            OrderStatus target = TARGETS.get(code % TARGETS.size());
            boolean viaUpdate = (code / 5) % 2 == 1 && target != OrderStatus.SUBMITTED;
            OrderRecord before = order.toRecord();
            OrderStatus from = order.status();
            boolean seen = order.history().stream().anyMatch(c -> c.status() == target);
            int events = order.recordedEvents().size();
            try {
                if (viaUpdate && order.backOfficeReference().isPresent()) {
                    UpdateOutcome outcome = order.apply(new FulfillmentUpdate("acme", order.id().value(),
                            order.backOfficeReference().get(), target.name(), clock.instant(), null, null, null));
                    assertThat(outcome).isEqualTo(from == target ? UpdateOutcome.ALREADY_CURRENT
                            : seen ? UpdateOutcome.ALREADY_PASSED : UpdateOutcome.APPLIED);
                    if (!outcome.changed()) {
                        assertThat(order.toRecord()).isEqualTo(before);
                        continue;
                    }
                } else {
                    act(order, target, clock, code);
                }
                assertThat(from.canTransitionTo(target)).as("%s -> %s was allowed", from, target).isTrue();
                assertThat(order.status()).isEqualTo(target);
                assertThat(order.recordedEvents()).hasSize(events + 1);
            } catch (IllegalTransitionException e) {
                assertThat(from.canTransitionTo(target)).as("%s -> %s was refused", from, target).isFalse();
                assertThat(order.toRecord()).isEqualTo(before);
                assertThat(order.recordedEvents()).hasSize(events);
            }
            List<StatusChange> history = order.history();
            assertThat(history.get(0).status()).isEqualTo(OrderStatus.CREATED);
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i - 1).status().canTransitionTo(history.get(i).status())).isTrue();
            }
            assertThat(history.get(history.size() - 1).status()).isEqualTo(order.status());
            assertThat(order.totals()).isEqualTo(totals).isEqualTo(OrderTotals.of(order.lines()));
            OrderRecord record = order.toRecord();
            assertThat(Order.restore(record).toRecord()).isEqualTo(OrderTest.withVersion(record, 2));
        }
    }

    private static void act(Order order, OrderStatus target, TestClock clock, int code) {
        switch (target) {
            case SUBMITTED -> order.markSubmitted("ERP-" + UUID.randomUUID(), clock.instant());
            case CONFIRMED -> order.confirm(clock.instant(), null);
            case SHIPPED -> order.ship(clock.instant(), code % 3 == 0 ? null : "DHL", code % 3 == 0 ? null : "1",
                    null);
            case DELIVERED -> order.deliver(clock.instant(), "at the door");
            case CANCELLED -> order.cancel(clock.instant(), "changed plans");
            default -> throw new IllegalStateException();
        }
    }
}
