package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.sales.CampaignConditionRecord;
import org.crmkit.spi.sales.CampaignFeedbackRecord;
import org.crmkit.spi.sales.CampaignRecord;
import org.crmkit.spi.sales.CampaignRevenueRecord;
import org.crmkit.spi.sales.CampaignStatusChangeRecord;
import org.crmkit.spi.sales.MoneyRecord;

/**
 * Campaign records for the record-store contract: one with every component set and every list
 * filled (a rule target), one minimal (a fixed-list target, nothing else optional).
 *
 * @since 0.1
 */
public final class CampaignSamples {

    private static final Instant AT = Instant.parse("2026-03-01T09:15:30.123456Z");

    private CampaignSamples() {
    }

    /**
     * @param tenant the tenant the records belong to; a valid tenant id
     * @return fresh samples at version 1, with random ids
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(Sample.of(CampaignRecord.KIND, full(tenant)), Sample.of(CampaignRecord.KIND, minimal(tenant)));
    }

    /**
     * A completed campaign with every component set and every list non-empty (including both the
     * rule's conditions and a customer list, which a store must keep as given even though the
     * domain uses only one of them per target kind).
     *
     * @param tenant the tenant
     * @return the record
     */
    public static CampaignRecord full(String tenant) {
        return new CampaignRecord(UUID.randomUUID(), tenant, 1, "Spring upgrade offer", List.of("EMAIL", "SMS"), "RULE",
                List.of(new CampaignConditionRecord(0, "ATTRIBUTE", "AT_LEAST", "INTERNAL", "income", "NUMBER",
                                List.of("50000.25")),
                        new CampaignConditionRecord(0, "TYPE", "IN", null, null, null, List.of("B2C", "B2B")),
                        new CampaignConditionRecord(1, "RELATIONSHIP_LEVEL", "AT_LEAST", null, null, null,
                                List.of("PROACTIVE"))),
                List.of(UUID.randomUUID()),
                new MoneyRecord(new BigDecimal("12000.00"), "EUR"), new MoneyRecord(new BigDecimal("8450.50"), "EUR"),
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), "COMPLETED", "s-marketing-1",
                List.of(new CampaignRevenueRecord(UUID.randomUUID(), new MoneyRecord(new BigDecimal("2399.99"), "EUR"),
                        AT.plusSeconds(3600))),
                List.of(new CampaignFeedbackRecord(UUID.randomUUID(), AT.plusSeconds(7200))),
                List.of(new CampaignStatusChangeRecord(null, "PLANNED", AT, "s-marketing-1", null),
                        new CampaignStatusChangeRecord("PLANNED", "ACTIVE", AT.plusSeconds(60), "s-marketing-1",
                                "approved by the board"),
                        new CampaignStatusChangeRecord("ACTIVE", "COMPLETED", AT.plusSeconds(86_400), "s-marketing-2",
                                "ran to its end")),
                AT, AT.plusSeconds(86_400));
    }

    /**
     * A planned campaign with every list empty and nothing optional.
     *
     * @param tenant the tenant
     * @return the record
     */
    public static CampaignRecord minimal(String tenant) {
        return new CampaignRecord(UUID.randomUUID(), tenant, 1, "Minimal", List.of(), "FIXED_LIST", List.of(),
                List.of(), new MoneyRecord(new BigDecimal("0.00"), "EUR"),
                new MoneyRecord(new BigDecimal("0.00"), "EUR"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 1),
                "PLANNED", "s-1", List.of(), List.of(), List.of(), AT, AT);
    }
}
