package org.crmkit.core.satisfaction.questionnaire;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.satisfaction.scoring.CustomerSatisfactionScore;
import org.crmkit.core.satisfaction.scoring.NetPromoterScore;
import org.crmkit.core.satisfaction.scoring.Servqual;
import org.crmkit.spi.ValidationException;

/**
 * Scores of stored survey responses per day, week, month or quarter over an explicit range of days
 * (domain §7), for a customer, a staff member, a product or any other {@link ResponseSelection}.
 * The range is given, never read from the clock, so a trend of the past is the same whenever it is
 * asked for.
 *
 * <pre>{@code
 * Trend<CustomerSatisfactionScore> t = crm.questionnaires("acme").trends()
 *         .csatByMonth(ResponseSelection.about(Subject.staff(StaffId.of("agent-7"))),
 *                 LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1));
 * }</pre>
 *
 * <p>Each response falls in the bucket of the day it was submitted on, in the trends' time zone; a
 * bucket in which no selected response was submitted is reported empty (no score), not as 0. Every
 * trend is read in one unit of work. Thread-safe.
 *
 * @since 0.1
 */
public final class SatisfactionTrends {

    /** The most buckets one trend may have. */
    public static final int MAX_BUCKETS = 5000;

    private final Questionnaires questionnaires;
    private final ZoneId zone;

    SatisfactionTrends(Questionnaires questionnaires, ZoneId zone) {
        this.questionnaires = Objects.requireNonNull(questionnaires, "questionnaires must not be null");
        this.zone = Objects.requireNonNull(zone, "zone must not be null");
    }

    /** @return the time zone in which instants fall on days */
    public ZoneId zone() {
        return zone;
    }

    /**
     * The score of a metric per period.
     *
     * @param metric    the score; not null
     * @param period    the bucket length; not null
     * @param selection which responses; a time range it has narrows the trend's range further; not null
     * @param from      the first day, inclusive; not null
     * @param to        the day after the last, exclusive; after {@code from}
     * @return buckets partitioning {@code [from, to)}; never null
     * @throws ValidationException on {@code to} if it is not after {@code from} or the range needs more
     *                             than {@value #MAX_BUCKETS} buckets
     */
    public <S> Trend<S> trend(Metric<S> metric, Period period, ResponseSelection selection, LocalDate from,
                              LocalDate to) {
        Objects.requireNonNull(metric, "metric must not be null");
        Objects.requireNonNull(period, "period must not be null");
        Objects.requireNonNull(selection, "selection must not be null");
        Objects.requireNonNull(from, "from must not be null");
        Objects.requireNonNull(to, "to must not be null");
        if (!to.isAfter(from)) {
            throw new ValidationException("to", "must be after from " + from, to);
        }
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = period.nextStart(d)) {
            if (starts.size() == MAX_BUCKETS) {
                throw new ValidationException("to", "must be within " + MAX_BUCKETS + " " + period + " buckets of from "
                        + from, to);
            }
            starts.add(d);
        }
        Questionnaires.Selected selected = questionnaires.read(selection);
        List<List<SurveyResponse>> inBucket = new ArrayList<>();
        starts.forEach(s -> inBucket.add(new ArrayList<>()));
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.atStartOfDay(zone).toInstant();
        for (SurveyResponse r : selected.responses()) {
            if (r.submittedAt().isBefore(start) || !r.submittedAt().isBefore(end)) {
                continue;
            }
            LocalDate day = LocalDate.ofInstant(r.submittedAt(), zone);
            int i = bucketOf(starts, day);
            inBucket.get(i).add(r);
        }
        List<TrendBucket<S>> buckets = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate bucketEnd = i + 1 < starts.size() ? starts.get(i + 1) : to;
            List<SurveyResponse> rs = inBucket.get(i);
            buckets.add(new TrendBucket<>(starts.get(i), bucketEnd, rs.size(),
                    rs.isEmpty() ? Optional.empty()
                            : metric.score(ScoreInputs.of(rs, selected.definitions()))));
        }
        return new Trend<>(metric.name(), period, zone, from, to, buckets);
    }

    /** @return the CSAT per calendar month of the selected responses in {@code [from, to)} */
    public Trend<CustomerSatisfactionScore> csatByMonth(ResponseSelection selection, LocalDate from, LocalDate to) {
        return trend(Metric.CSAT, Period.MONTH, selection, from, to);
    }

    /** @return the NPS per calendar month of the selected responses in {@code [from, to)} */
    public Trend<NetPromoterScore> npsByMonth(ResponseSelection selection, LocalDate from, LocalDate to) {
        return trend(Metric.NPS, Period.MONTH, selection, from, to);
    }

    /** @return the SERVQUAL gaps per calendar quarter of the selected responses in {@code [from, to)} */
    public Trend<Servqual> servqualByQuarter(ResponseSelection selection, LocalDate from, LocalDate to) {
        return trend(Metric.SERVQUAL, Period.QUARTER, selection, from, to);
    }

    private static int bucketOf(List<LocalDate> starts, LocalDate day) {
        int lo = 0;
        int hi = starts.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts.get(mid).isAfter(day)) {
                hi = mid - 1;
            } else {
                lo = mid;
            }
        }
        return lo;
    }
}
