package org.crmkit.core.customer;

import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * An e-mail address or phone number of a customer, its value normalised
 * ({@link EmailAddress}, {@link PhoneNumber} in E.164). Immutable and thread-safe.
 *
 * @param kind    e-mail or phone
 * @param value   the normalised value
 * @param label   a label such as {@code "work"}; may be null
 * @param primary whether this is the preferred point of its kind
 * @since 0.1
 */
public record ContactPoint(ContactKind kind, String value, String label, boolean primary) {

    /** Validates and normalises; a phone number must be in international form here. */
    public ContactPoint {
        if (kind == null) {
            throw new ValidationException("contactPoint.kind", "must not be null");
        }
        value = switch (kind) {
            case EMAIL -> EmailAddress.parse(value).value();
            case PHONE -> PhoneNumber.parse(value).value();
        };
        label = Texts.optional(label, "contactPoint.label", 100);
    }

    /** @return a contact point for an e-mail address */
    public static ContactPoint email(EmailAddress email, String label, boolean primary) {
        return new ContactPoint(ContactKind.EMAIL, email.value(), label, primary);
    }

    /** @return a contact point for a phone number */
    public static ContactPoint phone(PhoneNumber phone, String label, boolean primary) {
        return new ContactPoint(ContactKind.PHONE, phone.value(), label, primary);
    }

    /** @return the e-mail address, if this is one */
    public Optional<EmailAddress> emailAddress() {
        return kind == ContactKind.EMAIL ? Optional.of(new EmailAddress(value)) : Optional.empty();
    }

    /** @return the phone number, if this is one */
    public Optional<PhoneNumber> phoneNumber() {
        return kind == ContactKind.PHONE ? Optional.of(new PhoneNumber(value)) : Optional.empty();
    }

    /** @return this contact point marked primary or not */
    public ContactPoint withPrimary(boolean isPrimary) {
        return new ContactPoint(kind, value, label, isPrimary);
    }
}
