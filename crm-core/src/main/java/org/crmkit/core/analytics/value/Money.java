package org.crmkit.core.analytics.value;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/** Checks shared by the value records. */
final class Money {

    private Money() {
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
