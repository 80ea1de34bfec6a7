package org.crmkit.tck.storage.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.sales.LeadRecord;
import org.crmkit.spi.sales.LeadScoreReasonRecord;
import org.crmkit.spi.sales.LeadStatusChangeRecord;

/**
 * Lead records for the record-store contract: one with every component set and every list
 * filled, one minimal (a phone number only, nothing optional).
 *
 * @since 0.1
 */
public final class LeadSamples {

    private static final Instant AT = Instant.parse("2026-03-02T10:20:30.654321Z");

    private LeadSamples() {
    }

    /**
     * @param tenant the tenant the records belong to; a valid tenant id
     * @return fresh samples at version 1, with random ids
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(Sample.of(LeadRecord.KIND, full(tenant)), Sample.of(LeadRecord.KIND, minimal(tenant)));
    }

    /**
     * A converted lead with every component set (including a disqualification reason, which a
     * store must keep as given even though the domain would not combine it with conversion).
     *
     * @param tenant the tenant
     * @return the record
     */
    public static LeadRecord full(String tenant) {
        return new LeadRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), "Wang Fang", "wang.fang@example.cn",
                "+8613812345678", "  Example Trading Co. ", "Office chairs for 40 desks", "CONVERTED",
                "was not ready last spring", 85,
                List.of(new LeadScoreReasonRecord("email", 20, "e-mail address given"),
                        new LeadScoreReasonRecord("phone", 15, "phone number given"),
                        new LeadScoreReasonRecord("organisation", 15, "speaks for an organisation"),
                        new LeadScoreReasonRecord("interest", 20, "stated an interest"),
                        new LeadScoreReasonRecord("campaign", 10, "came from a campaign"),
                        new LeadScoreReasonRecord("recent-contact", 20, "contacted in the last 14 days"),
                        new LeadScoreReasonRecord("cap", -15, "a penalty, to exercise a negative value")),
                AT.plusSeconds(600), UUID.randomUUID(), UUID.randomUUID(), "s-sales-7",
                List.of(new LeadStatusChangeRecord(null, "NEW", AT, "s-sales-7", null),
                        new LeadStatusChangeRecord("NEW", "CONTACTED", AT.plusSeconds(600), "s-sales-7",
                                "called back"),
                        new LeadStatusChangeRecord("CONTACTED", "QUALIFIED", AT.plusSeconds(1200), "s-sales-7", null),
                        new LeadStatusChangeRecord("QUALIFIED", "CONVERTED", AT.plusSeconds(1800), "s-sales-8", null)),
                AT, AT.plusSeconds(1800));
    }

    /** @return a new lead with a phone number only and nothing optional */
    public static LeadRecord minimal(String tenant) {
        return new LeadRecord(UUID.randomUUID(), tenant, 1, null, "Li", null, "+4915112345678", null, null, "NEW", null,
                0, List.of(), null, null, null, "s-1", List.of(), AT, AT);
    }
}
