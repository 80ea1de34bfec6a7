package org.crmkit.tck.storage.samples;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.crmkit.spi.analytics.SegmentDefinitionRecord;

/**
 * Fixtures of stored attribute-segment definitions for the record-store contract: one with a
 * definition JSON full of characters that stress a JSON-in-JSON column (quotes, backslashes,
 * newlines, non-Latin and astral characters), and one minimal. Instants carry microseconds.
 *
 * @since 0.1
 */
public final class SegmentSamples {

    private static final Instant T1 = Instant.parse("2026-03-01T09:15:30.123456Z");

    private SegmentSamples() {
    }

    /**
     * @param tenant the tenant every sample belongs to; a valid tenant id
     * @return two segment definition samples at version 1 with fresh random ids and segment ids
     */
    public static List<Sample<?>> all(String tenant) {
        String rich = "east-" + UUID.randomUUID();
        String json = """
                {
                  "format": "crmkit.segment/1",
                  "id": "%s",
                  "name": "东部 \\"Champions\\" 😀",
                  "description": "line one\\nline two \\\\ done",
                  "version": 3,
                  "rule": {
                    "and": [
                      {"field": "external.region", "op": "in", "values": ["East China", "Shanghai"]},
                      {"field": "internal.income", "op": "between",
                       "low": 50000, "lowInclusive": true, "high": 200000.5, "highInclusive": false}
                    ]
                  }
                }
                """.formatted(rich);
        String minimal = "vip-" + UUID.randomUUID();
        return List.of(
                Sample.of(SegmentDefinitionRecord.KIND, new SegmentDefinitionRecord(UUID.randomUUID(), tenant, 1, rich,
                        "东部 \"Champions\" 😀", 3, json, T1)),
                Sample.of(SegmentDefinitionRecord.KIND, new SegmentDefinitionRecord(UUID.randomUUID(), tenant, 1,
                        minimal, "VIP", 1, "{\"format\":\"crmkit.segment/1\",\"id\":\"" + minimal
                        + "\",\"name\":\"VIP\",\"version\":1,\"rule\":{\"field\":\"external.vip\",\"op\":\"has\"}}",
                        T1)));
    }
}
