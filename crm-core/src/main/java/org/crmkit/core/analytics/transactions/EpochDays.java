package org.crmkit.core.analytics.transactions;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;

/**
 * Reads date texts with a strict {@link DateTimeFormatter}, remembering the epoch day of the first
 * {@value #MAX_REMEMBERED} distinct texts it read: a transaction file has few distinct days, so
 * most rows cost one hash look-up instead of a formatter run. A text is always read by the
 * formatter the first time, so the answers are the formatter's; a refused text is not remembered.
 * When the pattern has a time of day, {@link #secondOfDay()} tells it after each read (fractions of
 * a second are dropped). Not thread-safe.
 */
final class EpochDays {
    /** How many distinct texts are remembered; later new texts are read by the formatter each time. */
    static final int MAX_REMEMBERED = 1 << 12;

    private static final int TABLE = MAX_REMEMBERED * 2;
    private static final int SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(TABLE);

    private final DateTimeFormatter formatter;
    private final char[][] texts = new char[MAX_REMEMBERED][];
    private final long[] days = new long[MAX_REMEMBERED];
    private final int[] seconds = new int[MAX_REMEMBERED];
    private int secondOfDay = -1;
    /** code + 1 per slot, 0 for an empty slot */
    private final int[] table = new int[TABLE];
    private int size;

    EpochDays(DateTimeFormatter formatter) {
        this.formatter = formatter;
    }

    /**
     * @return the epoch day of the date in {@code chars[from, to)}
     * @throws java.time.DateTimeException if the formatter refuses the text
     */
    long parse(char[] chars, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + chars[i];
        }
        int slot = (h * 0x9E3779B9) >>> SHIFT;
        for (int entry = table[slot]; entry != 0; entry = table[slot]) {
            if (same(texts[entry - 1], chars, from, to)) {
                secondOfDay = seconds[entry - 1];
                return days[entry - 1];
            }
            slot = (slot + 1) & (TABLE - 1);
        }
        String text = new String(chars, from, to - from);
        TemporalAccessor parsed = formatter.parse(text);
        long day = LocalDate.from(parsed).toEpochDay();
        LocalTime time = parsed.query(TemporalQueries.localTime());
        secondOfDay = time == null ? -1 : time.toSecondOfDay();
        if (size < MAX_REMEMBERED) {
            texts[size] = text.toCharArray();
            days[size] = day;
            seconds[size] = secondOfDay;
            table[slot] = ++size;
        }
        return day;
    }

    /** @return the second of day of the text last read, or -1 if it has no time of day */
    int secondOfDay() {
        return secondOfDay;
    }

    private static boolean same(char[] text, char[] chars, int from, int to) {
        if (text.length != to - from) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (text[i] != chars[from + i]) {
                return false;
            }
        }
        return true;
    }
}
