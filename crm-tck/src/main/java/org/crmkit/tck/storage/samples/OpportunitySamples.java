package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OpportunityActivityRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OpportunityRoutingRecord;
import org.crmkit.spi.sales.OpportunityStageChangeRecord;
import org.crmkit.spi.sales.PipelineRecord;
import org.crmkit.spi.sales.PipelineStageRecord;

/**
 * Sample pipeline and opportunity records for the record-store contract: for each kind one fully
 * populated record (every nullable component set, every list non-empty, decimals with scale 2,
 * instants with microseconds) and one minimal record (nullables null, lists empty where allowed),
 * all at version 1 with fresh random ids.
 *
 * @since 0.1
 */
public final class OpportunitySamples {

    private OpportunitySamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return new samples: a full and a minimal pipeline, a full (won) and a minimal (open) opportunity
     */
    public static List<Sample<?>> all(String tenant) {
        Instant opened = Instant.parse("2026-03-02T09:15:30.123456Z");
        Instant moved = Instant.parse("2026-03-09T14:00:00.654321Z");
        Instant closed = Instant.parse("2026-04-01T16:45:10.000001Z");

        PipelineRecord fullPipeline = new PipelineRecord(UUID.randomUUID(), tenant, 1, "Enterprise deals",
                List.of(new PipelineStageRecord("QUALIFY", "Qualification", new BigDecimal("0.10")),
                        new PipelineStageRecord("PROPOSAL", "Proposal", new BigDecimal("0.40")),
                        new PipelineStageRecord("NEGOTIATE", "Negotiation", new BigDecimal("0.75"))),
                opened);
        PipelineRecord minimalPipeline = new PipelineRecord(UUID.randomUUID(), tenant, 1, "Walk-in",
                List.of(new PipelineStageRecord("NEW", "New", new BigDecimal("0.50"))), opened);

        OpportunityRecord won = new OpportunityRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), "bob",
                "Forty laptops for the Nanjing office", new MoneyRecord(new BigDecimal("48000.00"), "CNY"),
                LocalDate.of(2026, 4, 15), fullPipeline.id(), "PROPOSAL", new BigDecimal("0.40"),
                new BigDecimal("1.00"), false, "WON",
                List.of(new OpportunityStageChangeRecord(null, "QUALIFY", opened, "alice", 0),
                        new OpportunityStageChangeRecord("QUALIFY", "PROPOSAL", moved, "bob", 621_870_530L)),
                List.of(new OpportunityRoutingRecord("alice", "bob", moved, "manager-li", "alice on leave")),
                List.of(new OpportunityActivityRecord(UUID.randomUUID(), "MEETING", "Demo at the customer",
                        LocalDate.of(2026, 3, 20), moved, "bob", closed, "bob")),
                "Best service terms", "Acme Computers", closed, "bob", UUID.randomUUID(), UUID.randomUUID(), opened,
                closed);
        OpportunityRecord open = new OpportunityRecord(UUID.randomUUID(), tenant, 1, UUID.randomUUID(), "alice",
                "Printer repair contract", new MoneyRecord(new BigDecimal("1200.50"), "EUR"),
                LocalDate.of(2026, 6, 30), minimalPipeline.id(), "NEW", new BigDecimal("0.50"),
                new BigDecimal("0.50"), false, "OPEN",
                List.of(new OpportunityStageChangeRecord(null, "NEW", opened, "alice", 0)), List.of(), List.of(),
                null, null, null, null, null, null, opened, opened);

        return List.of(
                Sample.of(PipelineRecord.KIND, fullPipeline),
                Sample.of(PipelineRecord.KIND, minimalPipeline),
                Sample.of(OpportunityRecord.KIND, won),
                Sample.of(OpportunityRecord.KIND, open));
    }
}
