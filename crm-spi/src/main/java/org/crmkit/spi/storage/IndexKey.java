package org.crmkit.spi.storage;

import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * One key a stored record can be found by, for example {@code ("customerId", "0190…")} or
 * {@code ("status", "QUALIFIED")}. Values are compared exactly (case-sensitively); the domain
 * normalises them before they get here.
 *
 * @param name  the key's name: a letter, then up to 39 letters or digits
 * @param value the key's value: not blank, at most {@value #MAX_VALUE_LENGTH} characters
 * @since 0.1
 */
public record IndexKey(String name, String value) {

    /** The longest value a store must index. */
    public static final int MAX_VALUE_LENGTH = 400;

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,39}");

    public IndexKey {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ValidationException("indexKey.name", "must be a letter followed by up to 39 letters or digits", name);
        }
        if (value == null || value.isBlank()) {
            throw new ValidationException("indexKey." + name, "must not be blank", value);
        }
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new ValidationException("indexKey." + name, "must be at most " + MAX_VALUE_LENGTH + " characters",
                    value.length());
        }
    }

    /** @return the key, or null when {@code value} is null (a key that is not set is not indexed) */
    public static IndexKey ofNullable(String name, Object value) {
        return value == null ? null : new IndexKey(name, value.toString());
    }
}
