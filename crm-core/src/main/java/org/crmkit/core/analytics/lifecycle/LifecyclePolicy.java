package org.crmkit.core.analytics.lifecycle;

import java.math.BigDecimal;
import java.util.OptionalInt;

import org.crmkit.spi.ValidationException;

/**
 * The thresholds of the lifecycle classifier ({@link LifecycleClassifier}).
 *
 * <p>Defaults ({@link #defaults()}): a window of 91 days (13 weeks); exploration until the customer
 * has two repeat purchases; a growth band g = 0.2; decline when P(alive) is under 0.5; ended when
 * P(alive) is under 0.1; no inactivity rule.
 *
 * @param windowDays              the length of one window, in days; at least 1
 * @param minRepeatPurchases      a customer with fewer repeat purchase occasions is still exploring; >= 0
 * @param growth                  g: the latest window's spend must move by more than this share of the
 *                                trailing average to count as formation or decline; >= 0
 * @param declineBelowAlive       P(alive) under this means decline; in [0, 1]
 * @param endedBelowAlive         P(alive) under this means the relationship has ended; in [0, 1] and not
 *                                above {@code declineBelowAlive}
 * @param endedAfterInactiveDays  if present, a customer whose last purchase is at least this many days
 *                                before the as-of date has ended, whatever the model says; at least 1.
 *                                Useful when no model is fitted
 * @since 0.1
 */
public record LifecyclePolicy(int windowDays, int minRepeatPurchases, BigDecimal growth,
                              double declineBelowAlive, double endedBelowAlive, OptionalInt endedAfterInactiveDays) {

    /** Validates the thresholds. */
    public LifecyclePolicy {
        if (windowDays < 1) {
            throw new ValidationException("windowDays", "must be at least 1", windowDays);
        }
        if (minRepeatPurchases < 0) {
            throw new ValidationException("minRepeatPurchases", "must not be negative", minRepeatPurchases);
        }
        if (growth == null || growth.signum() < 0) {
            throw new ValidationException("growth", "must be >= 0", growth);
        }
        if (!(declineBelowAlive >= 0 && declineBelowAlive <= 1)) {
            throw new ValidationException("declineBelowAlive", "must lie in [0, 1]", declineBelowAlive);
        }
        if (!(endedBelowAlive >= 0 && endedBelowAlive <= declineBelowAlive)) {
            throw new ValidationException("endedBelowAlive", "must lie in [0, declineBelowAlive]", endedBelowAlive);
        }
        if (endedAfterInactiveDays == null) {
            throw new ValidationException("endedAfterInactiveDays", "must not be null (use OptionalInt.empty())");
        }
        if (endedAfterInactiveDays.isPresent() && endedAfterInactiveDays.getAsInt() < 1) {
            throw new ValidationException("endedAfterInactiveDays", "must be at least 1",
                    endedAfterInactiveDays.getAsInt());
        }
    }

    /** @return the default policy: 91-day window, 2 repeats, g = 0.2, decline under 0.5, ended under 0.1 */
    public static LifecyclePolicy defaults() {
        return new LifecyclePolicy(91, 2, new BigDecimal("0.2"), 0.5, 0.1, OptionalInt.empty());
    }

    /** @return this policy with another window length, in days */
    public LifecyclePolicy withWindowDays(int days) {
        return new LifecyclePolicy(days, minRepeatPurchases, growth, declineBelowAlive, endedBelowAlive,
                endedAfterInactiveDays);
    }

    /** @return this policy with another number of repeat purchases that ends exploration */
    public LifecyclePolicy withMinRepeatPurchases(int repeats) {
        return new LifecyclePolicy(windowDays, repeats, growth, declineBelowAlive, endedBelowAlive,
                endedAfterInactiveDays);
    }

    /** @return this policy with another growth band g (taken as its shortest decimal form) */
    public LifecyclePolicy withGrowth(double g) {
        if (!Double.isFinite(g)) {
            throw new ValidationException("growth", "must be finite", g);
        }
        return withGrowth(BigDecimal.valueOf(g));
    }

    /** @return this policy with another growth band g */
    public LifecyclePolicy withGrowth(BigDecimal g) {
        return new LifecyclePolicy(windowDays, minRepeatPurchases, g, declineBelowAlive, endedBelowAlive,
                endedAfterInactiveDays);
    }

    /** @return this policy with other P(alive) thresholds for decline and for ended */
    public LifecyclePolicy withAliveThresholds(double declineBelow, double endedBelow) {
        return new LifecyclePolicy(windowDays, minRepeatPurchases, growth, declineBelow, endedBelow,
                endedAfterInactiveDays);
    }

    /** @return this policy with the inactivity rule: ended once the last purchase is {@code days} old */
    public LifecyclePolicy withEndedAfterInactiveDays(int days) {
        return new LifecyclePolicy(windowDays, minRepeatPurchases, growth, declineBelowAlive, endedBelowAlive,
                OptionalInt.of(days));
    }
}
