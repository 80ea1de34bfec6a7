package org.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.TestClock;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentCancellation;
import org.crmkit.spi.fulfillment.FulfillmentException;
import org.crmkit.spi.fulfillment.FulfillmentLine;
import org.crmkit.spi.fulfillment.FulfillmentReceipt;
import org.crmkit.spi.fulfillment.FulfillmentRequest;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.fulfillment.OrderFulfillment;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.tck.fulfillment.OrderFulfillmentContract;
import org.junit.jupiter.api.Test;

/** The in-memory back office passes the ERP adapter contract, and plays the warehouse for tests. */
class InMemoryOrderFulfillmentTest extends OrderFulfillmentContract {

    private final TestClock clock = TestClock.at("2026-05-04T08:00:00Z");
    private final InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);

    @Override
    protected OrderFulfillment fulfillment() {
        return erp;
    }

    private static FulfillmentRequest request() {
        return new FulfillmentRequest("acme", UUID.randomUUID(), UUID.randomUUID(),
                List.of(new FulfillmentLine("SKU-1", "Item", List.of(), BigDecimal.ONE, new MoneyRecord(new BigDecimal("9.99"), "EUR"))),
                new MoneyRecord(new BigDecimal("11.89"), "EUR"), null);
    }

    @Test
    void givesNumberedReferencesAndRecordsEachOrderOnce() {
        FulfillmentRequest first = request();
        FulfillmentRequest second = request();

        assertThat(erp.submit(first).backOfficeReference()).isEqualTo("ERP-000001");
        assertThat(erp.submit(second).backOfficeReference()).isEqualTo("ERP-000002");
        erp.submit(first);

        assertThat(erp.submissions()).containsExactly(first, second);
        assertThat(erp.receiptFor("acme", first.orderId())).map(FulfillmentReceipt::backOfficeReference)
                .contains("ERP-000001");
        assertThat(erp.receiptFor("other", first.orderId())).isEmpty();
    }

    @Test
    void pushesUpdatesToTheConnectedSinkWithTheOrdersReference() {
        List<FulfillmentUpdate> received = new ArrayList<>();
        erp.connect(received::add);
        FulfillmentRequest request = request();
        erp.submit(request);
        clock.advance(Duration.ofHours(1));

        FulfillmentUpdate confirmed = erp.confirm("acme", request.orderId());
        FulfillmentUpdate shipped = erp.ship("acme", request.orderId(), "DHL", "0034");
        FulfillmentUpdate delivered = erp.deliver("acme", request.orderId());

        assertThat(received).containsExactly(confirmed, shipped, delivered);
        assertThat(confirmed.backOfficeReference()).isEqualTo("ERP-000001");
        assertThat(confirmed.at()).isEqualTo(clock.instant());
        assertThat(shipped.trackingNumber()).isEqualTo("0034");
        assertThat(erp.updates()).containsExactly(confirmed, shipped, delivered);
    }

    @Test
    void redeliversAnUpdateAsAnAtLeastOnceBackOfficeWould() {
        List<FulfillmentUpdate> received = new ArrayList<>();
        FulfillmentRequest request = request();
        erp.submit(request);
        FulfillmentUpdate confirmed = erp.confirm("acme", request.orderId());
        erp.connect(received::add);

        erp.redeliver(confirmed);

        assertThat(received).containsExactly(confirmed);
    }

    @Test
    void refusesToPushUpdatesForAnOrderItNeverTook() {
        assertThatThrownBy(() -> erp.confirm("acme", UUID.randomUUID())).isInstanceOf(ValidationException.class)
                .hasMessageContaining("orderId: must name an order the back office took");
    }

    @Test
    void aRefusedSubmissionTakesNothing() {
        erp.refuseNextSubmissions(1);
        FulfillmentRequest request = request();

        assertThatThrownBy(() -> erp.submit(request)).isInstanceOf(FulfillmentException.class);
        assertThat(erp.submissions()).isEmpty();
        assertThat(erp.submit(request).backOfficeReference()).isEqualTo("ERP-000001");
    }

    @Test
    void aLostAnswerTakesTheOrderAndTheRetryGetsTheSameReceipt() {
        erp.loseNextAnswers(1);
        FulfillmentRequest request = request();

        assertThatThrownBy(() -> erp.submit(request)).isInstanceOf(FulfillmentException.class);
        assertThat(erp.submissions()).containsExactly(request);
        assertThat(erp.submit(request)).isEqualTo(erp.receiptFor("acme", request.orderId()).orElseThrow());
        assertThat(erp.submissions()).hasSize(1);
    }

    @Test
    void refusesToCancelAnOrderItHasShipped() {
        FulfillmentRequest request = request();
        erp.submit(request);
        erp.confirm("acme", request.orderId());
        erp.ship("acme", request.orderId(), null, null);

        assertThatThrownBy(() -> erp.cancel(new FulfillmentCancellation("acme", request.orderId(), null, "late")))
                .isInstanceOf(FulfillmentException.class).hasMessageContaining("already SHIPPED");
        assertThat(erp.cancellations()).isEmpty();
    }

    @Test
    void recordsACancellationOnce() {
        FulfillmentRequest request = request();
        erp.submit(request);
        FulfillmentCancellation cancellation = new FulfillmentCancellation("acme", request.orderId(), "ERP-000001",
                "changed mind");

        erp.cancel(cancellation);
        erp.cancel(cancellation);

        assertThat(erp.cancellations()).containsExactly(cancellation);
    }
}
