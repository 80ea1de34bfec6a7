package org.crmkit.core.customer;

/**
 * Whether a customer agreed to be contacted on a channel for a purpose.
 *
 * @since 0.1
 */
public enum ConsentStatus {
    /** No decision recorded: the customer may not be contacted. */
    NONE,
    /** Consent given and in force. */
    GRANTED,
    /** Consent withdrawn: the customer may not be contacted. */
    WITHDRAWN
}
