package org.crmkit.tck.storage.samples;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.crmkit.spi.sales.MoneyRecord;

/**
 * Samples of the contract kit's own kind, {@link TckSampleRecord}: one with every component set
 * (decimals of several scales, instants with microseconds, lists not empty, Unicode text) and one
 * minimal (nullables null, lists empty).
 *
 * @since 0.1
 */
public final class TckSamples {

    private TckSamples() {
    }

    /**
     * @param tenant the tenant of the samples; a valid tenant id
     * @return a fully populated and a minimal sample, at version 1 with fresh random ids; never null
     */
    public static List<Sample<?>> all(String tenant) {
        return List.of(Sample.of(TckSampleRecord.KIND, full(tenant)), Sample.of(TckSampleRecord.KIND, minimal(tenant)));
    }

    /** @return a sample with every component set, at version 1 with a fresh random id */
    public static TckSampleRecord full(String tenant) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Instant at = Instant.parse("2024-05-17T08:30:15.123456Z");
        return new TckSampleRecord(newId(), tenant, 1, "OPEN", "Grüße, 你好, مرحبا \"quoted\" \\ 🙂",
                "line one\nline two\ttabbed", newId(), at, Instant.parse("1969-12-31T23:59:59.999999Z"),
                LocalDate.of(2024, 2, 29), LocalDate.of(1999, 12, 31), new BigDecimal("12.50"),
                new BigDecimal("1E+3"), Long.MIN_VALUE + random.nextInt(1000), Integer.MAX_VALUE, true,
                new MoneyRecord(new BigDecimal("1234567890123456789.10"), "EUR"),
                new MoneyRecord(new BigDecimal("0.00"), "JPY"),
                new TckSampleRecord.Part("main", -3, new BigDecimal("-0.000100"), at.plusNanos(1_000), "nested"),
                List.of(new TckSampleRecord.Part("b", 2, new BigDecimal("9.99"), null, null),
                        new TckSampleRecord.Part("a", 1, new BigDecimal("100"), at, "first")),
                List.of("zeta", "alpha", "Ünïcode"));
    }

    /** @return a sample with every nullable component null and every list empty, at version 1 */
    public static TckSampleRecord minimal(String tenant) {
        return new TckSampleRecord(newId(), tenant, 1, "DRAFT", "t", null, null,
                Instant.parse("2199-12-31T23:59:59.999999Z"), null, LocalDate.of(2025, 1, 1), null, BigDecimal.ZERO,
                null, 0, 0, false, new MoneyRecord(new BigDecimal("0.10"), "USD"), null, null, List.of(), List.of());
    }

    private static UUID newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong());
    }
}
