package org.crmkit.tck.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.crmkit.spi.fulfillment.FulfillmentCancellation;
import org.crmkit.spi.fulfillment.FulfillmentException;
import org.crmkit.spi.fulfillment.FulfillmentLine;
import org.crmkit.spi.fulfillment.FulfillmentReceipt;
import org.crmkit.spi.fulfillment.FulfillmentRequest;
import org.crmkit.spi.fulfillment.OrderFulfillment;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link OrderFulfillment} implementation (an ERP adapter) must pass: it takes
 * an order and answers with a receipt carrying its own reference; it is idempotent by tenant and
 * order id (a second submission, also from several threads at once, answers with the same
 * reference and makes no second order); different orders get different references; and a
 * cancellation, if the back office takes cancellations at all, is idempotent.
 *
 * <p>A vendor uses it by extending it in the adapter's test sources:
 * <pre>{@code
 * class AcmeErpFulfillmentTest extends OrderFulfillmentContract {
 *     @Override
 *     protected OrderFulfillment fulfillment() {
 *         return AcmeErpFulfillment.create(sandboxEndpoint());
 *     }
 *
 *     @Override
 *     protected FulfillmentLine lineFor(int index) {
 *         return new FulfillmentLine("SANDBOX-" + index, "Sandbox item", 1,
 *                 new MoneyRecord(new BigDecimal("9.99"), "EUR"));
 *     }
 * }
 * }</pre>
 * The back office should be a sandbox or a test double: the contract really submits orders. Every
 * order it submits has a fresh random id, so the contract may run against the same back office any
 * number of times.
 *
 * @since 0.1
 */
public abstract class OrderFulfillmentContract {

    private static final long WAIT_SECONDS = 20;

    /**
     * The back office under test. May return the same instance for every call and every test.
     *
     * @return the implementation; never null
     */
    protected abstract OrderFulfillment fulfillment();

    /**
     * The tenant the contract's orders belong to. Override when the back office knows only some.
     *
     * @return a valid tenant id; never null
     */
    protected String tenant() {
        return "tck";
    }

    /**
     * A line the back office can fulfil. Override when it knows only some SKUs.
     *
     * @param index 0 or 1: the contract's orders have two lines (the default second one has a
     *              decimal quantity)
     * @return the line; never null
     */
    protected FulfillmentLine lineFor(int index) {
        return index == 0
                ? new FulfillmentLine("TCK-DESK-01", "Standing desk 160 × 80 cm", List.of("HEIGHT-80"),
                        new BigDecimal("2"), new MoneyRecord(new BigDecimal("499.00"), "EUR"))
                : new FulfillmentLine("TCK-CABLE-03", "Power cable, per metre", List.of(),
                        new BigDecimal("12.75"), new MoneyRecord(new BigDecimal("1.20"), "EUR"));
    }

    /**
     * A new order with a fresh id and customer, two lines, and a delivery address. Override to
     * adjust what a back office needs.
     *
     * @return the request; never null
     */
    protected FulfillmentRequest newRequest() {
        List<FulfillmentLine> lines = List.of(lineFor(0), lineFor(1));
        BigDecimal net = BigDecimal.ZERO;
        for (FulfillmentLine line : lines) {
            net = net.add(line.unitPrice().amount().multiply(line.quantity()));
        }
        BigDecimal gross = net.multiply(new BigDecimal("1.19")).setScale(2, java.math.RoundingMode.HALF_UP);
        return new FulfillmentRequest(tenant(), UUID.randomUUID(), UUID.randomUUID(), lines,
                new MoneyRecord(gross, lines.get(0).unitPrice().currency()),
                "Tck Recipient\n1 Example Street\n10115 Berlin\nDE");
    }

    @Test
    void submittingAnOrderAnswersWithTheBackOfficesReference() {
        FulfillmentReceipt receipt = fulfillment().submit(newRequest());

        assertThat(receipt).isNotNull();
        assertThat(receipt.backOfficeReference()).isNotBlank();
        assertThat(receipt.receivedAt()).isNotNull();
    }

    @Test
    void anOrderWithoutDeliveryAddressIsTaken() {
        FulfillmentRequest full = newRequest();
        FulfillmentRequest request = new FulfillmentRequest(full.tenant(), full.orderId(), full.customerId(),
                full.lines(), full.total(), null);

        assertThat(fulfillment().submit(request).backOfficeReference()).isNotBlank();
    }

    @Test
    void submittingTheSameOrderTwiceAnswersWithTheSameReceipt() {
        FulfillmentRequest request = newRequest();

        FulfillmentReceipt first = fulfillment().submit(request);
        FulfillmentReceipt second = fulfillment().submit(request);

        assertThat(second).as("receipt of the repeated submission").isEqualTo(first);
    }

    @Test
    void differentOrdersGetDifferentReferences() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            references.add(fulfillment().submit(newRequest()).backOfficeReference());
        }

        assertThat(references).hasSize(3);
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void submittingTheSameOrderFromSeveralThreadsAtOnceMakesOneOrder() throws Exception {
        FulfillmentRequest request = newRequest();
        OrderFulfillment fulfillment = fulfillment();
        int submitters = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(submitters);
        List<FulfillmentReceipt> receipts = new ArrayList<>();
        try {
            List<Future<FulfillmentReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < submitters; i++) {
                futures.add(executor.submit(() -> {
                    if (!go.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("timed out waiting for the start signal");
                    }
                    return fulfillment.submit(request);
                }));
            }
            go.countDown();
            for (Future<FulfillmentReceipt> future : futures) {
                receipts.add(future.get(WAIT_SECONDS * 3, TimeUnit.SECONDS));
            }
        } finally {
            go.countDown();
            executor.shutdownNow();
            assertThat(executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).as("submitters stopped").isTrue();
        }

        assertThat(receipts).hasSize(submitters).allSatisfy(r -> assertThat(r).isEqualTo(receipts.get(0)));
        assertThat(fulfillment.submit(request)).isEqualTo(receipts.get(0));
    }

    @Test
    void cancellingASubmittedOrderTwiceIsIdempotentWhereCancellationIsSupported() {
        FulfillmentRequest request = newRequest();
        FulfillmentReceipt receipt = fulfillment().submit(request);
        FulfillmentCancellation cancellation = new FulfillmentCancellation(request.tenant(), request.orderId(),
                receipt.backOfficeReference(), "customer changed their mind (tck)");
        boolean supported;
        try {
            fulfillment().cancel(cancellation);
            supported = true;
        } catch (FulfillmentException e) {
            supported = false;
        }
        assumeTrue(supported, "the back office takes no cancellations from the CRM");

        assertThatCode(() -> fulfillment().cancel(cancellation)).as("second cancellation").doesNotThrowAnyException();
        assertThat(fulfillment().submit(request).backOfficeReference()).as("reference after cancelling")
                .isEqualTo(receipt.backOfficeReference());
    }

    @Test
    void cancellingAnOrderTheBackOfficeNeverReceivedReturnsNormallyWhereCancellationIsSupported() {
        FulfillmentRequest known = newRequest();
        FulfillmentReceipt receipt = fulfillment().submit(known);
        boolean supported;
        try {
            fulfillment().cancel(new FulfillmentCancellation(known.tenant(), known.orderId(),
                    receipt.backOfficeReference(), "probe (tck)"));
            supported = true;
        } catch (FulfillmentException e) {
            supported = false;
        }
        assumeTrue(supported, "the back office takes no cancellations from the CRM");

        assertThatCode(() -> fulfillment().cancel(new FulfillmentCancellation(tenant(), UUID.randomUUID(), null,
                "never submitted (tck)"))).doesNotThrowAnyException();
    }
}
