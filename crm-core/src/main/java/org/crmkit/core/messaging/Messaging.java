package org.crmkit.core.messaging;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.customer.ContactDecision;
import org.crmkit.core.customer.Customers;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.channel.ChannelException;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.DeliveryReceipt;
import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.spi.channel.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to the customers of one tenant through the registered {@link MessageChannel}s,
 * checking consent first. Obtain it from {@code Crm.messaging(tenant)}.
 *
 * <p>A message goes out only if the customer's latest consent decision for exactly that channel
 * and purpose is a grant and the customer has an address for the channel
 * ({@link org.crmkit.core.customer.Customer#contactDecision}). Otherwise nothing is sent and the
 * refusal is recorded on the customer's timeline. A sent message is recorded there too, with the
 * channel's delivery status. The command is checked in full before anything is sent, and once a
 * message has been handed to the channel, {@code send} no longer throws: if the message cannot
 * be recorded on the timeline (the storage failed), the result says so
 * ({@link SendResult.Sent#recorded()}) and the failure is logged.
 *
 * <p>Consent is decided in one unit of work and the channel is called after it, outside any
 * transaction (a channel is not transactional). A withdrawal committed in that short window does
 * not stop the message already decided on; the withdrawal is on the timeline just before the
 * sent message, so the order of events stays auditable.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Messaging {

    private static final Logger LOG = LoggerFactory.getLogger(Messaging.class);

    private final Customers customers;
    private final Map<ChannelType, MessageChannel> channels;
    private final Clock clock;
    private final IdGenerator ids;

    /**
     * Normally called by {@code Crm}.
     *
     * @param customers the tenant's customers
     * @param channels  the channel registered for each type
     * @param clock     the source of time
     * @param ids       the source of message ids
     */
    public Messaging(Customers customers, Map<ChannelType, MessageChannel> channels, Clock clock, IdGenerator ids) {
        this.customers = Objects.requireNonNull(customers, "customers must not be null");
        this.channels = Map.copyOf(channels);
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
    }

    /**
     * Sends a message if the consent policy allows it.
     *
     * @param command what to send
     * @return {@link SendResult.Sent} with the channel's receipt, or {@link SendResult.Refused} saying why
     * @throws ValidationException                                 if the command is invalid
     * @throws org.crmkit.core.customer.NoSuchCustomerException    if the tenant has no such customer
     * @throws ChannelException                                    if no channel is registered for the
     *                                                             channel type, or the channel fails
     */
    public SendResult send(SendMessage command) {
        Objects.requireNonNull(command, "command must not be null");
        if (command.subject() == null || command.subject().isBlank()) {
            throw new ValidationException("subject", "must not be blank", command.subject());
        }
        if (command.subject().length() > SendMessage.MAX_SUBJECT) {
            throw new ValidationException("subject", "must be at most " + SendMessage.MAX_SUBJECT + " characters");
        }
        if (command.body() == null || command.body().isBlank()) {
            throw new ValidationException("body", "must not be blank", command.body());
        }
        if (command.body().length() > SendMessage.MAX_BODY) {
            throw new ValidationException("body", "must be at most " + SendMessage.MAX_BODY + " characters");
        }
        MessageChannel channel = command.channel().outboundType().map(channels::get).orElse(null);
        if (command.channel().isOutbound() && channel == null) {
            throw new ChannelException("no MessageChannel is registered for " + command.channel().name()
                    + "; register one with Crm.builder().channel(...)");
        }
        ContactDecision[] decision = new ContactDecision[1];
        customers.change(command.customerId(), c -> {
            decision[0] = c.contactDecision(command.channel(), command.purpose());
            if (decision[0] instanceof ContactDecision.Refused refused) {
                c.recordMessageRefused(refused, command.sentBy());
            }
        });
        if (decision[0] instanceof ContactDecision.Refused refused) {
            return new SendResult.Refused(refused);
        }
        ContactDecision.Allowed allowed = (ContactDecision.Allowed) decision[0];
        UUID messageId = ids.next();
        OutboundMessage message = new OutboundMessage(messageId, customers.tenant().value(),
                command.customerId().value(), command.channel().outboundType().orElseThrow(), allowed.address(),
                command.purpose().code(), command.subject(), command.body(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        DeliveryReceipt receipt = channel.send(message);
        if (receipt == null || !messageId.equals(receipt.messageId())) {
            throw new ChannelException("channel " + channel.getClass().getName()
                    + " broke its contract: the receipt must be for message " + messageId);
        }
        try {
            customers.change(command.customerId(), c -> c.recordMessageSent(messageId, command.channel(),
                    command.purpose(), command.subject(), receipt.status().name(), command.sentBy()));
        } catch (RuntimeException e) {
            // The message is out: reporting a failure now would invite a second send. Say it was
            // sent, and that it could not be put on the timeline.
            LOG.warn("Message {} to customer {} was sent but could not be recorded on the timeline",
                    messageId, command.customerId(), e);
            return new SendResult.Sent(messageId, receipt, false);
        }
        return new SendResult.Sent(messageId, receipt, true);
    }
}
