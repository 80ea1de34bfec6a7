package org.crmkit.core.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.sales.order.OrderFixtures.TENANT;
import static org.crmkit.core.sales.order.OrderFixtures.line;
import static org.crmkit.core.sales.order.OrderFixtures.newOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.TestClock;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentLine;
import org.crmkit.spi.fulfillment.FulfillmentRequest;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.OrderStatusChangeRecord;
import org.crmkit.spi.sales.OrderTrackingRecord;
import org.crmkit.tck.storage.samples.OrderSamples;
import org.junit.jupiter.api.Test;

class OrderTest {

    private final TestClock clock = TestClock.at("2026-05-04T08:00:00Z");

    private Instant later(int minutes) {
        clock.advance(Duration.ofMinutes(minutes));
        return clock.instant();
    }

    private FulfillmentUpdate update(Order order, String kind, String carrier, String number) {
        return new FulfillmentUpdate(TENANT.value(), order.id().value(), order.backOfficeReference().orElse("ERP-1"),
                kind, later(5), carrier, number, null);
    }

    private Order submitted() {
        Order order = newOrder(clock);
        order.markSubmitted("ERP-1", later(1));
        return order;
    }

    @Test
    void aNewOrderIsCreatedWithTotalsThatAreTheSumsOfItsLines() {
        Order order = newOrder(clock);

        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(order.version()).isZero();
        assertThat(order.totals()).isEqualTo(new OrderTotals(Money.of("1037.90", "EUR"), Money.of("197.20", "EUR"),
                Money.of("1235.10", "EUR")));
        assertThat(order.history()).extracting(StatusChange::status).containsExactly(OrderStatus.CREATED);
        assertThat(order.recordedEvents()).singleElement().isInstanceOf(OrderEvent.Placed.class);
        assertThat(order.backOfficeReference()).isEmpty();
        assertThat(order.tracking()).isEmpty();
    }

    @Test
    void refusesAnOrderWithoutLines() {
        assertThatThrownBy(() -> newOrder(clock, List.of())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("lines: must not be empty");
    }

    @Test
    void refusesLinesInDifferentCurrencies() {
        Money usd = Money.of("10.00", "USD");
        OrderLine dollars = new OrderLine("p", "S", "n", List.of(), BigDecimal.ONE, usd, usd, Money.zero("USD"), usd);

        assertThatThrownBy(() -> newOrder(clock, List.of(line("A", 1, "1.00", "0.00"), dollars)))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).field())
                .isEqualTo("currency");
    }

    @Test
    void refusesALineWhoseGrossIsNotNetPlusTax() {
        Money ten = Money.of("10.00", "EUR");

        assertThatThrownBy(() -> new OrderLine("p", "S", "n", List.of(), BigDecimal.ONE, ten, ten, Money.of("1.90", "EUR"),
                ten))
                .isInstanceOf(ValidationException.class).hasMessageContaining("gross: must be net plus tax");
    }

    @Test
    void refusesALineWithoutQuantity() {
        Money ten = Money.of("10.00", "EUR");

        assertThatThrownBy(() -> new OrderLine("p", "S", "n", List.of(), BigDecimal.ZERO, ten, ten, Money.zero("EUR"),
                ten)).isInstanceOf(ValidationException.class).hasMessageContaining("quantity: must be positive");
    }

    @Test
    void aLineKeepsItsQuantityWithoutTrailingZeros() {
        Money ten = Money.of("10.00", "EUR");

        assertThat(new OrderLine("p", "S", "n", List.of(), new BigDecimal("2.500"), ten, ten, Money.zero("EUR"), ten)
                .quantity()).isEqualByComparingTo("2.5").hasToString("2.5");
        assertThat(new OrderLine("p", "S", "n", List.of(), new BigDecimal("1E+1"), ten, ten, Money.zero("EUR"), ten)
                .quantity()).hasToString("10");
    }

    @Test
    void goesFromCreatedToDeliveredRecordingEveryStepAndTheTracking() {
        Order order = newOrder(clock);

        order.markSubmitted("ERP-1", later(1));
        order.confirm(later(60), "stock reserved");
        Instant shippedAt = later(600);
        order.ship(shippedAt, "DHL", "00340434", null);
        Instant deliveredAt = later(2000);
        order.deliver(deliveredAt, "signed by M. Li");

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.history()).extracting(StatusChange::status).containsExactly(OrderStatus.CREATED,
                OrderStatus.SUBMITTED, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        assertThat(order.backOfficeReference()).contains("ERP-1");
        assertThat(order.tracking()).contains(new Tracking("DHL", "00340434", shippedAt, deliveredAt));
        assertThat(order.recordedEvents()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Placed", "Submitted", "Confirmed", "Shipped", "Delivered");
    }

    @Test
    void aDeliveryDatedBeforeTheShipmentIsRefusedAndChangesNothing() {
        Order order = submitted();
        order.confirm(later(1), null);
        Instant shippedAt = later(100);
        order.ship(shippedAt, "DHL", "00340434", null);
        OrderRecord before = order.toRecord();
        int events = order.recordedEvents().size();

        assertThatThrownBy(() -> order.deliver(shippedAt.minusSeconds(60), null))
                .isInstanceOf(ValidationException.class).extracting("field").isEqualTo("at");
        assertThat(order.toRecord()).isEqualTo(before);
        assertThat(order.recordedEvents()).hasSize(events);
    }

    @Test
    void deliveringAnUnshippedOrderIsRefusedAndChangesNothing() {
        Order order = submitted();
        order.confirm(later(1), null);
        OrderRecord before = order.toRecord();
        int events = order.recordedEvents().size();

        assertThatThrownBy(() -> order.deliver(later(1), null)).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("order");
                    assertThat(e.id()).isEqualTo(order.id().value());
                    assertThat(e.state()).isEqualTo("CONFIRMED");
                    assertThat(e.move()).isEqualTo("deliver");
                });
        assertThat(order.toRecord()).isEqualTo(before);
        assertThat(order.recordedEvents()).hasSize(events);
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        Order order = submitted();
        order.confirm(later(1), null);
        order.ship(later(1), null, null, null);
        OrderRecord before = order.toRecord();

        assertThatThrownBy(() -> order.cancel(later(1), "too late")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("in state SHIPPED cannot move: cancel");
        assertThat(order.toRecord()).isEqualTo(before);
    }

    @Test
    void cancellingNeedsAReason() {
        Order order = newOrder(clock);

        assertThatThrownBy(() -> order.cancel(later(1), " ")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("reason: must not be blank");
        assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void anOrderCanBeCancelledBeforeItShipsAndThenNothingMoreHappens() {
        Order order = submitted();
        order.cancel(later(1), "customer withdrew");

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.recordedEvents()).last().isEqualTo(new OrderEvent.Cancelled(TENANT, order.id(),
                clock.instant(), OrderStatus.SUBMITTED, "customer withdrew"));
        assertThatThrownBy(() -> order.confirm(later(1), null)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aCreatedOrderIsSubmittedOnlyOnce() {
        Order order = submitted();

        assertThatThrownBy(() -> order.markSubmitted("ERP-2", later(1)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(order.backOfficeReference()).contains("ERP-1");
    }

    @Test
    void backOfficeUpdatesMoveTheOrderAlongTheTable() {
        Order order = submitted();

        assertThat(order.apply(update(order, FulfillmentUpdate.CONFIRMED, null, null))).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(order.apply(update(order, FulfillmentUpdate.SHIPPED, "UPS", "1Z999"))).isEqualTo(UpdateOutcome.APPLIED);
        FulfillmentUpdate delivered = update(order, FulfillmentUpdate.DELIVERED, null, null);
        assertThat(order.apply(delivered)).isEqualTo(UpdateOutcome.APPLIED);

        assertThat(order.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(order.tracking()).get().satisfies(t -> {
            assertThat(t.trackingCode()).contains("UPS 1Z999");
            assertThat(t.deliveredAt()).isEqualTo(delivered.at());
        });
        assertThat(order.history()).last().extracting(StatusChange::at).isEqualTo(delivered.at());
    }

    @Test
    void aRepeatedUpdateIsANoOpThatSaysSo() {
        Order order = submitted();
        FulfillmentUpdate confirmed = update(order, FulfillmentUpdate.CONFIRMED, null, null);
        order.apply(confirmed);
        OrderRecord before = order.toRecord();
        int events = order.recordedEvents().size();

        assertThat(order.apply(confirmed)).isEqualTo(UpdateOutcome.ALREADY_CURRENT);
        assertThat(order.toRecord()).isEqualTo(before);
        assertThat(order.recordedEvents()).hasSize(events);
    }

    @Test
    void anUpdateThatArrivesAfterTheOrderMovedOnIsANoOpThatSaysSo() {
        Order order = submitted();
        FulfillmentUpdate confirmed = update(order, FulfillmentUpdate.CONFIRMED, null, null);
        order.apply(confirmed);
        order.apply(update(order, FulfillmentUpdate.SHIPPED, null, null));
        OrderRecord before = order.toRecord();

        assertThat(order.apply(confirmed)).isEqualTo(UpdateOutcome.ALREADY_PASSED);
        assertThat(order.toRecord()).isEqualTo(before);
    }

    @Test
    void anUpdateThatSkipsAStepIsRefusedAndChangesNothing() {
        Order order = submitted();
        order.apply(update(order, FulfillmentUpdate.CONFIRMED, null, null));
        OrderRecord before = order.toRecord();

        assertThatThrownBy(() -> order.apply(update(order, FulfillmentUpdate.DELIVERED, null, null)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("in state CONFIRMED cannot move: deliver");
        assertThat(order.toRecord()).isEqualTo(before);
    }

    @Test
    void anUpdateWithAnotherBackOfficeReferenceIsRefused() {
        Order order = submitted();
        FulfillmentUpdate foreign = new FulfillmentUpdate(TENANT.value(), order.id().value(), "ERP-999",
                FulfillmentUpdate.CONFIRMED, later(1), null, null, null);

        assertThatThrownBy(() -> order.apply(foreign)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("backOfficeReference: must be the order's back-office reference 'ERP-1'");
        assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void anUpdateForAnotherOrderIsRefused() {
        Order order = submitted();
        FulfillmentUpdate other = new FulfillmentUpdate(TENANT.value(), UUID.randomUUID(), "ERP-1",
                FulfillmentUpdate.CONFIRMED, later(1), null, null, null);

        assertThatThrownBy(() -> order.apply(other)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("orderId");
    }

    @Test
    void theBackOfficeCanCancelAnOrderItNeverAcknowledgedAndItsReferenceIsKept() {
        Order order = newOrder(clock);
        FulfillmentUpdate cancelled = new FulfillmentUpdate(TENANT.value(), order.id().value(), "ERP-7",
                FulfillmentUpdate.CANCELLED, later(1), null, null, "out of stock");

        assertThat(order.apply(cancelled)).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.backOfficeReference()).contains("ERP-7");
        assertThat(order.history()).last().extracting(StatusChange::note).isEqualTo("out of stock");
    }

    @Test
    void storingAndRestoringGivesAnEqualRecordAtTheNextVersion() {
        Order order = submitted();
        order.confirm(later(1), "ok");
        order.ship(later(1), "DHL", "123", "left");
        OrderRecord record = order.toRecord();

        assertThat(record.version()).isEqualTo(1);
        Order restored = Order.restore(record);
        assertThat(restored.version()).isEqualTo(1);
        assertThat(restored.recordedEvents()).isEmpty();
        OrderRecord again = restored.toRecord();
        assertThat(again.version()).isEqualTo(2);
        assertThat(new OrderRecordWithVersion(again, 1)).isEqualTo(new OrderRecordWithVersion(record, 1));
    }

    @Test
    void theTckSamplesAreValidOrders() {
        for (OrderRecord sample : List.of(OrderSamples.full("acme"), OrderSamples.minimal("acme"))) {
            Order order = Order.restore(sample);
            assertThat(order.toRecord()).isEqualTo(withVersion(sample, 2));
        }
    }

    @Test
    void restoringRefusesTotalsThatAreNotTheSumsOfTheLines() {
        OrderRecord good = OrderSamples.full("acme");
        OrderRecord bad = copy(good, new MoneyRecord(new BigDecimal("913.51"), "EUR"),
                new MoneyRecord(new BigDecimal("1087.08"), "EUR"), good.status(), good.history(), good.tracking());

        assertThatThrownBy(() -> Order.restore(bad)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("totals: must be the sums of the lines");
    }

    @Test
    void restoringRefusesAHistoryThatSkipsAStep() {
        OrderRecord good = OrderSamples.full("acme");
        List<OrderStatusChangeRecord> skipping = new ArrayList<>(good.history());
        skipping.remove(3);
        OrderRecord bad = copy(good, good.netTotal(), good.grossTotal(), good.status(), skipping, good.tracking());

        assertThatThrownBy(() -> Order.restore(bad)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("history[3].status: must be a move the table allows from CONFIRMED");
    }

    @Test
    void restoringRefusesAStatusThatIsNotTheLastOfTheHistory() {
        OrderRecord good = OrderSamples.full("acme");
        OrderRecord bad = copy(good, good.netTotal(), good.grossTotal(), "SHIPPED", good.history(), good.tracking());

        assertThatThrownBy(() -> Order.restore(bad)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("status: must be the last status of the history");
    }

    @Test
    void restoringRefusesADeliveredOrderWithoutDeliveryTime() {
        OrderRecord good = OrderSamples.full("acme");
        OrderTrackingRecord t = good.tracking();
        OrderRecord bad = copy(good, good.netTotal(), good.grossTotal(), good.status(), good.history(),
                new OrderTrackingRecord(t.carrier(), t.number(), t.shippedAt(), null));

        assertThatThrownBy(() -> Order.restore(bad)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("tracking.deliveredAt");
    }

    @Test
    void theBackOfficeIsAskedForTheLinesTheGrossTotalAndTheAddress() {
        Order order = newOrder(clock);

        FulfillmentRequest request = order.toFulfillmentRequest();

        assertThat(request.tenant()).isEqualTo("acme");
        assertThat(request.orderId()).isEqualTo(order.id().value());
        assertThat(request.customerId()).isEqualTo(order.customerId().value());
        assertThat(request.lines()).containsExactly(
                new FulfillmentLine("DESK", "Product DESK", List.of(), new BigDecimal("2"),
                        new MoneyRecord(new BigDecimal("499.00"), "EUR")),
                new FulfillmentLine("LAMP", "Product LAMP", List.of(), BigDecimal.ONE,
                        new MoneyRecord(new BigDecimal("39.90"), "EUR")));
        assertThat(request.total()).isEqualTo(new MoneyRecord(new BigDecimal("1235.10"), "EUR"));
        assertThat(request.deliveryAddress()).isEqualTo("1 Example Street\n10115 Berlin");
    }

    /** Compares records ignoring the version. */
    private record OrderRecordWithVersion(OrderRecord record, long version) {
        OrderRecordWithVersion {
            record = withVersion(record, version);
        }
    }

    static OrderRecord withVersion(OrderRecord r, long version) {
        return new OrderRecord(r.id(), r.tenant(), version, r.quoteId(), r.customerId(), r.opportunityId(),
                r.campaignId(), r.lines(), r.netTotal(), r.taxTotal(), r.grossTotal(), r.status(), r.history(),
                r.backOfficeReference(), r.tracking(), r.deliveryAddress(), r.createdAt());
    }

    private static OrderRecord copy(OrderRecord r, MoneyRecord net, MoneyRecord gross, String status,
                                    List<OrderStatusChangeRecord> history, OrderTrackingRecord tracking) {
        return new OrderRecord(r.id(), r.tenant(), r.version(), r.quoteId(), r.customerId(), r.opportunityId(),
                r.campaignId(), r.lines(), net, r.taxTotal(), gross, status, history,
                r.backOfficeReference(), tracking, r.deliveryAddress(), r.createdAt());
    }
}
