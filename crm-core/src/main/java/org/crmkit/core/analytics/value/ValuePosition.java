package org.crmkit.core.analytics.value;

import org.crmkit.spi.ValidationException;

/**
 * One customer's place in the value matrix: its current value (for example its net spend or profit
 * in the last period) and its potential value (for example its predicted lifetime value from
 * {@link org.crmkit.core.analytics.clv.LifetimeValue}), in one money unit.
 *
 * @param customerId the host's customer key; not blank
 * @param current    the current value; finite
 * @param potential  the potential value; finite
 * @since 0.1
 */
public record ValuePosition(String customerId, double current, double potential) {

    /** Validates the position. */
    public ValuePosition {
        if (customerId == null || customerId.isBlank()) {
            throw new ValidationException("customerId", "must not be blank", customerId);
        }
        if (!Double.isFinite(current)) {
            throw new ValidationException("current", "must be finite", current);
        }
        if (!Double.isFinite(potential)) {
            throw new ValidationException("potential", "must be finite", potential);
        }
    }
}
