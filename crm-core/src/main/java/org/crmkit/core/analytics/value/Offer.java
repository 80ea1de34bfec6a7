package org.crmkit.core.analytics.value;

import org.crmkit.spi.ValidationException;

/**
 * One offer a customer may choose: its name, what it is worth to the customer and what it costs them.
 *
 * @param name  the offer's name; not blank
 * @param value the total customer value
 * @param cost  the total customer cost
 * @since 0.1
 */
public record Offer(String name, TotalCustomerValue value, TotalCustomerCost cost) {

    /** Validates the offer. */
    public Offer {
        if (name == null || name.isBlank()) {
            throw new ValidationException("name", "must not be blank", name);
        }
        if (value == null) {
            throw new ValidationException("value", "must not be null");
        }
        if (cost == null) {
            throw new ValidationException("cost", "must not be null");
        }
    }
}
