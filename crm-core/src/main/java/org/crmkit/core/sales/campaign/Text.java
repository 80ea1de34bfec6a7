package org.crmkit.core.sales.campaign;

import org.crmkit.spi.ValidationException;

/** Text checks for campaigns. Not API. */
final class Text {
    private Text() {
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
}
