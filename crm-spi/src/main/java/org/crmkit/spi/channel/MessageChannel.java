package org.crmkit.spi.channel;

import java.util.Set;

/**
 * Sends outbound messages (e-mail, SMS, calls, letters, web notices) on behalf of the CRM.
 *
 * <p>An implementation is registered explicitly on the {@code Crm} builder. It must be
 * thread-safe. The domain checks consent before calling {@link #send}; a channel never sees a
 * message the customer did not consent to.
 *
 * @since 0.1
 */
public interface MessageChannel {

    /** @return the channel types this implementation can send on; never null or empty */
    Set<ChannelType> supportedTypes();

    /**
     * Sends a message, or hands it to a provider that will.
     *
     * <p>Idempotent by {@link OutboundMessage#messageId()}: sending a message whose id was already
     * sent delivers nothing new and returns the same receipt as the first time. A delivery that
     * fails for reasons of the recipient (a bounced address) is a {@link DeliveryStatus#FAILED}
     * receipt, not an exception.
     *
     * @param message the message; its type is one of {@link #supportedTypes()}; not null
     * @return the receipt; never null
     * @throws ChannelException if the channel itself is not working (provider down, wrong credentials),
     *                          or the message's type is not supported
     */
    DeliveryReceipt send(OutboundMessage message);
}
