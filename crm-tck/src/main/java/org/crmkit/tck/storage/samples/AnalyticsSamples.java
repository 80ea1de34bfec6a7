package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.analytics.TransactionRecord;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * Fixtures of customer analytics' records (purchase transactions) for the record-store contract:
 * one with every nullable component set, one refund with scale-sensitive amounts, and one minimal
 * record. Instants carry microseconds. Every call makes fresh ids and source keys.
 *
 * @since 0.1
 */
public final class AnalyticsSamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");

    private AnalyticsSamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return three transaction samples, all at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        UUID customer = UUID.randomUUID();
        return List.of(
                Sample.of(TransactionRecord.KIND, new TransactionRecord(id(), tenant, 1, customer,
                        LocalDate.of(2026, 2, 28), new MoneyRecord(new BigDecimal("129.90"), "EUR"),
                        new MoneyRecord(new BigDecimal("41.30"), "EUR"), "chair-oak", "furniture", "WEB",
                        "pos:" + UUID.randomUUID(), T1)),
                Sample.of(TransactionRecord.KIND, new TransactionRecord(id(), tenant, 1, customer,
                        LocalDate.of(2026, 3, 1), new MoneyRecord(new BigDecimal("-5.00"), "EUR"),
                        new MoneyRecord(new BigDecimal("-1.5"), "EUR"), null, null, "STORE",
                        "refund:" + UUID.randomUUID(), T1)),
                Sample.of(TransactionRecord.KIND, new TransactionRecord(id(), tenant, 1, UUID.randomUUID(),
                        LocalDate.of(1997, 1, 1), new MoneyRecord(new BigDecimal("1200"), "JPY"), null, null, null,
                        null, "order:" + UUID.randomUUID(), T1)));
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
