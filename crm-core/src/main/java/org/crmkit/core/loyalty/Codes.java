package org.crmkit.core.loyalty;

import java.util.Locale;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/** Checks of the short codes of the club (channels, stores, partners, tiers). Not API. */
final class Codes {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9._-]{0,39}");

    private Codes() {
    }

    /** @return {@code text} stripped and upper-cased; 1 to 40 letters, digits, '.', '_' or '-' */
    static String code(String text, String field) {
        String v = text == null ? null : text.strip().toUpperCase(Locale.ROOT);
        if (v == null || !CODE.matcher(v).matches()) {
            throw new ValidationException(field,
                    "must be 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit", text);
        }
        return v;
    }

    /** @return null for null, otherwise {@link #code} */
    static String codeOrNull(String text, String field) {
        return text == null ? null : code(text, field);
    }

    static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
