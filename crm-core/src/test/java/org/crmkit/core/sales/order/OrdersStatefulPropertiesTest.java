package org.crmkit.core.sales.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.QuoteId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentException;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.storage.PageRequest;
import org.junit.jupiter.api.Test;

/**
 * Drives random sequences of actions through {@link Orders} (in-memory storage, in-memory back
 * office): placing orders from accepted and unaccepted quotes, a back office that refuses or loses
 * answers, retried submissions, back-office news of every kind in any order (repeated, late,
 * skipping), and cancellations. After every step it checks every stored order: it never reached an
 * illegal state, its status history is a path the status table allows, its totals are the sums of
 * its lines (and the quote's), its version counts its steps, and it agrees with a simple model kept
 * by the test. Every refused action must leave the stored orders exactly as they were.
 *
 * <p>A small seeded harness: on failure it prints the seed and the actions that led there.
 */
class OrdersStatefulPropertiesTest {

    private static final int RUNS = 120;
    private static final int ACTIONS = 40;
    private static final long BASE_SEED = 20261123L;

    /** The model's own table, written out independently of {@link OrderStatus}. */
    private static final Set<String> ALLOWED = Set.of("CREATED>SUBMITTED", "CREATED>CANCELLED",
            "SUBMITTED>CONFIRMED", "SUBMITTED>CANCELLED", "CONFIRMED>SHIPPED", "CONFIRMED>CANCELLED",
            "SHIPPED>DELIVERED");
    private static final List<String> KINDS = FulfillmentUpdate.KINDS;

    /** What the test expects of one order. */
    private static final class Expected {
        final List<String> path = new ArrayList<>(List.of("CREATED"));
        String reference;

        String status() {
            return path.get(path.size() - 1);
        }
    }

    @Test
    void randomActionSequencesNeverReachAnIllegalStateAndMatchTheModel() {
        for (int run = 0; run < RUNS; run++) {
            long seed = BASE_SEED + run;
            List<String> log = new ArrayList<>();
            try {
                run(new SplittableRandom(seed), log);
            } catch (AssertionError | RuntimeException e) {
                fail("run failed with seed " + seed + " after actions:\n  " + String.join("\n  ", log), e);
            }
        }
    }

    private void run(SplittableRandom random, List<String> log) {
        OrderDesk desk = new OrderDesk();
        desk.erp.connect(null);
        Orders orders = desk.orders;
        List<Quote> quotes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            quotes.add(random.nextInt(4) == 0 ? desk.sentQuote() : desk.acceptedQuote());
        }
        Map<QuoteId, Quote> byId = new HashMap<>();
        quotes.forEach(q -> byId.put(q.id(), q));
        Map<OrderId, Expected> model = new LinkedHashMap<>();
        List<FulfillmentUpdate> sent = new ArrayList<>();

        for (int step = 0; step < ACTIONS; step++) {
            desk.clock.advance(Duration.ofMinutes(1 + random.nextInt(120)));
            Map<OrderId, OrderRecord> before = snapshot(orders, model);
            int action = random.nextInt(6);
            List<OrderId> known = new ArrayList<>(model.keySet());
            switch (action) {
                case 0 -> {
                    Quote quote = quotes.get(random.nextInt(quotes.size()));
                    int erpMode = random.nextInt(5);
                    log.add("place " + quote.id() + " (" + quote.status() + ", erp mode " + erpMode + ")");
                    place(desk, quote, erpMode, model, before);
                }
                case 1 -> {
                    if (known.isEmpty()) {
                        continue;
                    }
                    OrderId id = known.get(random.nextInt(known.size()));
                    boolean refuse = random.nextInt(4) == 0;
                    log.add("submit " + id + (refuse ? " (erp refuses)" : ""));
                    submit(desk, id, refuse, model.get(id), before);
                }
                case 2, 3 -> {
                    if (known.isEmpty()) {
                        continue;
                    }
                    OrderId id = known.get(random.nextInt(known.size()));
                    Expected expected = model.get(id);
                    if (expected.reference == null) {
                        continue;
                    }
                    String kind = KINDS.get(random.nextInt(KINDS.size()));
                    boolean tracked = kind.equals(FulfillmentUpdate.SHIPPED) && random.nextBoolean();
                    FulfillmentUpdate update = new FulfillmentUpdate(desk.orders.tenant().value(), id.value(),
                            expected.reference, kind, desk.clock.instant(), tracked ? "DHL" : null,
                            tracked ? "0034" + random.nextInt(1000) : null, random.nextBoolean() ? null : "note");
                    log.add("update " + id + " " + kind);
                    apply(orders, update, expected, before);
                    sent.add(update);
                }
                case 4 -> {
                    if (sent.isEmpty()) {
                        continue;
                    }
                    FulfillmentUpdate again = sent.get(random.nextInt(sent.size()));
                    log.add("redeliver " + again.orderId() + " " + again.kind());
                    apply(orders, again, model.get(OrderId.of(again.orderId())), before);
                }
                case 5 -> {
                    if (known.isEmpty()) {
                        continue;
                    }
                    OrderId id = known.get(random.nextInt(known.size()));
                    log.add("cancel " + id);
                    cancel(orders, id, model.get(id), before);
                }
                default -> throw new IllegalStateException();
            }
            checkEveryOrder(orders, model, byId);
        }
        assertThat(desk.erp.submissions()).as("orders the back office took, each once")
                .extracting(r -> r.orderId()).doesNotHaveDuplicates();
        for (Map.Entry<OrderId, Expected> e : model.entrySet()) {
            if (e.getValue().reference != null) {
                assertThat(desk.erp.receiptFor("acme", e.getKey().value())).as("receipt of %s", e.getKey())
                        .map(r -> r.backOfficeReference()).contains(e.getValue().reference);
            }
        }
    }

    private void place(OrderDesk desk, Quote quote, int erpMode, Map<OrderId, Expected> model,
                       Map<OrderId, OrderRecord> before) {
        OrderId id = Orders.orderIdOf(quote.id());
        boolean accepted = quote.status().name().equals("ACCEPTED");
        boolean ordered = model.containsKey(id);
        if (erpMode == 0) {
            desk.erp.refuseNextSubmissions(1);
        } else if (erpMode == 1) {
            desk.erp.loseNextAnswers(1);
        }
        try {
            Order order = desk.orders.placeFromQuote(quote.id());
            assertThat(accepted && !ordered && erpMode > 1).as("placing succeeded").isTrue();
            Expected e = new Expected();
            e.path.add("SUBMITTED");
            e.reference = order.backOfficeReference().orElseThrow();
            model.put(id, e);
        } catch (IllegalTransitionException e) {
            assertThat(accepted).as("refused as unaccepted").isFalse();
            assertThat(e.aggregate()).isEqualTo("quote");
            assertUnchanged(desk.orders, before);
        } catch (OrderSubmissionException e) {
            assertThat(accepted && !ordered && erpMode <= 1).as("placed but not submitted").isTrue();
            Expected expected = new Expected();
            if (erpMode == 1) {
                // The back office took it and lost the answer: a retry will give the same reference.
                expected.reference = null;
            }
            model.put(id, expected);
        } catch (ValidationException e) {
            assertThat(accepted && ordered).as("refused as ordered already: " + e.getMessage()).isTrue();
            assertThat(e.field()).isEqualTo("quoteId");
            assertUnchanged(desk.orders, before);
        } finally {
            desk.erp.refuseNextSubmissions(0);
            desk.erp.loseNextAnswers(0);
        }
    }

    private void submit(OrderDesk desk, OrderId id, boolean refuse, Expected expected,
                        Map<OrderId, OrderRecord> before) {
        if (refuse) {
            desk.erp.refuseNextSubmissions(1);
        }
        try {
            Order order = desk.orders.submit(id);
            assertThat(expected.status()).as("submittable").isNotEqualTo("CANCELLED");
            if (expected.status().equals("CREATED")) {
                assertThat(refuse).as("submitted although the back office refused").isFalse();
                expected.path.add("SUBMITTED");
                expected.reference = order.backOfficeReference().orElseThrow();
            }
        } catch (IllegalTransitionException e) {
            assertThat(expected.status()).isEqualTo("CANCELLED");
            assertUnchanged(desk.orders, before);
        } catch (OrderSubmissionException e) {
            assertThat(refuse && expected.status().equals("CREATED")).as("submission failed").isTrue();
            assertUnchanged(desk.orders, before);
        } finally {
            desk.erp.refuseNextSubmissions(0);
        }
    }

    private void apply(Orders orders, FulfillmentUpdate update, Expected expected, Map<OrderId, OrderRecord> before) {
        String target = update.kind();
        String current = expected.status();
        try {
            UpdateResult result = orders.applyUpdate(update);
            if (target.equals(current)) {
                assertThat(result.outcome()).isEqualTo(UpdateOutcome.ALREADY_CURRENT);
                assertUnchanged(orders, before);
            } else if (expected.path.contains(target)) {
                assertThat(result.outcome()).isEqualTo(UpdateOutcome.ALREADY_PASSED);
                assertUnchanged(orders, before);
            } else {
                assertThat(ALLOWED).as("applied move").contains(current + ">" + target);
                assertThat(result.outcome()).isEqualTo(UpdateOutcome.APPLIED);
                expected.path.add(target);
            }
        } catch (IllegalTransitionException e) {
            assertThat(ALLOWED).as("refused move").doesNotContain(current + ">" + target);
            assertThat(expected.path).doesNotContain(target);
            assertUnchanged(orders, before);
        }
    }

    private void cancel(Orders orders, OrderId id, Expected expected, Map<OrderId, OrderRecord> before) {
        String current = expected.status();
        try {
            orders.cancel(id, "changed plans");
            assertThat(ALLOWED).as("cancelled").contains(current + ">CANCELLED");
            expected.path.add("CANCELLED");
        } catch (IllegalTransitionException e) {
            assertThat(ALLOWED).as("refused cancellation").doesNotContain(current + ">CANCELLED");
            assertUnchanged(orders, before);
        } catch (FulfillmentException e) {
            fail("the in-memory back office refused to cancel " + current + " order " + id, e);
        }
    }

    private void checkEveryOrder(Orders orders, Map<OrderId, Expected> model, Map<QuoteId, Quote> quotes) {
        for (Map.Entry<OrderId, Expected> entry : model.entrySet()) {
            Order order = orders.get(entry.getKey());
            Expected expected = entry.getValue();
            List<String> path = order.history().stream().map(c -> c.status().name()).toList();
            assertThat(path).as("history of %s", order.id()).isEqualTo(expected.path);
            assertThat(path.get(0)).isEqualTo("CREATED");
            for (int i = 1; i < path.size(); i++) {
                assertThat(ALLOWED).as("step %d of %s", i, path).contains(path.get(i - 1) + ">" + path.get(i));
            }
            assertThat(order.status().name()).isEqualTo(path.get(path.size() - 1));
            assertThat(order.version()).as("one version per step").isEqualTo(path.size());
            Money net = Money.zero("EUR");
            Money tax = Money.zero("EUR");
            Money gross = Money.zero("EUR");
            for (OrderLine line : order.lines()) {
                net = net.plus(line.net());
                tax = tax.plus(line.tax());
                gross = gross.plus(line.gross());
            }
            assertThat(order.totals()).isEqualTo(new OrderTotals(net, tax, gross));
            Quote quote = quotes.get(order.quoteId());
            assertThat(order.totals().gross()).isEqualTo(quote.grossTotal());
            boolean shipped = path.contains("SHIPPED");
            assertThat(order.tracking().isPresent()).as("tracking once shipped").isEqualTo(shipped);
            assertThat(order.tracking().flatMap(Tracking::delivered).isPresent())
                    .isEqualTo(path.contains("DELIVERED"));
            if (expected.reference != null) {
                assertThat(order.backOfficeReference()).contains(expected.reference);
            }
            if (path.contains("SUBMITTED")) {
                assertThat(order.backOfficeReference()).isPresent();
            }
        }
        long stored = 0;
        for (OrderStatus s : OrderStatus.values()) {
            stored += orders.count(s);
        }
        assertThat(stored).as("no order but the model's").isEqualTo(model.size());
        assertThat(orders.listByStatus(OrderStatus.CREATED, PageRequest.first(100)).items())
                .allSatisfy(o -> assertThat(o.backOfficeReference()).isEmpty());
    }

    private static Map<OrderId, OrderRecord> snapshot(Orders orders, Map<OrderId, Expected> model) {
        Map<OrderId, OrderRecord> records = new HashMap<>();
        for (OrderId id : model.keySet()) {
            records.put(id, orders.get(id).toRecord());
        }
        return records;
    }

    private static void assertUnchanged(Orders orders, Map<OrderId, OrderRecord> before) {
        for (Map.Entry<OrderId, OrderRecord> e : before.entrySet()) {
            assertThat(orders.get(e.getKey()).toRecord()).as("order %s after a refused action", e.getKey())
                    .isEqualTo(e.getValue());
        }
    }
}
