package org.crmkit.core.analytics.abc;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One customer's place in an ABC analysis.
 *
 * <p>Immutable and thread-safe.
 *
 * @param customerId      the host's customer key
 * @param value           the customer's value, at least 0
 * @param rank            1 for the most valuable customer; ties are ranked by customer key
 * @param cumulativeShare the share of all value held by this customer and all ranked above, 0-1
 * @param abcClass        the class
 * @since 0.1
 */
public record AbcCustomer(String customerId, BigDecimal value, int rank, double cumulativeShare,
                          AbcClass abcClass) {

    /** Checks for nulls. */
    public AbcCustomer {
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(value, "value must not be null");
        Objects.requireNonNull(abcClass, "abcClass must not be null");
    }
}
