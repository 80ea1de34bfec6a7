package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.kpi.KpiDefinitionRecord;

/**
 * Fixtures of stored KPI definitions (domain §11) for the record-store contract: one with every
 * nullable component set and a non-empty team, and one minimal (company-wide, recurring). Instants
 * carry microseconds; the target keeps its scale. Every call makes fresh ids.
 *
 * @since 0.1
 */
public final class KpiSamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");
    private static final Instant T2 = Instant.parse("2026-03-02T16:45:01.654321Z");

    private KpiSamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two KPI definition samples at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(
                Sample.of(KpiDefinitionRecord.KIND, new KpiDefinitionRecord(UUID.randomUUID(), tenant, 1,
                        "Q2 revenue of the sales team", "Net revenue of delivered orders", "DELIVERED_REVENUE",
                        new BigDecimal("50000.00"), "HIGHER_IS_BETTER", "EUR", "Grow revenue 10 % this year", "FIXED",
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30), "TEAM", "Sales Berlin",
                        List.of("kim", "sam"), "RETIRED", "boss", T1, T2)),
                Sample.of(KpiDefinitionRecord.KIND, new KpiDefinitionRecord(UUID.randomUUID(), tenant, 1,
                        "Monthly CSAT", "Share of satisfied answers", "CSAT", new BigDecimal("80"),
                        "HIGHER_IS_BETTER", null, null, "MONTHLY", null, null, "COMPANY", null, List.of(), "ACTIVE",
                        "boss", T1, T1)));
    }
}
