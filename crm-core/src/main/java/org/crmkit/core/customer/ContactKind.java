package org.crmkit.core.customer;

/**
 * The kinds of electronic contact point a customer has. Postal addresses are kept apart, as
 * {@link PostalAddress}.
 *
 * @since 0.1
 */
public enum ContactKind {
    /** An {@link EmailAddress}. */
    EMAIL,
    /** A {@link PhoneNumber}. */
    PHONE
}
