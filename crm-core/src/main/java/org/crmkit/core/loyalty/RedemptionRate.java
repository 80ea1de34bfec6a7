package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

import org.crmkit.core.common.Money;
import org.crmkit.spi.ValidationException;

/**
 * What points are worth as cash: {@code points} points are worth {@code value} units of whatever
 * currency the cash is paid in (like {@link EarnRule}, any currency counts the same).
 * {@code RedemptionRate.of(100, "1.00")} makes 250 points worth {@code EUR 2.50}. Immutable and thread-safe.
 *
 * @param points how many points; at least 1
 * @param value  what they are worth in currency units; positive
 * @since 0.1
 */
public record RedemptionRate(long points, BigDecimal value) {

    public RedemptionRate {
        if (points < 1) {
            throw new ValidationException("rate.points", "must be at least 1", points);
        }
        if (value == null || value.signum() <= 0) {
            throw new ValidationException("rate.value", "must be positive", value);
        }
    }

    /** @return the rate {@code points} points = {@code value} (decimal text) currency units */
    public static RedemptionRate of(long points, String value) {
        try {
            return new RedemptionRate(points, value == null ? null : new BigDecimal(value.strip()));
        } catch (NumberFormatException e) {
            throw new ValidationException("rate.value", "must be a decimal number", value);
        }
    }

    /** @return the standard rate: 100 points = 1.00 */
    public static RedemptionRate standard() {
        return of(100, "1.00");
    }

    /**
     * @return what {@code points} are worth in {@code currency}: {@code points × value / this.points},
     *         rounded once half up to the currency's minor unit
     */
    public Money cashValue(long points, Currency currency) {
        if (points < 0) {
            throw new ValidationException("points", "must not be negative", points);
        }
        return Money.rounded(value.multiply(BigDecimal.valueOf(points))
                .divide(BigDecimal.valueOf(this.points), 12, RoundingMode.HALF_UP), currency);
    }

    /**
     * @param cash the cash wanted; positive
     * @return the points that buy it: {@code cash × points / value}, rounded up to a whole point
     *         (the member never gets more cash than the points pay for)
     * @throws ValidationException on {@code cash} if it is not positive
     */
    public long pointsFor(Money cash) {
        if (cash == null || cash.signum() <= 0) {
            throw new ValidationException("cash", "must be positive", cash);
        }
        try {
            return cash.amount().multiply(BigDecimal.valueOf(points)).divide(value, 0, RoundingMode.CEILING)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new ValidationException("cash", "must cost at most " + Long.MAX_VALUE + " points", cash);
        }
    }
}
