package org.crmkit.tck.storage.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.service.ComplaintRecord;
import org.crmkit.spi.service.ComplaintStepRecord;

/**
 * Fixtures of the complaint record for the record-store contract: one complaint with every nullable
 * component set and a step of every kind, and one just received. Instants carry microseconds.
 * Every call makes fresh ids.
 *
 * @since 0.1
 */
public final class ComplaintSamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");
    private static final Instant T2 = Instant.parse("2026-03-01T11:02:00.000001Z");
    private static final Instant T3 = Instant.parse("2026-03-02T16:45:01.654321Z");
    private static final Instant T4 = Instant.parse("2026-03-05T08:00:00.5Z");

    private ComplaintSamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two complaint samples at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(Sample.of(ComplaintRecord.KIND, full(tenant)),
                Sample.of(ComplaintRecord.KIND, new ComplaintRecord(id(), tenant, 1, id(), "WEB", "OTHER",
                        "Nobody called me back.", null, T1, "Thank you; we will answer within 48 hours.",
                        "RECEIVED", false, null, null, T1,
                        List.of(new ComplaintStepRecord(T1, null, "RECEIVED", null, null, null, null)))));
    }

    private static ComplaintRecord full(String tenant) {
        return new ComplaintRecord(id(), tenant, 1, id(), "PHONE", "DELIVERY",
                "The washing machine came a week late and scratched.", "agent-7", T1,
                "Thank you for telling us, and we are sorry for the trouble.", "CLOSED", true, id(), T3, null,
                List.of(new ComplaintStepRecord(T1, "agent-7", "RECEIVED", "Thank you for telling us.", null, null,
                                null),
                        new ComplaintStepRecord(T2, "agent-7", "EXPECTATION", "A new machine or 20 % back",
                                "REPLACEMENT", null, null),
                        new ComplaintStepRecord(T2, "agent-9", "ACTION", "Opened work order", null, id(), null),
                        new ComplaintStepRecord(T3, "agent-9", "ANSWERED", "We replace it on Friday.", null, null,
                                null),
                        new ComplaintStepRecord(T3, null, "REOPENED", "Friday is too late", null, null, null),
                        new ComplaintStepRecord(T3, "agent-9", "ANSWERED", "Tomorrow, then.", null, null, null),
                        new ComplaintStepRecord(T4, null, "FOLLOWED_UP", "Fine in the end", null, null, 4),
                        new ComplaintStepRecord(T4, "lead-1", "CLOSED", null, null, null, null)));
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
