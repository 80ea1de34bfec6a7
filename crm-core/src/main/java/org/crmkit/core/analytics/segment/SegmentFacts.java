package org.crmkit.core.analytics.segment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.crmkit.core.analytics.CustomerBaseAnalysis;
import org.crmkit.core.analytics.lifecycle.LifecycleClassification;
import org.crmkit.core.customer.Attribute;
import org.crmkit.core.customer.AttributeValue;
import org.crmkit.core.customer.Customer;
import org.crmkit.spi.ValidationException;

/**
 * What segment rules can see of one customer: named, typed values. Immutable and thread-safe.
 *
 * <p>Field names (see {@link SegmentRule}) are a namespace, a dot and a name:
 * <ul>
 *   <li>{@code external.*}, {@code internal.*}, {@code consumption.*}: the customer's
 *       {@link Attribute}s by category, such as {@code external.region};</li>
 *   <li>{@code customer.*}: the customer record: {@code customer.type}, {@code customer.lifecycleStage},
 *       {@code customer.relationshipLevel} (enum names as text) and {@code customer.createdAt} (timestamp);</li>
 *   <li>{@code score.*}: computed scores the caller or the analytics fill in; {@link #scoresOf} gives the
 *       standard names ({@link #RFM_SEGMENT}, {@link #ABC_CLASS}, {@link #CLV}, ...).</li>
 * </ul>
 *
 * @param customerId the customer the facts are about, as the analytics name customers; 1-200 characters
 * @param values     the values by field name; every name valid; not null
 * @since 0.1
 */
public record SegmentFacts(String customerId, Map<String, AttributeValue> values) {

    /** {@code score.rfm.recency}: the RFM recency score 1-5 (number). */
    public static final String RFM_RECENCY = "score.rfm.recency";
    /** {@code score.rfm.frequency}: the RFM frequency score 1-5 (number). */
    public static final String RFM_FREQUENCY = "score.rfm.frequency";
    /** {@code score.rfm.monetary}: the RFM monetary score 1-5 (number). */
    public static final String RFM_MONETARY = "score.rfm.monetary";
    /** {@code score.rfm.code}: the RFM score as three digits, such as "545" (text). */
    public static final String RFM_CODE = "score.rfm.code";
    /** {@code score.rfm.segment}: the RFM segment's name, such as "Champions" (text). */
    public static final String RFM_SEGMENT = "score.rfm.segment";
    /** {@code score.abc.class}: the ABC class "A", "B" or "C" (text). */
    public static final String ABC_CLASS = "score.abc.class";
    /** {@code score.clv}: the predicted lifetime value (number). */
    public static final String CLV = "score.clv";
    /** {@code score.probabilityAlive}: P(alive) between 0 and 1 (number). */
    public static final String PROBABILITY_ALIVE = "score.probabilityAlive";
    /** {@code score.expectedPurchases}: purchases expected over the CLV horizon (number). */
    public static final String EXPECTED_PURCHASES = "score.expectedPurchases";
    /** {@code score.frequency}: repeat purchases in the calibration period (number). */
    public static final String FREQUENCY = "score.frequency";
    /** {@code score.netSpend}: net spend up to the calibration end (number). */
    public static final String NET_SPEND = "score.netSpend";
    /** {@code score.lifecycle.stage}: the classified lifecycle stage, such as "STABILITY" (text). */
    public static final String LIFECYCLE_STAGE = "score.lifecycle.stage";

    /** Validates and copies; the map is sorted by field name. */
    public SegmentFacts {
        if (customerId == null || customerId.isBlank() || customerId.length() > 200) {
            throw new ValidationException("customerId", "must be 1-200 characters and not blank", customerId);
        }
        if (values == null) {
            throw new ValidationException("values", "must not be null");
        }
        Map<String, AttributeValue> copy = new TreeMap<>();
        for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
            Fields.check(e.getKey(), "values");
            if (e.getValue() == null) {
                throw new ValidationException("values." + e.getKey(), "must not be null");
            }
            copy.put(e.getKey(), e.getValue());
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** @return facts with no values yet */
    public static SegmentFacts of(String customerId) {
        return new SegmentFacts(customerId, Map.of());
    }

    /**
     * The facts of a customer record: every attribute under its category's namespace, and the
     * {@code customer.*} fields. Scores are added with {@link #withAll(Map)}.
     *
     * @param customer the customer; not null
     * @return the facts, keyed by the customer id's text
     */
    public static SegmentFacts of(Customer customer) {
        if (customer == null) {
            throw new ValidationException("customer", "must not be null");
        }
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        for (Attribute a : customer.attributes()) {
            v.put(a.category().name().toLowerCase(Locale.ROOT) + "." + a.name(), a.value());
        }
        v.put("customer.type", AttributeValue.of(customer.type().name()));
        v.put("customer.lifecycleStage", AttributeValue.of(customer.lifecycleStage().name()));
        v.put("customer.relationshipLevel", AttributeValue.of(customer.relationshipLevel().name()));
        v.put("customer.createdAt", AttributeValue.of(customer.createdAt()));
        return new SegmentFacts(customer.id().toString(), v);
    }

    /**
     * The standard scores of one customer of a {@link CustomerBaseAnalysis}: RFM code and segment, ABC
     * class, lifetime value, probability alive, expected purchases, frequency and net spend.
     *
     * @param row the customer's row; not null
     * @return the scores by field name
     */
    public static Map<String, AttributeValue> scoresOf(CustomerBaseAnalysis.CustomerRow row) {
        if (row == null) {
            throw new ValidationException("row", "must not be null");
        }
        Map<String, AttributeValue> v = new LinkedHashMap<>();
        String code = row.rfmCode();
        v.put(RFM_CODE, AttributeValue.of(code));
        if (code.length() == 3 && code.chars().allMatch(Character::isDigit)) {
            v.put(RFM_RECENCY, AttributeValue.of(code.charAt(0) - '0'));
            v.put(RFM_FREQUENCY, AttributeValue.of(code.charAt(1) - '0'));
            v.put(RFM_MONETARY, AttributeValue.of(code.charAt(2) - '0'));
        }
        v.put(RFM_SEGMENT, AttributeValue.of(row.rfmSegment()));
        v.put(ABC_CLASS, AttributeValue.of(row.abcClass().name()));
        v.put(CLV, number(row.lifetimeValue()));
        v.put(PROBABILITY_ALIVE, number(row.probabilityAlive()));
        v.put(EXPECTED_PURCHASES, number(row.expectedPurchases()));
        v.put(FREQUENCY, AttributeValue.of(row.frequency()));
        v.put(NET_SPEND, AttributeValue.of(row.netSpend()));
        return v;
    }

    /**
     * The lifecycle score of one classification.
     *
     * @param classification the classification; not null
     * @return {@link #LIFECYCLE_STAGE} with the stage's name
     */
    public static Map<String, AttributeValue> scoresOf(LifecycleClassification classification) {
        if (classification == null) {
            throw new ValidationException("classification", "must not be null");
        }
        return Map.of(LIFECYCLE_STAGE, AttributeValue.of(classification.stage().name()));
    }

    private static AttributeValue number(double d) {
        if (!Double.isFinite(d)) {
            throw new ValidationException("score", "must be a finite number", d);
        }
        return AttributeValue.of(BigDecimal.valueOf(d));
    }

    /** @return the value of a field, if the customer has it */
    public Optional<AttributeValue> get(String field) {
        return Optional.ofNullable(values.get(field));
    }

    /** @return a copy with {@code field} set to {@code value} */
    public SegmentFacts with(String field, AttributeValue value) {
        Map<String, AttributeValue> v = new TreeMap<>(values);
        v.put(field, value);
        return new SegmentFacts(customerId, v);
    }

    /** @return a copy with every entry of {@code more} set, replacing values of the same field */
    public SegmentFacts withAll(Map<String, AttributeValue> more) {
        Map<String, AttributeValue> v = new TreeMap<>(values);
        v.putAll(more);
        return new SegmentFacts(customerId, v);
    }

    /** @return a copy without {@code field} */
    public SegmentFacts without(String field) {
        Map<String, AttributeValue> v = new TreeMap<>(values);
        v.remove(field);
        return new SegmentFacts(customerId, v);
    }
}
