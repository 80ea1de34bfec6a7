package org.crmkit.core.satisfaction.questionnaire;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A score per period over an explicit range of days: consecutive {@link TrendBucket}s that
 * partition {@code [from, to)}. Buckets follow the calendar periods, so the first and the last are
 * shorter when {@code from} or {@code to} falls inside a period. Immutable and thread-safe.
 *
 * @param metric  the name of the metric scored, for example {@code "CSAT"}; not null
 * @param period  the bucket length; not null
 * @param zone    the time zone in which submission instants fall on days; not null
 * @param from    the first day, inclusive; not null
 * @param to      the day after the last, exclusive; not null
 * @param buckets the buckets in order, the first starting at {@code from}, each starting where the
 *                one before ends, the last ending at {@code to}; unmodifiable
 * @param <S>     the score type
 * @since 0.1
 */
public record Trend<S>(String metric, Period period, ZoneId zone, LocalDate from, LocalDate to,
                       List<TrendBucket<S>> buckets) {

    /** Copies the buckets. */
    public Trend {
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(zone, "zone must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        buckets = List.copyOf(buckets);
    }

    /** @return the responses of every bucket: the selected responses submitted in the range */
    public long responses() {
        return buckets.stream().mapToLong(TrendBucket::responses).sum();
    }
}
