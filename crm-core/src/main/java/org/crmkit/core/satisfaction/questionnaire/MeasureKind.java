package org.crmkit.core.satisfaction.questionnaire;

/**
 * The kind of thing a question measures (domain §7, §8).
 *
 * @since 0.1
 */
public enum MeasureKind {
    /** Satisfaction, scored as CSAT; asked on {@link QuestionScale#CSAT_1_5}. */
    CSAT,
    /** Willingness to recommend, scored as NPS; asked on {@link QuestionScale#NPS_0_10}. */
    RECOMMENDATION,
    /** Intention to buy again (conscious loyalty, §8); asked on a 1-5 or 0-10 scale or yes/no. */
    REPURCHASE_INTENTION,
    /** One of the five SERVQUAL dimensions; asked as an expectation/perception pair. */
    SERVQUAL_DIMENSION,
    /** One of the ten criteria of service quality; asked as a pair, counts toward its dimension. */
    SERVICE_QUALITY_CRITERION,
    /** Anything else the company names; any scale. */
    CUSTOM
}
