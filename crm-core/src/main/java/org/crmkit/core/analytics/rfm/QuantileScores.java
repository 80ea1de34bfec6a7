package org.crmkit.core.analytics.rfm;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * Scores values 1 to {@code k} by quantile (k = 5 gives quintiles), the better value getting the
 * higher score, with a tie rule that gives equal values equal scores.
 *
 * <p>Rule (mid-rank): among {@code n} values, let {@code below} be how many are strictly worse than
 * a value {@code v} and {@code equal} how many compare equal to it (itself included). Its mid-rank
 * percentile is {@code p = (below + equal / 2) / n}, which lies strictly between 0 and 1, and its
 * score is {@code ceil(k * p)}. So with distinct values each score holds {@code n / k} values
 * (up to rounding); a block of ties gets the score of its middle; all values equal score
 * {@code ceil(k / 2)}. The score depends only on the multiset of values, never on their order,
 * and is monotone: a strictly better value never scores lower.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1
 */
public final class QuantileScores {

    private QuantileScores() {
    }

    /**
     * @param values  the values; not null, no null element
     * @param worseToBetter orders the values from worse to better; not null
     * @param k       the number of scores, at least 1
     * @param <T>     the value type
     * @return the score of {@code values.get(i)} at index {@code i}, each in {@code 1..k}
     */
    public static <T> int[] score(List<? extends T> values, Comparator<? super T> worseToBetter, int k) {
        Objects.requireNonNull(values, "values must not be null");
        Objects.requireNonNull(worseToBetter, "worseToBetter must not be null");
        if (k < 1) {
            throw new ValidationException("k", "must be at least 1", k);
        }
        int n = values.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> worseToBetter.compare(values.get(a), values.get(b)));
        int[] scores = new int[n];
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && worseToBetter.compare(values.get(order[from]), values.get(order[to])) == 0) {
                to++;
            }
            long numerator = (long) k * (2L * from + (to - from));
            long denominator = 2L * n;
            int score = (int) Math.max(1, Math.min(k, (numerator + denominator - 1) / denominator));
            for (int j = from; j < to; j++) {
                scores[order[j]] = score;
            }
            from = to;
        }
        return scores;
    }

    /**
     * Same as {@link #score(List, Comparator, int)} for {@code long} values, higher being better, on
     * primitives, with no object per value. When the values span a range no wider than their number, or
     * than 65,536 (days of recency, counts of purchases, spend in cents of many bases), they are counted
     * into a table by value, in linear time; otherwise a sorted copy gives the first value of each score (at most
     * {@code k}), and each value looks its score up among those.
     */
    public static int[] score(long[] values, int k) {
        Objects.requireNonNull(values, "values must not be null");
        if (k < 1) {
            throw new ValidationException("k", "must be at least 1", k);
        }
        int n = values.length;
        if (n == 0) {
            return new int[0];
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        long span = max - min; // negative when the difference outgrows a long
        if (span >= 0 && span <= Math.max(n, COUNTING_MIN_SPAN)) {
            return byCounting(values, k, min, (int) span + 1);
        }
        return bySorting(values, k);
    }

    /** The widest span always scored by counting, whatever the number of values (a table of 256 KB). */
    private static final int COUNTING_MIN_SPAN = 1 << 16;

    private static int[] byCounting(long[] values, int k, long min, int width) {
        int n = values.length;
        int[] table = new int[width];
        for (long v : values) {
            table[(int) (v - min)]++;
        }
        // each count becomes the score of its value: below = how many values are smaller
        long denominator = 2L * n;
        long below = 0;
        for (int d = 0; d < width; d++) {
            int equal = table[d];
            if (equal > 0) {
                long numerator = (long) k * (2L * below + equal);
                table[d] = (int) Math.max(1, Math.min(k, (numerator + denominator - 1) / denominator));
                below += equal;
            }
        }
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            scores[i] = table[(int) (values[i] - min)];
        }
        return scores;
    }

    private static int[] bySorting(long[] values, int k) {
        int n = values.length;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        // a score never falls as the value rises, so it changes at most k times along the sorted values:
        // keep the first value of each score, and look each value's score up among those few
        long[] firstOf = new long[Math.min(n, k)];
        int[] scoreFrom = new int[firstOf.length];
        int levels = 0;
        long denominator = 2L * n;
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && sorted[to] == sorted[from]) {
                to++;
            }
            long numerator = (long) k * (2L * from + (to - from));
            int score = (int) Math.max(1, Math.min(k, (numerator + denominator - 1) / denominator));
            if (levels == 0 || score != scoreFrom[levels - 1]) {
                firstOf[levels] = sorted[from];
                scoreFrom[levels++] = score;
            }
            from = to;
        }
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int at = Arrays.binarySearch(firstOf, 0, levels, values[i]);
            scores[i] = scoreFrom[at >= 0 ? at : -at - 2];
        }
        return scores;
    }
}
