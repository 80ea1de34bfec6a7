package org.crmkit.core.kpi;

/**
 * The four perspectives of the enterprise balanced scorecard (domain §11). Every {@link Measure}
 * belongs to one of them ({@link Measure#perspective()}), so that a set of KPIs can be grouped
 * into a scorecard ({@link Kpis#enterpriseScorecard}).
 *
 * @since 0.1
 */
public enum EnterprisePerspective {
    /** Money earned and returned: revenue, won business, campaign return. */
    FINANCIAL,
    /** How customers see the company: satisfaction, new customers. */
    CUSTOMER,
    /** How well the work runs: orders delivered, work orders resolved. */
    INTERNAL_PROCESS,
    /** What the company learns and keeps: knowledge-base articles published. */
    LEARNING_AND_GROWTH
}
