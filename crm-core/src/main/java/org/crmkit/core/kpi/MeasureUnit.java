package org.crmkit.core.kpi;

/**
 * What a {@link Measure}'s value is, and so how targets are checked and results rounded.
 *
 * @since 0.1
 */
public enum MeasureUnit {
    /** An amount of money in the definition's currency, with the currency's minor unit. */
    MONEY,
    /** A whole number of records. */
    COUNT,
    /** A mean survey score from 1 to 5, two decimals (half up). */
    SCORE,
    /** A percentage from 0 to 100, two decimals (half up). */
    PERCENT,
    /** A non-negative ratio (revenue over cost), four decimals (half up). */
    RATIO
}
