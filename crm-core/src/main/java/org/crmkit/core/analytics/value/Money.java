package org.crmkit.core.analytics.value;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/** Checks shared by the value records. */
final class Money {

    private Money() {
    }

    /** Parses decimal text, refusing anything else with a ValidationException naming the field. */
    static BigDecimal parse(String field, String text) {
        if (text == null) {
            throw new org.crmkit.spi.ValidationException(field, "must not be null");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new org.crmkit.spi.ValidationException(field, "must be a decimal number", text);
        }
    }

    static void nonNegative(String field, BigDecimal amount) {
        if (amount == null) {
            throw new ValidationException(field, "must not be null");
        }
        if (amount.signum() < 0) {
            throw new ValidationException(field, "must be >= 0", amount.toPlainString());
        }
    }
}
