package org.crmkit.core.analytics.rfm;

import org.crmkit.spi.ValidationException;

/**
 * A customer's RFM scores, each 1 (worst) to 5 (best): a recent buyer has a high recency score.
 *
 * <p>Immutable and thread-safe.
 *
 * @param recency   the recency score, 1-5
 * @param frequency the frequency score, 1-5
 * @param monetary  the monetary score, 1-5
 * @since 0.1
 */
public record RfmScore(int recency, int frequency, int monetary) {

    /** Checks every score is in 1..5. */
    public RfmScore {
        check("recency", recency);
        check("frequency", frequency);
        check("monetary", monetary);
    }

    /**
     * The combined frequency-monetary score used by the segment grid: the mean of the two, halves
     * rounded up ({@code (f + m + 1) / 2}), so 1-5.
     *
     * @return the FM score
     */
    public int frequencyMonetary() {
        return (frequency + monetary + 1) / 2;
    }

    /** @return the usual three-digit code, for example {@code "545"} */
    public String code() {
        return "" + recency + frequency + monetary;
    }

    private static void check(String field, int score) {
        if (score < 1 || score > 5) {
            throw new ValidationException(field, "must be between 1 and 5", score);
        }
    }
}
