package org.crmkit.core.customer;

import org.crmkit.spi.ValidationException;

/**
 * A phone number in its one canonical form, E.164: a '+', the country calling code, and the
 * national significant number, digits only ({@code +8613812345678}). Immutable and thread-safe.
 *
 * <p>{@link #parse(String)} accepts international input ({@code +86 138-1234-5678},
 * {@code 0086 13812345678}, {@code (+44) 20 7946 0958}); spaces, hyphens, dots, slashes and
 * parentheses are ignored, and so is a trunk prefix written in brackets after the country code
 * ({@code +44 (0)20 7946 0958} is {@code +442079460958}). {@link #parse(String, int)} also accepts
 * national input and adds the
 * given country calling code, dropping the national trunk prefix (a leading {@code 0}, or a
 * leading {@code 1} for the North American plan, code 1; Italy, code 39, keeps its leading 0).
 * Only the shape is checked (7 to 15 digits, no leading zero in the country code), not whether a
 * number is assigned: that needs the numbering plans of every country.
 *
 * @param value the E.164 form
 * @since 0.1
 */
public record PhoneNumber(String value) {

    private static final java.util.regex.Pattern TRUNK_ZERO = java.util.regex.Pattern.compile("\\(\\s*0\\s*\\)");

    /** Validates {@code value}, which must already be in E.164 form; prefer {@link #parse}. */
    public PhoneNumber {
        if (value == null) {
            throw new ValidationException("phone", "must not be null");
        }
        if (!value.matches("\\+[1-9][0-9]{6,14}")) {
            throw new ValidationException("phone", "must be in E.164 form, '+' and 7-15 digits (use PhoneNumber.parse)",
                    value);
        }
    }

    /**
     * Parses a number in international form ({@code +} or {@code 00} before the country code).
     *
     * @throws ValidationException on field {@code phone} if the text is not such a number
     */
    public static PhoneNumber parse(String text) {
        return parse(text, 0, "phone");
    }

    /**
     * Parses a number in international or national form.
     *
     * @param text               the number as typed
     * @param defaultCountryCode the country calling code for national numbers, 1-999 (86 for China)
     * @throws ValidationException on field {@code phone} if the text is not a valid number
     */
    public static PhoneNumber parse(String text, int defaultCountryCode) {
        if (defaultCountryCode < 1 || defaultCountryCode > 999) {
            throw new ValidationException("defaultCountryCode", "must be between 1 and 999", defaultCountryCode);
        }
        return parse(text, defaultCountryCode, "phone");
    }

    /** Same as {@link #parse(String, int)}, naming {@code field} in errors; 0 means international only. */
    static PhoneNumber parse(String text, int defaultCountryCode, String field) {
        if (text == null) {
            throw new ValidationException(field, "must not be null");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new ValidationException(field, "must not be blank", text);
        }
        if (s.startsWith("+") || s.startsWith("00")) {
            // "+44 (0)20 7946 0958": the bracketed 0 is the national trunk prefix, dialled only
            // from inside the country, so it is not part of the international number.
            s = TRUNK_ZERO.matcher(s).replaceFirst(" ");
        }
        StringBuilder digits = new StringBuilder(16);
        boolean plus = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '\u00a0') {
                continue;
            } else {
                throw new ValidationException(field,
                        "must contain only digits, '+', spaces, '-', '.', '/' and parentheses", text);
            }
        }
        String international;
        if (plus) {
            international = digits.toString();
        } else if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            international = digits.substring(2);
        } else if (defaultCountryCode == 0) {
            throw new ValidationException(field,
                    "must be in international form, starting with '+' or '00' and the country code", text);
        } else {
            String national = digits.toString();
            if (defaultCountryCode == 1 && national.length() == 11 && national.charAt(0) == '1') {
                national = national.substring(1);
            } else if (defaultCountryCode != 39 && national.startsWith("0")) {
                national = national.substring(1);
            }
            international = defaultCountryCode + national;
        }
        if (international.isEmpty() || international.charAt(0) == '0') {
            throw new ValidationException(field, "must have a country code that does not start with 0", text);
        }
        if (international.length() < 7 || international.length() > 15) {
            throw new ValidationException(field, "must have 7-15 digits including the country code", text);
        }
        return new PhoneNumber("+" + international);
    }

    @Override
    public String toString() {
        return value;
    }
}
