package org.crmkit.tck.storage.samples;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.crmkit.spi.service.ServiceAgentRecord;

/**
 * Fixtures of the service staff work orders are dispatched to, for the record-store contract: one
 * agent with every nullable component set and several skills, and one minimal agent. Instants carry
 * microseconds. Every call makes fresh ids and staff ids.
 *
 * @since 0.1
 */
public final class ServiceAgentSamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");
    private static final Instant T2 = Instant.parse("2026-03-02T16:45:01.654321Z");

    private ServiceAgentSamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two service-agent samples, at version 1 with fresh random ids
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(
                Sample.of(ServiceAgentRecord.KIND, new ServiceAgentRecord(id(), tenant, 1, "agent-" + suffix(),
                        "Wang Fang", List.of("installation", "plumbing", "refunds"), 5, true, T1, T2)),
                Sample.of(ServiceAgentRecord.KIND, new ServiceAgentRecord(id(), tenant, 1, "agent-" + suffix(),
                        "Ola Berg", List.of(), 1, false, T1, null)));
    }

    private static String suffix() {
        return Long.toHexString(UUID.randomUUID().getLeastSignificantBits()).toLowerCase(Locale.ROOT);
    }

    private static UUID id() {
        return UUID.randomUUID();
    }
}
