package org.crmkit.spi.storage;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import org.crmkit.spi.ValidationException;

/**
 * An e-mail address or phone number of a customer, in its normalised form.
 *
 * <p>Stores look customers up by {@link #value()} with exact, case-sensitive equality: the domain
 * has already normalised it (an e-mail's domain part lower-cased, a phone number in E.164 form).
 *
 * @param kind    {@code "EMAIL"} or {@code "PHONE"}
 * @param value   the normalised address or number; not blank, at most {@value #MAX_VALUE_LENGTH}
 *                characters (so that every store can index it)
 * @param label   a label such as {@code "work"}; may be null
 * @param primary whether this is the preferred point of its kind
 * @since 0.1
 */
public record ContactPointRecord(String kind, String value, String label, boolean primary) {

    /** Kind code of an e-mail address. */
    public static final String EMAIL = "EMAIL";
    /** Kind code of a phone number. */
    public static final String PHONE = "PHONE";

    /** The longest contact value a store must keep: an e-mail address is at most 254 characters. */
    public static final int MAX_VALUE_LENGTH = 320;

    public ContactPointRecord {
        notBlank(kind, "contactPoint.kind");
        if (!kind.equals(EMAIL) && !kind.equals(PHONE)) {
            throw new ValidationException("contactPoint.kind", "must be EMAIL or PHONE", kind);
        }
        notBlank(value, "contactPoint.value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new ValidationException("contactPoint.value", "must be at most " + MAX_VALUE_LENGTH + " characters");
        }
        nullOrNotBlank(label, "contactPoint.label");
    }
}
