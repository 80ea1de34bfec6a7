package org.crmkit.core.sales.lead;

/**
 * Why an existing customer matches a lead.
 *
 * @since 0.1
 */
public enum MatchReason {
    /** The customer has the lead's normalised e-mail address. */
    EMAIL,
    /** The customer has the lead's phone number (E.164). */
    PHONE,
    /** The customer is an organisation with the lead's organisation name (ignoring case and surrounding spaces). */
    ORGANISATION
}
