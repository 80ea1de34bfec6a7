package org.crmkit.core.analytics.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.TestClock;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OrderLineRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.OrderStatusChangeRecord;
import org.crmkit.spi.sales.OrderTrackingRecord;
import org.junit.jupiter.api.Test;

/** Delivered orders as stored by the sales flow, read as transactions. */
class DeliveredOrderTransactionsTest {

    private static final Instant PLACED = Instant.parse("2026-02-01T10:00:00Z");
    private final TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    private final Crm crm = Crm.inMemory(clock);
    private final CustomerId ann = register("Ann");
    private final CustomerId bob = register("Bob");

    private CustomerId register(String name) {
        return crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, name, "sam").build()).id();
    }

    private static MoneyRecord money(String amount, String currency) {
        return new MoneyRecord(new BigDecimal(amount), currency);
    }

    private static OrderLineRecord line(String product, String net, String tax, String currency) {
        BigDecimal gross = new BigDecimal(net).add(new BigDecimal(tax));
        return new OrderLineRecord(product, "SKU-" + product, product, List.of(), BigDecimal.ONE,
                money(net, currency), money(net, currency), money(tax, currency), new MoneyRecord(gross, currency));
    }

    /** Stores an order as the sales flow would have it; delivered when {@code deliveredAt} is set. */
    private UUID order(CustomerId customer, String status, Instant deliveredAt, String currency,
                       OrderLineRecord... lines) {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (OrderLineRecord l : lines) {
            net = net.add(l.net().amount());
            tax = tax.add(l.tax().amount());
        }
        UUID id = UUID.randomUUID();
        OrderTrackingRecord tracking = status.equals("SUBMITTED") ? null
                : new OrderTrackingRecord("DHL", "JJD1", PLACED.plusSeconds(3600), deliveredAt);
        OrderRecord r = new OrderRecord(id, "acme", 1, UUID.randomUUID(), customer.value(), UUID.randomUUID(), null,
                List.of(lines), new MoneyRecord(net, currency), new MoneyRecord(tax, currency),
                new MoneyRecord(net.add(tax), currency), status, List.of(new OrderStatusChangeRecord(status, PLACED, null)),
                "BO-" + id, tracking, null, PLACED);
        crm.storage().useTransaction("acme", s -> s.records(OrderRecord.KIND).insert(r));
        return id;
    }

    @Test
    void eachDeliveredOrderIsOnePurchaseOfItsNetTotalOnItsDeliveryDay() {
        order(ann, "DELIVERED", Instant.parse("2026-02-03T12:00:00Z"), "EUR",
                line("chair", "200.00", "38.00", "EUR"), line("lamp", "40.00", "7.60", "EUR"));
        order(ann, "DELIVERED", Instant.parse("2026-02-20T08:00:00Z"), "EUR", line("chair", "100.00", "19.00", "EUR"));
        order(bob, "SHIPPED", null, "EUR", line("chair", "100.00", "19.00", "EUR"));
        order(bob, "SUBMITTED", null, "EUR", line("chair", "100.00", "19.00", "EUR"));
        order(bob, "DELIVERED", Instant.parse("2026-02-04T12:00:00Z"), "USD", line("lamp", "40.00", "0.00", "USD"));

        OrderTransactions read = crm.deliveredOrderTransactions("acme").read(Currency.getInstance("EUR"));

        assertThat(read.orders()).isEqualTo(2);
        assertThat(read.otherCurrency()).isEqualTo(1);
        assertThat(read.transactions().customerIds()).containsExactly(ann.toString());
        assertThat(read.transactions().amount(0)).isEqualByComparingTo("240.00");   // net, not 285.60 gross
        assertThat(read.transactions().date(0)).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(read.transactions().product(0)).isEmpty();                         // two products
        assertThat(read.transactions().product(1)).contains("chair");                 // one product
    }

    @Test
    void theDeliveryDayIsTakenInTheReadersTimeZone() {
        order(ann, "DELIVERED", Instant.parse("2026-02-03T23:30:00Z"), "EUR", line("chair", "1.00", "0.00", "EUR"));

        LocalDate utc = new DeliveredOrderTransactions(TenantId.of("acme"), crm.storage(), ZoneOffset.UTC)
                .read(Currency.getInstance("EUR")).transactions().date(0);
        LocalDate berlin = new DeliveredOrderTransactions(TenantId.of("acme"), crm.storage(),
                ZoneId.of("Europe/Berlin")).read(Currency.getInstance("EUR")).transactions().date(0);

        assertThat(utc).isEqualTo(LocalDate.of(2026, 2, 3));
        assertThat(berlin).isEqualTo(LocalDate.of(2026, 2, 4));
    }

    @Test
    void deliveredOrdersRecordedInTheLedgerTwiceAreRecordedOnceByTheirOrderKey() {
        UUID first = order(ann, "DELIVERED", Instant.parse("2026-02-03T12:00:00Z"), "EUR",
                line("chair", "200.00", "38.00", "EUR"));
        order(bob, "DELIVERED", Instant.parse("2026-02-04T12:00:00Z"), "USD", line("lamp", "40.00", "0.00", "USD"));
        PurchaseLedger ledger = crm.purchaseLedger("acme");
        DeliveredOrderTransactions orders = crm.deliveredOrderTransactions("acme");

        assertThat(ledger.recordAll(orders.entries())).isEqualTo(new LedgerPosting(2, 0));
        assertThat(ledger.recordAll(orders.entries())).isEqualTo(new LedgerPosting(0, 2));

        assertThat(ledger.find("order:" + first)).contains(new PurchaseEntry(ann, LocalDate.of(2026, 2, 3),
                Money.of("200.00", "EUR"), null, "chair", null, null, "order:" + first));
        assertThat(ledger.read(Currency.getInstance("USD")).customerIds()).containsExactly(bob.toString());
    }

    @Test
    void anotherTenantsOrdersAreNotRead() {
        order(ann, "DELIVERED", Instant.parse("2026-02-03T12:00:00Z"), "EUR", line("chair", "1.00", "0.00", "EUR"));

        assertThat(crm.deliveredOrderTransactions("other").entries()).isEmpty();
    }
}
