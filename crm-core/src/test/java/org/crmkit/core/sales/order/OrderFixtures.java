package org.crmkit.core.sales.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.QuoteId;

/** Orders and lines for tests, built without a quote. */
final class OrderFixtures {

    static final TenantId TENANT = TenantId.of("acme");

    private OrderFixtures() {
    }

    /** A line whose gross is net plus tax; net is unit price times quantity. */
    static OrderLine line(String sku, int quantity, String unitPrice, String tax) {
        Money unit = Money.of(unitPrice, "EUR");
        Money net = unit.times(quantity);
        Money taxAmount = Money.of(tax, "EUR");
        return new OrderLine("prod-" + sku, sku, "Product " + sku, List.of(), BigDecimal.valueOf(quantity), unit, net,
                taxAmount,
                net.plus(taxAmount));
    }

    /** A random valid line. */
    static OrderLine randomLine(SplittableRandom random) {
        BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(2000), random.nextInt(3));
        long cents = 1 + random.nextInt(100_000);
        Money unit = Money.of(BigDecimal.valueOf(cents, 2), "EUR");
        Money net = unit.times(quantity);
        Money tax = net.times(new BigDecimal("0.19"));
        List<String> options = random.nextBoolean() ? List.of() : List.of("OPT-" + random.nextInt(9));
        return new OrderLine("prod-" + random.nextInt(1000), "SKU-" + random.nextInt(1000), "Item", options, quantity,
                unit, net, tax, net.plus(tax));
    }

    static Order newOrder(Clock clock) {
        return newOrder(clock, List.of(line("DESK", 2, "499.00", "189.62"), line("LAMP", 1, "39.90", "7.58")));
    }

    static Order newOrder(Clock clock, List<OrderLine> lines) {
        return Order.place(OrderId.of(UUID.randomUUID()), TENANT, QuoteId.of(UUID.randomUUID()),
                CustomerId.of(UUID.randomUUID()), OpportunityId.of(UUID.randomUUID()),
                CampaignId.of(UUID.randomUUID()), lines, "1 Example Street\n10115 Berlin", clock);
    }
}
