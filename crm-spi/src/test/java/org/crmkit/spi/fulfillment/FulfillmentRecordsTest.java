package org.crmkit.spi.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;
import org.junit.jupiter.api.Test;

class FulfillmentRecordsTest {

    private static final Instant AT = Instant.parse("2026-05-04T08:00:00.123456789Z");
    private static final MoneyRecord EUR_10 = new MoneyRecord(new BigDecimal("10.00"), "EUR");

    private static FulfillmentUpdate update(String kind, String carrier, String number) {
        return new FulfillmentUpdate("acme", UUID.randomUUID(), "ERP-1", kind, AT, carrier, number, null);
    }

    @Test
    void anUpdateOfAnUnknownKindIsRefusedNamingTheKinds() {
        assertThatThrownBy(() -> update("LOST", null, null)).isInstanceOf(ValidationException.class)
                .hasMessage("kind: must be one of CONFIRMED, SHIPPED, DELIVERED, CANCELLED (was 'LOST')");
    }

    @Test
    void trackingNeedsBothCarrierAndNumberAndOnlyOnAShipment() {
        assertThatThrownBy(() -> update(FulfillmentUpdate.SHIPPED, "DHL", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("trackingNumber: must be given together");
        assertThatThrownBy(() -> update(FulfillmentUpdate.DELIVERED, "DHL", "1"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("trackingCarrier: must be absent unless the kind is SHIPPED");
        assertThat(update(FulfillmentUpdate.SHIPPED, "DHL", "1").trackingNumber()).isEqualTo("1");
    }

    @Test
    void timesAreKeptToTheMicrosecond() {
        assertThat(update(FulfillmentUpdate.CONFIRMED, null, null).at())
                .isEqualTo(Instant.parse("2026-05-04T08:00:00.123456Z"));
        assertThat(new FulfillmentReceipt("ERP-1", AT).receivedAt())
                .isEqualTo(Instant.parse("2026-05-04T08:00:00.123456Z"));
    }

    @Test
    void aRequestNeedsLinesAndALineNeedsAPositiveQuantity() {
        assertThatThrownBy(() -> new FulfillmentRequest("acme", UUID.randomUUID(), UUID.randomUUID(), List.of(),
                EUR_10, null)).isInstanceOf(ValidationException.class).hasMessage("lines: must not be empty");
        assertThatThrownBy(() -> new FulfillmentLine("SKU", "Item", List.of(), BigDecimal.ZERO, EUR_10))
                .isInstanceOf(ValidationException.class).hasMessageContaining("line.quantity: must be positive");
        assertThatThrownBy(() -> new FulfillmentRequest("acme", UUID.randomUUID(), UUID.randomUUID(),
                List.of(new FulfillmentLine("SKU", "Item", List.of(), BigDecimal.ONE, EUR_10)), EUR_10, " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("deliveryAddress");
    }

    @Test
    void aReceiptNeedsAReferenceThatCanBeIndexed() {
        assertThatThrownBy(() -> new FulfillmentReceipt(" ", AT)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("backOfficeReference: must not be blank");
        assertThatThrownBy(() -> new FulfillmentReceipt("R".repeat(401), AT)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("must be at most 400 characters");
    }

    @Test
    void theDefaultCancellationHookRefusesWithAFulfillmentException() {
        OrderFulfillment submitOnly = request -> new FulfillmentReceipt("ERP-1", AT);

        assertThatThrownBy(() -> submitOnly.cancel(new FulfillmentCancellation("acme", UUID.randomUUID(), null, "x")))
                .isInstanceOf(FulfillmentException.class).hasMessageContaining("takes no cancellations");
    }
}
