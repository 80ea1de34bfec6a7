package org.crmkit.core.analytics.segment;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the segment JSON reader: whatever the text, it is either refused with a
 * {@link org.crmkit.spi.ValidationException} whose message starts with its field (the JSON path), or
 * read into a definition that survives write then read. Any other exception is a bug.
 *
 * <p>A normal test run replays the inputs under
 * {@code src/test/resources/.../SegmentJsonFuzzTestInputs/read/}; run with {@code JAZZER_FUZZ=1} to
 * fuzz for real. {@link SegmentJsonTest} checks the same contract on seeded random text.
 */
class SegmentJsonFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void read(FuzzedDataProvider data) {
        SegmentJsonTest.checkParserContract(data.consumeRemainingAsString());
    }
}
