package org.crmkit.core.loyalty;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.crmkit.spi.ValidationException;

/**
 * The number of a club member card: one card across every store and channel (domain §8, the
 * Suning case). Immutable and thread-safe.
 *
 * @param value 4 to 40 upper-case letters, digits or '-', starting with a letter or digit
 * @since 0.1
 */
public record CardNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{3,39}");

    public CardNumber {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new ValidationException("cardNumber",
                    "must be 4 to 40 upper-case letters, digits or '-', starting with a letter or digit", value);
        }
    }

    /** @return the card number, upper-cased and stripped first */
    public static CardNumber parse(String text) {
        return new CardNumber(text == null ? null : text.strip().toUpperCase(Locale.ROOT));
    }

    /** @return a card number made from the random part of {@code seed}: {@code "CLUB-"} and 16 hex digits */
    static CardNumber from(UUID seed) {
        return new CardNumber("CLUB-" + String.format(Locale.ROOT, "%016X", seed.getLeastSignificantBits()));
    }

    @Override
    public String toString() {
        return value;
    }
}
