package org.crmkit.core.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.crmkit.core.sales.order.OrderDesk.TENANT;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.sales.quote.NoSuchQuoteException;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.sales.quote.QuoteLine;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentException;
import org.crmkit.spi.fulfillment.FulfillmentLine;
import org.crmkit.spi.fulfillment.FulfillmentReceipt;
import org.crmkit.spi.fulfillment.FulfillmentRequest;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.storage.IndexKey;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.tck.storage.samples.OrderSamples;
import org.crmkit.tck.storage.samples.Sample;
import org.junit.jupiter.api.Test;

class OrdersTest {

    private final OrderDesk desk = new OrderDesk();
    private final Orders orders = desk.orders;

    private FulfillmentUpdate update(Order order, String kind) {
        desk.clock.advance(Duration.ofMinutes(10));
        return new FulfillmentUpdate(TENANT.value(), order.id().value(), order.backOfficeReference().orElseThrow(),
                kind, desk.clock.instant(), null, null, null);
    }

    @Test
    void placesAnAcceptedQuoteAndHandsItToTheBackOffice() {
        Quote quote = desk.acceptedQuote();

        Order order = orders.placeFromQuote(quote.id(), "Mei Li\n1 Example Street\n10115 Berlin");

        assertThat(order.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.version()).isEqualTo(2);
        assertThat(order.backOfficeReference()).contains("ERP-000001");
        assertThat(order.quoteId()).isEqualTo(quote.id());
        assertThat(order.customerId()).isEqualTo(quote.customerId());
        assertThat(order.opportunityId()).isEqualTo(quote.opportunityId());
        assertThat(order.campaignId()).isEqualTo(quote.campaignId());
        assertThat(order.totals()).isEqualTo(new OrderTotals(quote.netTotal(), quote.taxTotal(), quote.grossTotal()));
        assertThat(order.lines()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            QuoteLine q = quote.lines().get(i);
            OrderLine o = order.lines().get(i);
            assertThat(o).isEqualTo(new OrderLine(q.productId(), q.sku(), q.name(), q.optionCodes(), q.quantity(),
                    q.unitPrice(), q.net(), q.tax(), q.gross()));
        }
        assertThat(order.history()).extracting(StatusChange::status)
                .containsExactly(OrderStatus.CREATED, OrderStatus.SUBMITTED);
        FulfillmentRequest sent = desk.erp.submissions().get(0);
        assertThat(sent.lines()).containsExactly(
                new FulfillmentLine("DESK-160", "Standing desk", List.of("OAK"), new BigDecimal("2"),
                        OrderDesk.eur("549.00")),
                new FulfillmentLine("CABLE-03", "Power cable, per metre", List.of(), new BigDecimal("12.75"),
                        OrderDesk.eur("1.20")));
        assertThat(sent.total()).isEqualTo(Order.money(quote.grossTotal()));
        assertThat(sent.deliveryAddress()).isEqualTo("Mei Li\n1 Example Street\n10115 Berlin");
        assertThat(desk.events).filteredOn(OrderEvent.class::isInstance).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("Placed", "Submitted");
        assertThat(orders.get(order.id()).toRecord()).isEqualTo(order.toRecord());
    }

    @Test
    void orderingFromAnUnacceptedQuoteIsRefusedAndNothingIsStored() {
        Quote sent = desk.sentQuote();

        assertThatThrownBy(() -> orders.placeFromQuote(sent.id())).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> {
                    assertThat(e.aggregate()).isEqualTo("quote");
                    assertThat(e.id()).isEqualTo(sent.id().value());
                    assertThat(e.state()).isEqualTo("SENT");
                })
                .hasMessageContaining("only an ACCEPTED quote can become an order");
        assertThat(orders.findByQuote(sent.id())).isEmpty();
        assertThat(orders.find(Orders.orderIdOf(sent.id()))).isEmpty();
        assertThat(desk.erp.submissions()).isEmpty();
        assertThat(desk.events).noneMatch(OrderEvent.class::isInstance);
    }

    @Test
    void orderingAQuoteThatDoesNotExistIsRefused() {
        QuoteId unknown = QuoteId.of(UUID.randomUUID());

        assertThatThrownBy(() -> orders.placeFromQuote(unknown)).isInstanceOf(NoSuchQuoteException.class);
        assertThat(desk.erp.submissions()).isEmpty();
    }

    @Test
    void aQuoteIsOrderedOnlyOnce() {
        Quote quote = desk.acceptedQuote();
        Order first = orders.placeFromQuote(quote.id());

        assertThatThrownBy(() -> orders.placeFromQuote(quote.id())).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("quoteId"))
                .hasMessageContaining("must not have been ordered already (it is order " + first.id() + ")");
        assertThat(orders.listByCustomer(quote.customerId(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(desk.erp.submissions()).hasSize(1);
    }

    @Test
    void whenTheBackOfficeFailsTheOrderStaysCreatedAndIsSubmittedAgainLater() {
        Quote quote = desk.acceptedQuote();
        desk.erp.refuseNextSubmissions(1);

        OrderSubmissionException failure = org.junit.jupiter.api.Assertions.assertThrows(
                OrderSubmissionException.class, () -> orders.placeFromQuote(quote.id()));

        assertThat(failure).hasCauseInstanceOf(FulfillmentException.class);
        Order created = orders.get(failure.orderId());
        assertThat(created.status()).isEqualTo(OrderStatus.CREATED);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.backOfficeReference()).isEmpty();
        assertThat(orders.awaitingSubmission(PageRequest.first(10)).items()).extracting(Order::id)
                .containsExactly(created.id());

        Order submitted = orders.submit(created.id());

        assertThat(submitted.status()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(orders.awaitingSubmission(PageRequest.first(10)).items()).isEmpty();
        assertThat(orders.submit(created.id()).toRecord()).as("submitting again changes nothing")
                .isEqualTo(submitted.toRecord());
    }

    @Test
    void aLostAnswerIsRetriedWithoutASecondOrderInTheBackOffice() {
        Quote quote = desk.acceptedQuote();
        desk.erp.loseNextAnswers(1);

        assertThatThrownBy(() -> orders.placeFromQuote(quote.id())).isInstanceOf(OrderSubmissionException.class);
        Order order = orders.submit(Orders.orderIdOf(quote.id()));

        assertThat(order.backOfficeReference()).contains("ERP-000001");
        assertThat(desk.erp.submissions()).hasSize(1);
    }

    @Test
    void newsForAnOrderWhoseSubmissionAnswerWasLostIsAppliedOnceItIsSubmittedAgain() {
        Quote quote = desk.acceptedQuote();
        desk.erp.loseNextAnswers(1);
        assertThatThrownBy(() -> orders.placeFromQuote(quote.id())).isInstanceOf(OrderSubmissionException.class);
        OrderId id = Orders.orderIdOf(quote.id());
        desk.erp.connect(null);
        FulfillmentUpdate confirmed = desk.erp.confirm(TENANT.value(), id.value());

        assertThatThrownBy(() -> orders.applyUpdate(confirmed)).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("in state CREATED cannot move: confirm");
        orders.submit(id);

        assertThat(orders.applyUpdate(confirmed).outcome()).isEqualTo(UpdateOutcome.APPLIED);
        assertThat(orders.get(id).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aBackOfficeThatThrowsSomethingElseLeavesTheOrderCreatedToo() {
        OrderDesk broken = new OrderDesk(request -> {
            throw new IllegalStateException("connection reset");
        });
        Quote quote = broken.acceptedQuote();

        assertThatThrownBy(() -> broken.orders.placeFromQuote(quote.id())).isInstanceOf(OrderSubmissionException.class)
                .hasMessageContaining("connection reset").hasMessageContaining("stored as CREATED");
        assertThat(broken.orders.findByQuote(quote.id())).get().extracting(Order::status)
                .isEqualTo(OrderStatus.CREATED);
    }

    @Test
    void theBackOfficesNewsTakesTheOrderToDeliveredWithTracking() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());
        String tenant = TENANT.value();
        UUID id = order.id().value();

        desk.erp.confirm(tenant, id);
        desk.clock.advance(Duration.ofDays(1));
        FulfillmentUpdate shipped = desk.erp.ship(tenant, id, "DHL", "00340434161234567890");
        desk.clock.advance(Duration.ofDays(2));
        FulfillmentUpdate delivered = desk.erp.deliver(tenant, id);

        Order done = orders.get(order.id());
        assertThat(done.status()).isEqualTo(OrderStatus.DELIVERED);
        assertThat(done.version()).isEqualTo(5);
        assertThat(done.tracking()).contains(new Tracking("DHL", "00340434161234567890", shipped.at(),
                delivered.at()));
        assertThat(done.history()).extracting(StatusChange::status).containsExactly(OrderStatus.CREATED,
                OrderStatus.SUBMITTED, OrderStatus.CONFIRMED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
        assertThat(orders.findByBackOfficeReference("ERP-000001")).map(Order::id).contains(order.id());
        assertThat(orders.listByStatus(OrderStatus.DELIVERED, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void deliveringAnUnshippedOrderIsRefusedAndNothingChanges() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());
        desk.erp.confirm(TENANT.value(), order.id().value());
        Order confirmed = orders.get(order.id());

        assertThatThrownBy(() -> orders.applyUpdate(update(confirmed, FulfillmentUpdate.DELIVERED)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("order " + order.id() + " in state CONFIRMED cannot move: deliver");
        assertThat(orders.get(order.id()).toRecord()).isEqualTo(confirmed.toRecord());
    }

    @Test
    void aRepeatedOrLateUpdateIsReportedAndChangesNothing() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());
        FulfillmentUpdate confirmed = desk.erp.confirm(TENANT.value(), order.id().value());
        Order afterConfirm = orders.get(order.id());
        int events = desk.events.size();

        UpdateResult repeated = orders.applyUpdate(confirmed);

        assertThat(repeated.outcome()).isEqualTo(UpdateOutcome.ALREADY_CURRENT);
        assertThat(repeated.order().version()).isEqualTo(afterConfirm.version());

        desk.erp.ship(TENANT.value(), order.id().value(), null, null);
        UpdateResult late = orders.applyUpdate(confirmed);

        assertThat(late.outcome()).isEqualTo(UpdateOutcome.ALREADY_PASSED);
        assertThat(late.order().status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(desk.events).hasSize(events + 1);
    }

    @Test
    void anUpdateForAnotherTenantOrAnUnknownOrderIsRefused() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());
        FulfillmentUpdate otherTenant = new FulfillmentUpdate("globex", order.id().value(), "ERP-000001",
                FulfillmentUpdate.CONFIRMED, desk.clock.instant(), null, null, null);
        FulfillmentUpdate unknown = new FulfillmentUpdate(TENANT.value(), UUID.randomUUID(), "ERP-000001",
                FulfillmentUpdate.CONFIRMED, desk.clock.instant(), null, null, null);

        assertThatThrownBy(() -> orders.applyUpdate(otherTenant)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("tenant"));
        assertThatThrownBy(() -> orders.applyUpdate(unknown)).isInstanceOf(NoSuchOrderException.class);
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void cancellingASubmittedOrderAsksTheBackOfficeFirst() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());

        Order cancelled = orders.cancel(order.id(), "customer withdrew");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(desk.erp.cancellations()).singleElement().satisfies(c -> {
            assertThat(c.orderId()).isEqualTo(order.id().value());
            assertThat(c.backOfficeReference()).isEqualTo("ERP-000001");
            assertThat(c.reason()).isEqualTo("customer withdrew");
        });
        assertThat(desk.events).last().isInstanceOf(OrderEvent.Cancelled.class);
        assertThatThrownBy(() -> orders.cancel(order.id(), "again")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> orders.submit(order.id())).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void aShippedOrderCannotBeCancelledAndTheBackOfficeIsNotAsked() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());
        desk.erp.confirm(TENANT.value(), order.id().value());
        desk.erp.ship(TENANT.value(), order.id().value(), "UPS", "1Z");

        assertThatThrownBy(() -> orders.cancel(order.id(), "too late")).isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("in state SHIPPED cannot move: cancel");
        assertThat(desk.erp.cancellations()).isEmpty();
    }

    @Test
    void whenTheBackOfficeRefusesACancellationTheOrderIsUnchanged() {
        AtomicInteger references = new AtomicInteger();
        OrderDesk strict = new OrderDesk(request -> new FulfillmentReceipt("SAP-" + references.incrementAndGet(),
                java.time.Instant.parse("2026-05-04T08:00:00Z")));
        Order order = strict.orders.placeFromQuote(strict.acceptedQuote().id());

        assertThatThrownBy(() -> strict.orders.cancel(order.id(), "customer withdrew"))
                .isInstanceOf(FulfillmentException.class).hasMessageContaining("takes no cancellations");
        assertThat(strict.orders.get(order.id()).toRecord()).isEqualTo(order.toRecord());
    }

    @Test
    void aCreatedOrderIsCancelledWithoutAskingTheBackOffice() {
        Quote quote = desk.acceptedQuote();
        desk.erp.refuseNextSubmissions(1);
        assertThatThrownBy(() -> orders.placeFromQuote(quote.id())).isInstanceOf(OrderSubmissionException.class);

        Order cancelled = orders.cancel(Orders.orderIdOf(quote.id()), "back office down, customer bought elsewhere");

        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(desk.erp.cancellations()).isEmpty();
    }

    @Test
    void cancellingNeedsAReasonAndAnExistingOrder() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());

        assertThatThrownBy(() -> orders.cancel(order.id(), "")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("reason: must not be blank");
        assertThatThrownBy(() -> orders.cancel(OrderId.of(UUID.randomUUID()), "x"))
                .isInstanceOf(NoSuchOrderException.class);
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.SUBMITTED);
    }

    @Test
    void theBackOfficeCanCancelAConfirmedOrder() {
        Order order = orders.placeFromQuote(desk.acceptedQuote().id());
        desk.erp.confirm(TENANT.value(), order.id().value());

        desk.erp.cancelInBackOffice(TENANT.value(), order.id().value(), "out of stock");

        Order cancelled = orders.get(order.id());
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.history()).last().extracting(StatusChange::note).isEqualTo("out of stock");
    }

    @Test
    void theTckSamplesRoundTripThroughInMemoryStorageAndAreFoundByEveryKey() {
        for (Sample<?> sample : OrderSamples.all("acme")) {
            OrderRecord record = OrderRecord.KIND.cast(sample.record());
            desk.storage.useTransaction("acme", session -> session.records(OrderRecord.KIND).insert(record));

            assertThat(orders.get(OrderId.of(record.id())).toRecord().version()).isEqualTo(2);
            for (IndexKey key : OrderRecord.KIND.keysOf(record)) {
                List<OrderRecord> found = desk.storage.inTransaction("acme", session -> session
                        .records(OrderRecord.KIND)
                        .query(RecordQuery.all().where(key.name(), key.value()), PageRequest.first(10)).items());
                assertThat(found).as("found by %s", key).contains(record);
            }
        }
    }
}
