package org.crmkit.core.analytics.rfm;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.core.analytics.transactions.Transactions;
import org.crmkit.spi.ValidationException;

/**
 * RFM analysis of a customer base: each customer's recency, frequency and monetary value
 * ({@link RfmValues}), scored 1-5 by quintile among all customers ({@link QuantileScores}, higher
 * is better for all three, so the most recent buyers get R = 5), and named by a {@link SegmentMap}.
 *
 * <p>Scores are relative to the customers analysed together: the same customer can score
 * differently in another population.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RfmAnalysis {

    private final List<RfmCustomer> customers;
    private final Map<String, RfmCustomer> byId;
    private final Map<String, Integer> segmentCounts;

    private RfmAnalysis(List<RfmCustomer> customers) {
        this.customers = Collections.unmodifiableList(customers);
        Map<String, RfmCustomer> index = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (RfmCustomer c : customers) {
            index.put(c.customerId(), c);
            counts.merge(c.segment(), 1, Integer::sum);
        }
        this.byId = index;
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        this.segmentCounts = Collections.unmodifiableMap(sorted);
    }

    /** Analyses a batch as of {@code asOf} with the default segment map. */
    public static RfmAnalysis of(Transactions transactions, LocalDate asOf) {
        return of(RfmValues.from(transactions, asOf), SegmentMap.defaults());
    }

    /** Analyses a batch as of {@code asOf} with the given segment map. */
    public static RfmAnalysis of(Transactions transactions, LocalDate asOf, SegmentMap segments) {
        return of(RfmValues.from(transactions, asOf), segments);
    }

    /**
     * Scores values the host computed itself.
     *
     * @param values   one entry per customer, keys distinct; not null
     * @param segments names the segments; not null
     * @return the analysis, in the order of {@code values}
     * @throws ValidationException on field {@code values} if a customer key repeats
     */
    public static RfmAnalysis of(List<RfmValues> values, SegmentMap segments) {
        if (values == null) {
            throw new ValidationException("values", "must not be null");
        }
        if (segments == null) {
            throw new ValidationException("segments", "must not be null");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ValidationException("values[" + i + "]", "must not be null");
            }
        }
        if (values.stream().map(RfmValues::customerId).distinct().count() != values.size()) {
            throw new ValidationException("values", "must not repeat a customer");
        }
        int[] r = QuantileScores.score(values, Comparator.comparingLong(RfmValues::recencyDays).reversed(), 5);
        int[] f = QuantileScores.score(values, Comparator.comparingInt(RfmValues::frequency), 5);
        int[] m = QuantileScores.score(values, Comparator.comparing(RfmValues::monetary), 5);
        List<RfmCustomer> out = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            RfmScore score = new RfmScore(r[i], f[i], m[i]);
            String segment = segments.segmentOf(score);
            if (segment == null || segment.isBlank()) {
                throw new ValidationException("segments", "must name a segment for every score", score.code());
            }
            out.add(new RfmCustomer(values.get(i), score, segment));
        }
        return new RfmAnalysis(out);
    }

    /** @return every customer analysed; unmodifiable */
    public List<RfmCustomer> customers() {
        return customers;
    }

    /** @return the customer with this key, if analysed */
    public Optional<RfmCustomer> customer(String customerId) {
        return Optional.ofNullable(byId.get(customerId));
    }

    /** @return the number of customers per segment, largest first (ties by name); unmodifiable */
    public Map<String, Integer> segmentCounts() {
        return segmentCounts;
    }
}
