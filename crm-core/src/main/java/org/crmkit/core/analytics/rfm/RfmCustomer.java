package org.crmkit.core.analytics.rfm;

import java.util.Objects;

/**
 * One customer's RFM values, scores and segment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param values  the raw values; not null
 * @param score   the scores; not null
 * @param segment the segment's name; not null
 * @since 0.1
 */
public record RfmCustomer(RfmValues values, RfmScore score, String segment) {

    /** Checks for nulls. */
    public RfmCustomer {
        Objects.requireNonNull(values, "values must not be null");
        Objects.requireNonNull(score, "score must not be null");
        Objects.requireNonNull(segment, "segment must not be null");
    }

    /** @return the customer's key */
    public String customerId() {
        return values.customerId();
    }
}
