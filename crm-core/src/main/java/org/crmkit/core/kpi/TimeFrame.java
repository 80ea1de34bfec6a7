package org.crmkit.core.kpi;

import java.time.LocalDate;
import java.time.YearMonth;

import org.crmkit.spi.ValidationException;

/**
 * The "time-bound" of a SMART KPI: one fixed period, or a recurring calendar month, quarter or
 * year (the period that contains the day it is evaluated on). Immutable and thread-safe.
 *
 * @param recurrence how the period is chosen; not null
 * @param fixed      the period of a {@link Recurrence#FIXED} time frame; null for the recurring ones
 * @since 0.1
 */
public record TimeFrame(Recurrence recurrence, KpiPeriod fixed) {

    /** How a time frame picks its period. */
    public enum Recurrence {
        /** Always the same period. */
        FIXED,
        /** The calendar month containing the evaluation day. */
        MONTHLY,
        /** The calendar quarter containing the evaluation day. */
        QUARTERLY,
        /** The calendar year containing the evaluation day. */
        YEARLY
    }

    /** Validates the components as described above. */
    public TimeFrame {
        if (recurrence == null) {
            throw new ValidationException("timeFrame.recurrence", "must not be null");
        }
        if (recurrence == Recurrence.FIXED && fixed == null) {
            throw new ValidationException("timeFrame.fixed", "must be given for a fixed time frame");
        }
        if (recurrence != Recurrence.FIXED && fixed != null) {
            throw new ValidationException("timeFrame.fixed", "must be absent for a recurring time frame", fixed);
        }
    }

    /** @return a time frame of exactly {@code period} */
    public static TimeFrame fixed(KpiPeriod period) {
        return new TimeFrame(Recurrence.FIXED, period);
    }

    /** @return every calendar month */
    public static TimeFrame monthly() {
        return new TimeFrame(Recurrence.MONTHLY, null);
    }

    /** @return every calendar quarter */
    public static TimeFrame quarterly() {
        return new TimeFrame(Recurrence.QUARTERLY, null);
    }

    /** @return every calendar year */
    public static TimeFrame yearly() {
        return new TimeFrame(Recurrence.YEARLY, null);
    }

    /**
     * @param day the evaluation day; not null
     * @return the fixed period, or the calendar month, quarter or year that contains {@code day}
     */
    public KpiPeriod periodFor(LocalDate day) {
        if (day == null) {
            throw new ValidationException("day", "must not be null");
        }
        return switch (recurrence) {
            case FIXED -> fixed;
            case MONTHLY -> KpiPeriod.month(YearMonth.from(day));
            case QUARTERLY -> KpiPeriod.quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
            case YEARLY -> KpiPeriod.between(day.withDayOfYear(1), day.withDayOfYear(day.lengthOfYear()));
        };
    }
}
