package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OrderLineRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.OrderStatusChangeRecord;
import org.crmkit.spi.sales.OrderTrackingRecord;

/**
 * Sample {@link OrderRecord}s for the record-store contract: a fully populated delivered order
 * (every nullable component set, every list non-empty) and a minimal new one (nullables null).
 * Every call makes fresh random ids; every record is at version 1.
 *
 * @since 0.1
 */
public final class OrderSamples {

    private OrderSamples() {
    }

    /**
     * @param tenant the tenant of every sample; a valid tenant id
     * @return one full and one minimal order record; never null
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(Sample.of(OrderRecord.KIND, full(tenant)), Sample.of(OrderRecord.KIND, minimal(tenant)));
    }

    /** @return a delivered order with two lines (one with a decimal quantity), tracking, a campaign and an address */
    public static OrderRecord full(String tenant) {
        Instant created = Instant.parse("2026-03-02T09:15:30.123456Z");
        return new OrderRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(),
                List.of(new OrderLineRecord("prod-desk-01", "DESK-160", "Standing desk 160 × 80 cm",
                                List.of("HEIGHT-80", "OAK"), new BigDecimal("2"), eur("499.00"), eur("898.20"),
                                eur("170.66"), eur("1068.86")),
                        new OrderLineRecord("prod-cable-03", "CABLE-03", "Power cable, per metre", List.of("BLACK"),
                                new BigDecimal("12.75"), eur("1.20"), eur("15.30"), eur("2.91"), eur("18.21"))),
                eur("913.50"), eur("173.57"), eur("1087.07"), "DELIVERED",
                List.of(new OrderStatusChangeRecord("CREATED", created, null),
                        new OrderStatusChangeRecord("SUBMITTED", created.plusSeconds(2), "taken by the ERP"),
                        new OrderStatusChangeRecord("CONFIRMED", created.plusSeconds(3600), "stock reserved"),
                        new OrderStatusChangeRecord("SHIPPED", created.plusSeconds(86_400), "left warehouse 3"),
                        new OrderStatusChangeRecord("DELIVERED", created.plusSeconds(172_800), "signed by M. Li")),
                "ERP-2026-000417",
                new OrderTrackingRecord("DHL", "00340434161234567890", created.plusSeconds(86_400),
                        created.plusSeconds(172_800)),
                "Mei Li\nExample GmbH\n1 Example Street\n10115 Berlin\nDE", created);
    }

    /** @return a new order with one line, no campaign, no reference, no tracking, no address */
    public static OrderRecord minimal(String tenant) {
        Instant created = Instant.parse("2026-03-03T10:00:00.000001Z");
        return new OrderRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                null,
                List.of(new OrderLineRecord("prod-pen-01", "PEN-01", "Pen", List.of(), BigDecimal.ONE, eur("1.00"), eur("1.00"),
                        eur("0.00"), eur("1.00"))),
                eur("1.00"), eur("0.00"), eur("1.00"), "CREATED",
                List.of(new OrderStatusChangeRecord("CREATED", created, null)), null, null, null, created);
    }

    private static MoneyRecord eur(String amount) {
        return new MoneyRecord(new BigDecimal(amount), "EUR");
    }
}
