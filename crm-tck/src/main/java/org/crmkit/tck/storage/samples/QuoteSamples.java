package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.QuoteComponentRecord;
import org.crmkit.spi.sales.QuoteLineRecord;
import org.crmkit.spi.sales.QuoteOptionRecord;
import org.crmkit.spi.sales.QuoteRecord;

/**
 * Stored quotes for the record-store contract: one with every nullable component set and every
 * list filled, one minimal. Every call makes fresh ids.
 *
 * @since 0.1
 */
public final class QuoteSamples {

    private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456Z");

    private QuoteSamples() {
    }

    /**
     * @param tenant the tenant the samples belong to; a valid tenant id
     * @return a fully populated and a minimal quote, both at version 1
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(Sample.of(QuoteRecord.KIND, full(tenant)), Sample.of(QuoteRecord.KIND, minimal(tenant)));
    }

    /** @return a superseded revision with a line, options, components, approval and a decision */
    public static QuoteRecord full(String tenant) {
        // 2 × (100.00 + 12.50) = 225.00; −15% = 191.25 net; 19% tax = 36.3375 → 36.34; gross 227.59
        QuoteLineRecord line = new QuoteLineRecord(1, "p-100", "SKU-100", "Server rack",
                List.of(new QuoteOptionRecord("rails", "Sliding rails", eur("12.50"))),
                List.of(new QuoteComponentRecord("p-101", new BigDecimal("4.00"))),
                new BigDecimal("2.00"), eur("100.00"), "pl-gold", eur("112.50"), new BigDecimal("15.00"),
                new BigDecimal("19.00"), eur("191.25"), eur("36.34"), eur("227.59"));
        return new QuoteRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "EUR", "SUPERSEDED", 2, UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 4, 30), "alice",
                "A", "enterprise", new BigDecimal("19.00"), new BigDecimal("10.00"), "bob", AT.plusSeconds(60), AT,
                AT.plusSeconds(120), AT.plusSeconds(180), AT.plusSeconds(240), "too expensive", 2, List.of(line),
                eur("191.25"), eur("36.34"), eur("227.59"));
    }

    /** @return an empty original draft: nullables null, lists empty */
    public static QuoteRecord minimal(String tenant) {
        return new QuoteRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), UUID.randomUUID(), null, "EUR",
                "DRAFT", 1, null, null, LocalDate.of(2026, 4, 30), "alice", null, null, new BigDecimal("19.00"),
                new BigDecimal("10.00"), null, null, AT, null, null, null, null, 1, List.of(), eur("0.00"),
                eur("0.00"), eur("0.00"));
    }

    private static MoneyRecord eur(String amount) {
        return new MoneyRecord(new BigDecimal(amount), "EUR");
    }
}
