package org.crmkit.core.sales.quote;

import java.math.BigDecimal;

import org.crmkit.spi.ValidationException;

/** Checks and normalises the decimals of quotes: quantities and percentages. Not API. */
final class Decimals {
    static final int MAX_PERCENT_SCALE = 4;
    static final int MAX_QUANTITY_SCALE = 6;
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");

    private Decimals() {
    }

    /** Strips trailing zeros but never writes an exponent: 10.00 becomes 10, 12.50 becomes 12.5. */
    static BigDecimal normalise(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** A percentage from 0 to 100 with at most four fraction digits, normalised. */
    static BigDecimal percent(BigDecimal value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        BigDecimal v = normalise(value);
        if (v.signum() < 0 || v.compareTo(HUNDRED) > 0) {
            throw new ValidationException(field, "must be from 0 to 100 percent", value.toPlainString());
        }
        if (v.scale() > MAX_PERCENT_SCALE) {
            throw new ValidationException(field, "must have at most " + MAX_PERCENT_SCALE + " fraction digits",
                    value.toPlainString());
        }
        return v;
    }

    /** A positive quantity of at most a billion with at most six fraction digits, normalised. */
    static BigDecimal quantity(BigDecimal value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        BigDecimal v = normalise(value);
        if (v.signum() <= 0) {
            throw new ValidationException(field, "must be positive", value.toPlainString());
        }
        if (v.compareTo(MAX_QUANTITY) > 0) {
            throw new ValidationException(field, "must be at most " + MAX_QUANTITY, value.toPlainString());
        }
        if (v.scale() > MAX_QUANTITY_SCALE) {
            throw new ValidationException(field, "must have at most " + MAX_QUANTITY_SCALE + " fraction digits",
                    value.toPlainString());
        }
        return v;
    }

    static BigDecimal parse(String text, String field) {
        if (text == null) {
            throw new ValidationException(field, "must not be null");
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new ValidationException(field, "must be a decimal number", text);
        }
    }
}
