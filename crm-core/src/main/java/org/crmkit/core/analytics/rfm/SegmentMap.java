package org.crmkit.core.analytics.rfm;

import java.util.Arrays;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * Names the segment of an RFM score. Replace it to use your own names or grid.
 *
 * <p>The {@link #defaults() default} map reads the recency score R against the combined
 * frequency-monetary score FM ({@link RfmScore#frequencyMonetary()}):
 *
 * <pre>
 *  R \ FM   1                2                    3                    4             5
 *   5       new customers    potential loyalists  potential loyalists  champions     champions
 *   4       promising        potential loyalists  potential loyalists  loyal         champions
 *   3       about to sleep   about to sleep       need attention       loyal         loyal
 *   2       hibernating      hibernating          at risk              at risk       cannot lose them
 *   1       lost             lost                 hibernating          at risk       cannot lose them
 * </pre>
 *
 * <p>Implementations must be thread-safe and return a non-blank name for every valid score.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface SegmentMap {

    /** Bought recently and often, spend the most. */
    String CHAMPIONS = "champions";
    /** Buy regularly and spend well. */
    String LOYAL = "loyal";
    /** Recent buyers with average frequency and spend. */
    String POTENTIAL_LOYALISTS = "potential loyalists";
    /** Bought very recently, for the first time or little. */
    String NEW_CUSTOMERS = "new customers";
    /** Recent, but little so far. */
    String PROMISING = "promising";
    /** Average recency, frequency and spend. */
    String NEED_ATTENTION = "need attention";
    /** Below average recency and little bought. */
    String ABOUT_TO_SLEEP = "about to sleep";
    /** Bought often or much, but not for some time. */
    String AT_RISK = "at risk";
    /** Were among the best, and have not come back for long. */
    String CANNOT_LOSE = "cannot lose them";
    /** Long ago, little and rarely. */
    String HIBERNATING = "hibernating";
    /** The lowest scores on every count. */
    String LOST = "lost";

    /**
     * @param score a score; not null
     * @return the segment's name; never blank
     */
    String segmentOf(RfmScore score);

    /** @return the default R x FM grid shown above */
    static SegmentMap defaults() {
        return grid(new String[][] {
                {LOST, LOST, HIBERNATING, AT_RISK, CANNOT_LOSE},
                {HIBERNATING, HIBERNATING, AT_RISK, AT_RISK, CANNOT_LOSE},
                {ABOUT_TO_SLEEP, ABOUT_TO_SLEEP, NEED_ATTENTION, LOYAL, LOYAL},
                {PROMISING, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, LOYAL, CHAMPIONS},
                {NEW_CUSTOMERS, POTENTIAL_LOYALISTS, POTENTIAL_LOYALISTS, CHAMPIONS, CHAMPIONS}});
    }

    /**
     * A map from a 5 x 5 grid: {@code names[r - 1][fm - 1]} names recency score {@code r} with
     * frequency-monetary score {@code fm}. The grid is copied.
     *
     * @param names 5 rows (R = 1 to 5) of 5 non-blank names (FM = 1 to 5)
     * @return the map
     */
    static SegmentMap grid(String[][] names) {
        Objects.requireNonNull(names, "names must not be null");
        if (names.length != 5) {
            throw new ValidationException("names", "must have 5 rows, one per recency score", names.length);
        }
        String[][] copy = new String[5][];
        for (int r = 0; r < 5; r++) {
            if (names[r] == null || names[r].length != 5) {
                throw new ValidationException("names[" + r + "]", "must have 5 names, one per FM score");
            }
            for (String name : names[r]) {
                if (name == null || name.isBlank()) {
                    throw new ValidationException("names[" + r + "]", "must not contain a blank name");
                }
            }
            copy[r] = Arrays.copyOf(names[r], 5);
        }
        return score -> copy[score.recency() - 1][score.frequencyMonetary() - 1];
    }
}
