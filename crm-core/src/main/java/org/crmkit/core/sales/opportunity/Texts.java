package org.crmkit.core.sales.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/** Argument checks shared by the opportunity model. Not API. */
final class Texts {

    /** Probabilities keep two fraction digits: whole percents, as 0.00 to 1.00. */
    static final int PROBABILITY_SCALE = 2;
    static final BigDecimal CERTAIN = BigDecimal.ONE.setScale(PROBABILITY_SCALE);
    static final BigDecimal NEVER = BigDecimal.ZERO.setScale(PROBABILITY_SCALE);

    private Texts() {
    }

    /** Strips surrounding whitespace; refuses null, blank, or longer than {@code max} characters. */
    static String required(String value, String field, int max) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        String s = value.strip();
        if (s.isEmpty()) {
            throw new ValidationException(field, "must not be blank", value);
        }
        if (s.codePointCount(0, s.length()) > max) {
            throw new ValidationException(field, "must be at most " + max + " characters", value);
        }
        return s;
    }

    /** Like {@link #required}, but null stays null. */
    static String optional(String value, String field, int max) {
        return value == null ? null : required(value, field, max);
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }

    static StaffId staff(StaffId value, String field) {
        return notNull(value, field);
    }

    /**
     * @return {@code p} with exactly two fraction digits
     * @throws ValidationException on {@code field} if null, outside 0..1 or finer than a whole percent
     */
    static BigDecimal probability(BigDecimal p, String field) {
        notNull(p, field);
        if (p.signum() < 0 || p.compareTo(BigDecimal.ONE) > 0) {
            throw new ValidationException(field, "must be between 0 and 1", p.toPlainString());
        }
        if (p.stripTrailingZeros().scale() > PROBABILITY_SCALE) {
            throw new ValidationException(field, "must have at most " + PROBABILITY_SCALE
                    + " fraction digits (whole percents)", p.toPlainString());
        }
        return p.setScale(PROBABILITY_SCALE, RoundingMode.UNNECESSARY);
    }
}
