package org.crmkit.core.kpi;

/**
 * Whether a KPI is better the higher or the lower its actual value is.
 *
 * @since 0.1
 */
public enum Direction {
    /** More is better (revenue, satisfaction): met when actual &ge; target; attainment = actual / target. */
    HIGHER_IS_BETTER,
    /** Less is better (complaints, cost): met when actual &le; target; attainment = target / actual. */
    LOWER_IS_BETTER
}
