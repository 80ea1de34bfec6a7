package org.crmkit.core.analytics.transactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalQueries;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The remembering date reader against the strict formatter it stands in for: same day, same time of day. */
class EpochDaysTest {

    private static final List<String> PATTERNS = List.of("yyyy-MM-dd", "yyyyMMdd", "dd.MM.yyyy",
            "yyyy-MM-dd'T'HH:mm:ss", "d/M/yy", "yyyy-MM-dd HH:mm:ss.SSS");

    private static Object reference(DateTimeFormatter formatter, String text) {
        try {
            long day = formatter.parse(text, LocalDate::from).toEpochDay();
            LocalTime time = formatter.parse(text).query(TemporalQueries.localTime());
            return List.of(day, time == null ? -1 : time.toSecondOfDay());
        } catch (DateTimeException e) {
            return "refused";
        }
    }

    private static Object remembered(EpochDays days, String text) {
        char[] chars = ("xx" + text + "yy").toCharArray();
        try {
            long day = days.parse(chars, 2, 2 + text.length());
            return List.of(day, days.secondOfDay());
        } catch (DateTimeException e) {
            return "refused";
        }
    }

    static String randomDate(Random random, String pattern) {
        LocalDateTime when = LocalDateTime.of(1990, 1, 1, 0, 0).plusDays(random.nextInt(random.nextBoolean() ? 60 : 20_000))
                .plusSeconds(random.nextInt(86_400)).plusNanos(random.nextInt(1_000) * 1_000_000L);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(pattern.replace('y', 'u'));
        String text = format.format(when);
        return switch (random.nextInt(7)) {
            case 0 -> text.replace("-02-", "-02-3").substring(0, Math.min(text.length(), 10)); // 30 or 31 February
            case 1 -> {
                // one character changed
                char[] c = text.toCharArray();
                c[random.nextInt(c.length)] = "0123456789-./T: +x\u0661".charAt(random.nextInt(18));
                yield new String(c);
            }
            case 2 -> List.of("2023-02-29", "2024-02-29", "20230229", "20240229", "+12024-01-01", "-0001-01-01",
                    "0000-01-01", "2024-1-01", "2024-04-31", "31.04.2024", "29.02.2000", "29.02.1900", "", " ",
                    "2024-13-01", "2024-00-10", "20241301").get(random.nextInt(17));
            case 3 -> {
                // a year of more than four digits: around the last epoch day an int holds, or far beyond
                long day = random.nextInt(4) == 0
                        ? LocalDate.of(random.nextBoolean() ? 12_345_678 : -12_345_678, 1, 1).toEpochDay()
                        : (random.nextBoolean() ? Integer.MAX_VALUE : Integer.MIN_VALUE) + random.nextInt(5) - 2L;
                yield format.format(LocalDate.ofEpochDay(day).atTime(when.toLocalTime()));
            }
            default -> text;
        };
    }

    @Test
    void readsWhatTheStrictFormatterReadsAndRefusesWhatItRefuses() {
        qt().withExamples(40).withFixedSeed(77L)
                .forAll(integers().between(0, PATTERNS.size() - 1), longs().all())
                .checkAssert((p, seed) -> {
                    Random random = new Random(seed);
                    String pattern = PATTERNS.get(p);
                    DateTimeFormatter formatter = TransactionCsv.formatter(pattern);
                    EpochDays days = new EpochDays(formatter);
                    // more distinct texts than are remembered, many of them more than once
                    for (int i = 0; i < 5_000; i++) {
                        String text = randomDate(random, pattern);
                        assertThat(remembered(days, text)).as("%s as %s", text, pattern)
                                .isEqualTo(reference(formatter, text));
                    }
                });
    }
}
