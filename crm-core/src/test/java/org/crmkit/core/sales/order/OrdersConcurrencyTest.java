package org.crmkit.core.sales.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmkit.core.sales.quote.Quote;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.storage.PageRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several threads at once: one order per quote, and updates that race each other. */
class OrdersConcurrencyTest {

    private static final int THREADS = 8;

    private final OrderDesk desk = new OrderDesk();

    private static <T> List<Object> race(Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return task.call();
                }));
            }
            go.countDown();
            List<Object> results = new ArrayList<>();
            for (Future<T> f : futures) {
                try {
                    results.add(f.get(30, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(e.getCause());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Timeout(60)
    void placingTheSameQuoteFromManyThreadsMakesOneOrder() throws Exception {
        Quote quote = desk.acceptedQuote();

        List<Object> results = race(() -> desk.orders.placeFromQuote(quote.id()));

        assertThat(results).filteredOn(Order.class::isInstance).hasSize(1);
        assertThat(results).filteredOn(r -> !(r instanceof Order)).allSatisfy(r -> assertThat(r)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quoteId")));
        assertThat(desk.orders.listByCustomer(quote.customerId(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(desk.erp.submissions()).hasSize(1);
    }

    @Test
    @Timeout(60)
    void theSameUpdateFromManyThreadsIsAppliedOnce() throws Exception {
        Order order = desk.orders.placeFromQuote(desk.acceptedQuote().id());
        desk.erp.connect(null);
        FulfillmentUpdate confirmed = desk.erp.confirm("acme", order.id().value());

        List<Object> results = race(() -> desk.orders.applyUpdate(confirmed).outcome());

        assertThat(results).containsOnly(UpdateOutcome.APPLIED, UpdateOutcome.ALREADY_CURRENT)
                .containsOnlyOnce(UpdateOutcome.APPLIED);
        Order stored = desk.orders.get(order.id());
        assertThat(stored.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(stored.version()).isEqualTo(3);
    }
}
