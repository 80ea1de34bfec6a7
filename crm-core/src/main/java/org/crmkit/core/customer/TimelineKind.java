package org.crmkit.core.customer;

/**
 * What a {@link TimelineEntry} records.
 *
 * @since 0.1
 */
public enum TimelineKind {
    /** The customer was registered. */
    REGISTERED,
    /** An interaction recorded by a department: a call, a visit, an e-mail exchange. */
    INTERACTION,
    /** Another staff member became responsible for the customer. */
    OWNER_REASSIGNED,
    /** The customer granted consent for a channel and purpose. */
    CONSENT_GRANTED,
    /** The customer withdrew consent for a channel and purpose. */
    CONSENT_WITHDRAWN,
    /** The relationship level changed. */
    RELATIONSHIP_LEVEL_CHANGED,
    /** The lifecycle stage changed. */
    LIFECYCLE_STAGE_CHANGED,
    /** A message was sent to the customer. */
    MESSAGE_SENT,
    /** A message was refused before sending, for lack of consent or of an address. */
    MESSAGE_REFUSED
}
