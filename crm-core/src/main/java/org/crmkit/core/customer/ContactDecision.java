package org.crmkit.core.customer;

import org.crmkit.core.common.Channel;

/**
 * Whether a customer may be contacted on a channel for a purpose, and why: the result of the
 * consent policy {@link Customer#contactDecision(Channel, Purpose)}.
 *
 * @since 0.1
 */
public sealed interface ContactDecision {

    /** @return the channel asked about */
    Channel channel();

    /** @return the purpose asked about */
    Purpose purpose();

    /** @return whether the contact is allowed */
    default boolean allowed() {
        return this instanceof Allowed;
    }

    /**
     * Contact is allowed, at {@code address}.
     *
     * @param address the normalised e-mail address, E.164 phone number, postal address, or customer id (web)
     */
    record Allowed(Channel channel, Purpose purpose, String address) implements ContactDecision {
    }

    /**
     * Contact is refused.
     *
     * @param reason      why, as a code
     * @param explanation why, in plain words
     */
    record Refused(Channel channel, Purpose purpose, Reason reason, String explanation) implements ContactDecision {
    }

    /** Why a contact was refused. */
    enum Reason {
        /** The customer never granted consent for this channel and purpose. */
        NO_CONSENT,
        /** The customer withdrew consent. */
        CONSENT_WITHDRAWN,
        /** The customer has no address for this channel. */
        NO_ADDRESS,
        /** Messages cannot be sent on this channel. */
        NOT_AN_OUTBOUND_CHANNEL
    }
}
