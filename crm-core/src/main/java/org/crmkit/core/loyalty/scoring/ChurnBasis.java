package org.crmkit.core.loyalty.scoring;

/**
 * What a {@link ChurnRisk} was computed from.
 *
 * @since 0.1
 */
public enum ChurnBasis {
    /** {@code 1 − P(alive)} of a fitted BG/NBD or Pareto/NBD model: the preferred basis. */
    MODEL,
    /**
     * The fallback when no model is given: the silence since the last purchase relative to the
     * customer's own mean time between purchases (a heuristic, not a fitted probability).
     */
    RECENCY_FALLBACK
}
