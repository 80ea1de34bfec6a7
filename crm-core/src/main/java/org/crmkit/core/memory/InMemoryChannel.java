package org.crmkit.core.memory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.channel.ChannelException;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.DeliveryReceipt;
import org.crmkit.spi.channel.DeliveryStatus;
import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.spi.channel.OutboundMessage;

/**
 * A {@link MessageChannel} that delivers nothing and remembers everything, for tests, labs and
 * examples.
 *
 * <p>Every message it is asked to send is recorded once, in the order first sent, and can be read
 * back with {@link #sent()}. A send answers with a {@link DeliveryStatus#DELIVERED} receipt stamped
 * with the time of the channel's clock, or a {@link DeliveryStatus#FAILED} one when the address
 * was {@linkplain #failFor(String) marked to fail}. Sending a message id again records nothing and
 * returns the first receipt. A message of a type the channel does not support is refused with a
 * {@link ChannelException} and not recorded.
 *
 * <p>This class is thread-safe.
 *
 * @since 0.1
 */
public final class InMemoryChannel implements MessageChannel {

    private final Clock clock;
    private final Set<ChannelType> supportedTypes;
    private final Object lock = new Object();
    // Guarded by lock.
    private final List<OutboundMessage> sent = new ArrayList<>();
    private final Map<UUID, DeliveryReceipt> receipts = new HashMap<>();
    private final Set<String> failingAddresses = new HashSet<>();

    private InMemoryChannel(Clock clock, Set<ChannelType> supportedTypes) {
        this.clock = clock;
        this.supportedTypes = supportedTypes;
    }

    /**
     * @return a channel supporting every {@link ChannelType}, stamping receipts with the system
     *         clock in UTC; never null
     */
    public static InMemoryChannel create() {
        return create(Clock.systemUTC());
    }

    /**
     * @param clock the clock receipts are stamped with; not null
     * @return a channel supporting every {@link ChannelType}; never null
     */
    public static InMemoryChannel create(Clock clock) {
        return create(clock, EnumSet.allOf(ChannelType.class));
    }

    /**
     * @param clock the clock receipts are stamped with; not null
     * @param types the types the channel supports; not null, not empty
     * @return a channel supporting {@code types} only; never null
     * @throws ValidationException if {@code types} is empty
     */
    public static InMemoryChannel create(Clock clock, Set<ChannelType> types) {
        Objects.requireNonNull(clock, "clock must not be null");
        Objects.requireNonNull(types, "types must not be null");
        if (types.isEmpty()) {
            throw new ValidationException("types", "must name at least one channel type");
        }
        return new InMemoryChannel(clock, Collections.unmodifiableSet(EnumSet.copyOf(types)));
    }

    /** @return the supported types, as given at creation; unmodifiable, never empty */
    @Override
    public Set<ChannelType> supportedTypes() {
        return supportedTypes;
    }

    /**
     * Records {@code message} and answers with a receipt, or returns the earlier receipt if a
     * message with the same id was sent before.
     *
     * @param message the message; not null
     * @return a {@link DeliveryStatus#DELIVERED} receipt, or {@link DeliveryStatus#FAILED} if the
     *         address was marked to fail; never null
     * @throws ChannelException if the message's type is not supported
     */
    @Override
    public DeliveryReceipt send(OutboundMessage message) {
        Objects.requireNonNull(message, "message must not be null");
        if (!supportedTypes.contains(message.channel())) {
            throw new ChannelException("in-memory channel does not support " + message.channel()
                    + "; it supports " + supportedTypes);
        }
        synchronized (lock) {
            DeliveryReceipt earlier = receipts.get(message.messageId());
            if (earlier != null) {
                return earlier;
            }
            boolean fails = failingAddresses.contains(message.address());
            DeliveryReceipt receipt = new DeliveryReceipt(message.messageId(),
                    fails ? DeliveryStatus.FAILED : DeliveryStatus.DELIVERED,
                    "in-memory-" + (sent.size() + 1), clock.instant(),
                    fails ? "the address was marked to fail" : null);
            receipts.put(message.messageId(), receipt);
            sent.add(message);
            return receipt;
        }
    }

    /**
     * Makes every later send to {@code address} (compared exactly) answer with a
     * {@link DeliveryStatus#FAILED} receipt, as a bounced address would. Messages already sent
     * keep their receipts.
     *
     * @param address the address; not null or blank
     */
    public void failFor(String address) {
        if (address == null || address.isBlank()) {
            throw new ValidationException("address", "must not be blank", address);
        }
        synchronized (lock) {
            failingAddresses.add(address);
        }
    }

    /**
     * @return every distinct message sent so far, delivered or failed, in the order first sent;
     *         an immutable snapshot, never null
     */
    public List<OutboundMessage> sent() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /**
     * @param messageId the message's id; not null
     * @return the receipt the message got, or empty if it was never sent
     */
    public Optional<DeliveryReceipt> receiptFor(UUID messageId) {
        Objects.requireNonNull(messageId, "messageId must not be null");
        synchronized (lock) {
            return Optional.ofNullable(receipts.get(messageId));
        }
    }
}
