package org.crmkit.core.loyalty.scoring;

/**
 * How worrying a churn risk is, by the cut-offs of {@link ChurnRiskBands}.
 *
 * @since 0.1
 */
public enum ChurnRiskBand {
    /** Below the medium cut-off. */
    LOW,
    /** At or above the medium cut-off, below the high one. */
    MEDIUM,
    /** At or above the high cut-off. */
    HIGH
}
