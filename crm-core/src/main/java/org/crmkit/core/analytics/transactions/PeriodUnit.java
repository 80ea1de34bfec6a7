package org.crmkit.core.analytics.transactions;

/**
 * The unit in which recency and customer age are measured. Lengths are fractional: a purchase 10
 * days after the first is 10 days, 10/7 weeks, or 10/30.4375 months.
 *
 * @since 0.1
 */
public enum PeriodUnit {
    /** One calendar day. */
    DAY(1.0),
    /** Seven days, as in the "buy till you die" literature (CDNOW is analysed in weeks). */
    WEEK(7.0),
    /** An average Gregorian month: 365.25 / 12 = 30.4375 days. */
    MONTH(365.25 / 12.0);

    private final double days;

    PeriodUnit(double days) {
        this.days = days;
    }

    /** @return the number of days in one unit */
    public double days() {
        return days;
    }

    /**
     * @param dayCount a number of days
     * @return that length in this unit
     */
    public double fromDays(long dayCount) {
        return dayCount / days;
    }
}
