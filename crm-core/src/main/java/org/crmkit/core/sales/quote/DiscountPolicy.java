package org.crmkit.core.sales.quote;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a line discount needs a manager's approval: a discount strictly above
 * {@code thresholdPercent} does. A quote keeps the threshold it was drafted (or revised) with, so
 * that changing the policy later does not change the rules for quotes already in progress.
 * Immutable and thread-safe.
 *
 * @param thresholdPercent the largest discount in percent that needs no approval, from 0 to 100
 * @since 0.1
 */
public record DiscountPolicy(BigDecimal thresholdPercent) {

    /** The default threshold: 10%. */
    public static final BigDecimal DEFAULT_THRESHOLD_PERCENT = BigDecimal.TEN;

    public DiscountPolicy {
        thresholdPercent = Decimals.percent(thresholdPercent, "thresholdPercent");
    }

    /** @return the policy with the default threshold, 10% */
    public static DiscountPolicy defaults() {
        return new DiscountPolicy(DEFAULT_THRESHOLD_PERCENT);
    }

    /** @return the policy with that threshold, given as decimal text such as {@code "12.5"} */
    public static DiscountPolicy threshold(String percent) {
        return new DiscountPolicy(Decimals.parse(percent, "thresholdPercent"));
    }

    /**
     * @param discountPercent a line discount in percent; not null
     * @return true if that discount needs approval
     */
    public boolean requiresApproval(BigDecimal discountPercent) {
        Objects.requireNonNull(discountPercent, "discountPercent must not be null");
        return discountPercent.compareTo(thresholdPercent) > 0;
    }
}
