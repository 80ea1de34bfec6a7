package org.crmkit.core.satisfaction.questionnaire;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The length of a trend's buckets: calendar days, ISO weeks (Monday to Sunday), calendar months or
 * calendar quarters (January, April, July, October).
 *
 * @since 0.1
 */
public enum Period {
    /** A calendar day. */
    DAY,
    /** An ISO week, from Monday. */
    WEEK,
    /** A calendar month. */
    MONTH,
    /** A calendar quarter. */
    QUARTER;

    /** @return the first day of the period that contains {@code date} */
    public LocalDate startOf(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(date.getYear(), (date.getMonthValue() - 1) / 3 * 3 + 1, 1);
        };
    }

    /** @return the first day of the period after the one that contains {@code date} */
    public LocalDate nextStart(LocalDate date) {
        LocalDate start = startOf(date);
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }
}
