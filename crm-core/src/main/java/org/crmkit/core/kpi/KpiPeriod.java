package org.crmkit.core.kpi;

import java.time.LocalDate;
import java.time.YearMonth;

import org.crmkit.spi.ValidationException;

/**
 * A closed range of days a KPI is measured over, both ends included. A moment belongs to the period
 * when its date in the {@link Kpis} clock's zone lies within it. Immutable and thread-safe.
 *
 * @param from the first day; not null
 * @param to   the last day, not before {@code from}; not null
 * @since 0.1
 */
public record KpiPeriod(LocalDate from, LocalDate to) {

    /** Validates the components as described above. */
    public KpiPeriod {
        if (from == null) {
            throw new ValidationException("period.from", "must not be null");
        }
        if (to == null) {
            throw new ValidationException("period.to", "must not be null");
        }
        if (to.isBefore(from)) {
            throw new ValidationException("period.to", "must not be before period.from " + from, to);
        }
    }

    /** @return the period from {@code from} to {@code to}, both included */
    public static KpiPeriod between(LocalDate from, LocalDate to) {
        return new KpiPeriod(from, to);
    }

    /** @return the whole calendar month */
    public static KpiPeriod month(YearMonth month) {
        if (month == null) {
            throw new ValidationException("period.month", "must not be null");
        }
        return new KpiPeriod(month.atDay(1), month.atEndOfMonth());
    }

    /**
     * @param year    the year
     * @param quarter 1 to 4
     * @return the calendar quarter
     * @throws ValidationException on {@code period.quarter} if it is not 1 to 4
     */
    public static KpiPeriod quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ValidationException("period.quarter", "must be 1 to 4", quarter);
        }
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        return new KpiPeriod(first.atDay(1), first.plusMonths(2).atEndOfMonth());
    }

    /** @return whether {@code day} lies in this period (both ends included); false for null */
    public boolean contains(LocalDate day) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }

    /** @return whether this period and {@code [first, last]} share at least one day */
    public boolean overlaps(LocalDate first, LocalDate last) {
        return !last.isBefore(from) && !first.isAfter(to);
    }

    @Override
    public String toString() {
        return from + ".." + to;
    }
}
