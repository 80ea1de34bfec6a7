package org.crmkit.core.customer;

import java.util.Locale;

import org.crmkit.spi.ValidationException;

/**
 * Why the company contacts a customer; consent is given per channel and purpose. Purposes are
 * open-ended codes; the common ones are constants here. Immutable and thread-safe.
 *
 * @param code 1-32 upper-case letters, digits or '_', starting with a letter
 * @since 0.1
 */
public record Purpose(String code) {

    /** Offers, campaigns, newsletters. */
    public static final Purpose MARKETING = new Purpose("MARKETING");
    /** Service and support about what the customer bought. */
    public static final Purpose SERVICE = new Purpose("SERVICE");
    /** Satisfaction surveys and feedback requests. */
    public static final Purpose SURVEY = new Purpose("SURVEY");
    /** Order, delivery and account notices. */
    public static final Purpose TRANSACTIONAL = new Purpose("TRANSACTIONAL");

    public Purpose {
        if (code == null || code.isBlank()) {
            throw new ValidationException("purpose", "must not be blank", code);
        }
        if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
            throw new ValidationException("purpose",
                    "must be 1-32 upper-case letters, digits or '_', starting with a letter", code);
        }
    }

    /** Parses a purpose code, ignoring case and surrounding whitespace ('-' and ' ' read as '_'). */
    public static Purpose of(String code) {
        if (code == null || code.isBlank()) {
            throw new ValidationException("purpose", "must not be blank", code);
        }
        return new Purpose(code.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
    }

    @Override
    public String toString() {
        return code;
    }
}
