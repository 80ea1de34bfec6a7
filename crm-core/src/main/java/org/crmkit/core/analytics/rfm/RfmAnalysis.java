package org.crmkit.core.analytics.rfm;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

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
 * <p>Held column by column (a byte of scores per customer, the raw values in primitive arrays or in
 * the caller's list), so a base of millions costs no object per customer; {@link #customers()} and
 * {@link #customer(String)} build the {@link RfmCustomer} on request. A {@link SegmentMap} is asked
 * once per distinct score, not once per customer.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RfmAnalysis {

    private static final int K = 5;
    private static final int CODES = K * K * K;

    private final int size;
    private final IntFunction<RfmValues> valuesAt;
    private final ToIntFunction<String> indexOf;
    /** (r − 1) · 25 + (f − 1) · 5 + (m − 1) per customer. */
    private final byte[] codes;
    private final String[] segmentByCode;
    private final Map<String, Integer> segmentCounts;
    private final List<RfmCustomer> customers;

    private RfmAnalysis(int size, IntFunction<RfmValues> valuesAt, ToIntFunction<String> indexOf, int[] r, int[] f,
                        int[] m, SegmentMap segments) {
        this.size = size;
        this.valuesAt = valuesAt;
        this.indexOf = indexOf;
        this.codes = new byte[size];
        this.segmentByCode = new String[CODES];
        int[] perCode = new int[CODES];
        for (int i = 0; i < size; i++) {
            int code = (r[i] - 1) * K * K + (f[i] - 1) * K + (m[i] - 1);
            codes[i] = (byte) code;
            if (perCode[code]++ == 0) {
                RfmScore score = new RfmScore(r[i], f[i], m[i]);
                String segment = segments.segmentOf(score);
                if (segment == null || segment.isBlank()) {
                    throw new ValidationException("segments", "must name a segment for every score", score.code());
                }
                segmentByCode[code] = segment;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int code = 0; code < CODES; code++) {
            if (perCode[code] > 0) {
                counts.merge(segmentByCode[code], perCode[code], Integer::sum);
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        this.segmentCounts = Collections.unmodifiableMap(sorted);
        this.customers = new Customers();
    }

    /** The customers in input order, each built when read. */
    private final class Customers extends AbstractList<RfmCustomer> implements RandomAccess {

        @Override
        public RfmCustomer get(int index) {
            Objects.checkIndex(index, size);
            return customerAt(index);
        }

        @Override
        public int size() {
            return size;
        }
    }

    /** Analyses a batch as of {@code asOf} with the default segment map. */
    public static RfmAnalysis of(Transactions transactions, LocalDate asOf) {
        return of(transactions, asOf, SegmentMap.defaults());
    }

    /**
     * Analyses a batch as of {@code asOf} with the given segment map: the customers and values of
     * {@link RfmValues#from(Transactions, LocalDate)}, computed straight into primitive columns.
     */
    public static RfmAnalysis of(Transactions transactions, LocalDate asOf, SegmentMap segments) {
        if (transactions == null) {
            throw new ValidationException("transactions", "must not be null");
        }
        if (asOf == null) {
            throw new ValidationException("asOf", "must not be null");
        }
        if (segments == null) {
            throw new ValidationException("segments", "must not be null");
        }
        RfmValues.Columns columns = RfmValues.Columns.of(transactions, asOf.toEpochDay());
        int n = columns.customer().length;
        int[] rows = columns.customer();
        long[] rec = columns.recency();
        int[] freq = columns.frequency();
        long[] mon = columns.monetary();
        // higher is better for all three: the most recent buyer (fewest days) scores highest
        long[] key = new long[n];
        for (int i = 0; i < n; i++) {
            key[i] = -rec[i];
        }
        int[] r = QuantileScores.score(key, K);
        for (int i = 0; i < n; i++) {
            key[i] = freq[i];
        }
        int[] f = QuantileScores.score(key, K);
        int[] m = QuantileScores.score(mon, K);
        // customers are in key order, so a key is found by two binary searches
        ToIntFunction<String> indexOf = id -> {
            int c = Collections.binarySearch(transactions.customerIds(), id);
            return c < 0 ? -1 : Math.max(-1, Arrays.binarySearch(rows, c));
        };
        IntFunction<RfmValues> valuesAt = i -> new RfmValues(transactions.customerId(rows[i]), rec[i], freq[i],
                transactions.amountOf(mon[i]));
        return new RfmAnalysis(n, valuesAt, indexOf, r, f, m, segments);
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
        List<RfmValues> copy = List.copyOf(nonNull(values));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < copy.size(); i++) {
            if (index.putIfAbsent(copy.get(i).customerId(), i) != null) {
                throw new ValidationException("values", "must not repeat a customer");
            }
        }
        int[] r = QuantileScores.score(copy, Comparator.comparingLong(RfmValues::recencyDays).reversed(), K);
        int[] f = QuantileScores.score(copy, Comparator.comparingInt(RfmValues::frequency), K);
        int[] m = QuantileScores.score(copy, Comparator.comparing(RfmValues::monetary), K);
        return new RfmAnalysis(copy.size(), copy::get, id -> index.getOrDefault(id, -1), r, f, m, segments);
    }

    private static List<RfmValues> nonNull(List<RfmValues> values) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new ValidationException("values[" + i + "]", "must not be null");
            }
        }
        return values;
    }

    private RfmCustomer customerAt(int i) {
        int code = codes[i];
        RfmScore score = new RfmScore(code / (K * K) + 1, code / K % K + 1, code % K + 1);
        return new RfmCustomer(valuesAt.apply(i), score, segmentByCode[code]);
    }

    /**
     * @return every customer analysed, in the order of the input (customer key order for a batch);
     *         unmodifiable, each element built when it is read
     */
    public List<RfmCustomer> customers() {
        return customers;
    }

    /** @return the customer with this key, if analysed */
    public Optional<RfmCustomer> customer(String customerId) {
        if (customerId == null) {
            return Optional.empty();
        }
        int i = indexOf.applyAsInt(customerId);
        return i < 0 ? Optional.empty() : Optional.of(customerAt(i));
    }

    /** @return the number of customers per segment, largest first (ties by name); unmodifiable */
    public Map<String, Integer> segmentCounts() {
        return segmentCounts;
    }
}
