package org.crmkit.core.sales.opportunity;

import java.time.Duration;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * The length of the sales cycle over won opportunities: from opening to winning. Immutable and
 * thread-safe.
 *
 * @param won   how many won opportunities were measured; not negative
 * @param total the sum of their cycles; zero if none; not negative
 * @since 0.1
 */
public record SalesCycle(long won, Duration total) {

    public SalesCycle {
        if (won < 0) {
            throw new ValidationException("won", "must not be negative", won);
        }
        Texts.notNull(total, "total");
        if (total.isNegative() || won == 0 && !total.isZero()) {
            throw new ValidationException("total", "must not be negative, and zero when nothing was won", total);
        }
    }

    /**
     * @return the mean cycle, total divided by the count, truncated to whole nanoseconds; empty if
     *         nothing was won
     */
    public Optional<Duration> average() {
        return won == 0 ? Optional.empty() : Optional.of(total.dividedBy(won));
    }
}
