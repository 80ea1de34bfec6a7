package org.crmkit.core.loyalty;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.ValidationException;

/**
 * How many points a delivered order earns. Implementations must be thread-safe and return 0 or
 * more; 0 posts nothing.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface EarnRule {

    /**
     * @param order the delivered order; not null
     * @return the points it earns; at least 0
     */
    long pointsFor(DeliveredOrder order);

    /** @return the default rule: one point per whole currency unit of the order's total */
    static EarnRule standard() {
        return perWholeCurrencyUnit(1);
    }

    /**
     * {@code pointsPerUnit} points per whole currency unit of the order's total, rounded down
     * ({@code EUR 129.99} earns 129 points at one per unit); a total of zero or less earns none.
     * Any currency counts the same.
     *
     * @param pointsPerUnit at least 1
     * @return the rule
     * @throws ValidationException on {@code pointsPerUnit} if it is less than 1
     */
    static EarnRule perWholeCurrencyUnit(long pointsPerUnit) {
        if (pointsPerUnit < 1) {
            throw new ValidationException("pointsPerUnit", "must be at least 1", pointsPerUnit);
        }
        return order -> {
            BigDecimal whole = order.total().amount().setScale(0, RoundingMode.FLOOR);
            if (whole.signum() <= 0) {
                return 0;
            }
            try {
                return whole.multiply(BigDecimal.valueOf(pointsPerUnit)).longValueExact();
            } catch (ArithmeticException e) {
                throw new ValidationException("total", "must earn at most " + Long.MAX_VALUE + " points",
                        order.total());
            }
        };
    }
}
