package org.crmkit.core.messaging;

import java.util.UUID;

import org.crmkit.core.customer.ContactDecision;
import org.crmkit.spi.channel.DeliveryReceipt;

/**
 * What became of a {@link SendMessage}: sent, with the channel's receipt, or refused by the
 * consent policy. Both are recorded on the customer's timeline.
 *
 * @since 0.1
 */
public sealed interface SendResult {

    /** @return whether the message was handed to a channel */
    default boolean sent() {
        return this instanceof Sent;
    }

    /**
     * The message was handed to the channel.
     *
     * @param messageId the message's id
     * @param receipt   the channel's receipt (which may itself say the delivery failed)
     * @param recorded  whether the sent message is on the customer's timeline; false only if the
     *                  storage failed after the message went out (the failure is logged)
     */
    record Sent(UUID messageId, DeliveryReceipt receipt, boolean recorded) implements SendResult {
    }

    /**
     * The message was not sent.
     *
     * @param refusal why
     */
    record Refused(ContactDecision.Refused refusal) implements SendResult {
    }
}
