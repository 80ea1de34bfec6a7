package org.crmkit.tck.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.crmkit.spi.channel.ChannelException;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.DeliveryReceipt;
import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.spi.channel.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every {@link MessageChannel} implementation must pass: it names the types it
 * supports, answers every send with a receipt for that message, is idempotent by message id (also
 * when the same message is sent from several threads at once), and refuses unsupported types with
 * a {@link ChannelException}.
 *
 * <p>A vendor uses it by extending it in the adapter's test sources:
 * <pre>{@code
 * class SmsGatewayChannelTest extends MessageChannelContract {
 *     @Override
 *     protected MessageChannel channel() {
 *         return SmsGatewayChannel.create(sandboxCredentials());
 *     }
 *
 *     @Override
 *     protected String addressFor(ChannelType type) {
 *         return "+15005550006"; // the provider's test number that always succeeds
 *     }
 * }
 * }</pre>
 * The channel should be a sandbox or test double: the contract really sends messages. Every
 * message it sends has a fresh random id, so the contract may run against the same channel (or the
 * same provider account) any number of times.
 *
 * @since 0.1
 */
public abstract class MessageChannelContract {

    private static final long WAIT_SECONDS = 20;

    /**
     * The channel under test. May return the same instance for every call and every test.
     *
     * @return the channel; never null
     */
    protected abstract MessageChannel channel();

    /**
     * A valid address the channel can deliver to for {@code type}. Override it when the channel
     * needs particular addresses, such as a provider's test numbers. The default gives an e-mail
     * address at {@code example.com}, a phone number in E.164 form from a range reserved for
     * fiction, a postal address on several lines, and a web account id.
     *
     * <p>It is asked for unsupported types too, to build the messages the channel must refuse.
     *
     * @param type the channel type; not null
     * @return the address; never null or blank
     */
    protected String addressFor(ChannelType type) {
        return switch (type) {
            case EMAIL -> "tck-recipient@example.com";
            case SMS, PHONE -> "+447700900123";
            case LETTER -> "Tck Recipient\n1 Example Street\n10115 Berlin\nDE";
            case WEB -> "web-account-tck-1";
        };
    }

    /**
     * A message of {@code type} to {@link #addressFor(ChannelType)} with a fresh id. Override to
     * adjust other fields a channel needs.
     *
     * @param type the channel type; not null
     * @return a new message; never null
     */
    protected OutboundMessage messageOf(ChannelType type) {
        return new OutboundMessage(UUID.randomUUID(), "tck-" + Long.toHexString(ThreadLocalRandom.current().nextLong()),
                UUID.randomUUID(), type, addressFor(type), "SERVICE",
                type == ChannelType.SMS || type == ChannelType.PHONE ? null : "Your order 4711 has shipped",
                "Hello! Your order 4711 has shipped. 您的订单已发货。 🚚", Instant.parse("2024-05-17T08:30:15.123456Z"));
    }

    @Test
    void supportsAtLeastOneType() {
        Set<ChannelType> types = channel().supportedTypes();

        assertThat(types).isNotNull().isNotEmpty().doesNotContainNull();
        assertThat(channel().supportedTypes()).as("asked again").isEqualTo(types);
    }

    @Test
    void sendingOnEverySupportedTypeReturnsAReceiptForThatMessage() {
        for (ChannelType type : channel().supportedTypes()) {
            OutboundMessage message = messageOf(type);

            DeliveryReceipt receipt = channel().send(message);

            assertThat(receipt).as("receipt for %s", type).isNotNull();
            assertThat(receipt.messageId()).as("message id of the receipt for %s", type).isEqualTo(message.messageId());
            assertThat(receipt.status()).isNotNull();
            assertThat(receipt.at()).isNotNull();
        }
    }

    @Test
    void differentMessagesGetTheirOwnReceipts() {
        ChannelType type = channel().supportedTypes().iterator().next();
        OutboundMessage first = messageOf(type);
        OutboundMessage second = messageOf(type);

        DeliveryReceipt firstReceipt = channel().send(first);
        DeliveryReceipt secondReceipt = channel().send(second);

        assertThat(firstReceipt.messageId()).isEqualTo(first.messageId());
        assertThat(secondReceipt.messageId()).isEqualTo(second.messageId());
    }

    @Test
    void sendingTheSameMessageTwiceReturnsAnEqualReceipt() {
        for (ChannelType type : channel().supportedTypes()) {
            OutboundMessage message = messageOf(type);

            DeliveryReceipt first = channel().send(message);
            DeliveryReceipt second = channel().send(message);

            assertThat(second).as("receipt of the repeated %s message", type).isEqualTo(first);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void sendingTheSameMessageFromSeveralThreadsAtOnceReturnsEqualReceipts() throws Exception {
        OutboundMessage message = messageOf(channel().supportedTypes().iterator().next());
        MessageChannel channel = channel();
        int senders = 4;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService executor = Executors.newFixedThreadPool(senders);
        List<DeliveryReceipt> receipts = new ArrayList<>();
        try {
            List<Future<DeliveryReceipt>> futures = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                futures.add(executor.submit(() -> {
                    if (!go.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("timed out waiting for the start signal");
                    }
                    return channel.send(message);
                }));
            }
            go.countDown();
            for (Future<DeliveryReceipt> future : futures) {
                receipts.add(future.get(WAIT_SECONDS * 3, TimeUnit.SECONDS));
            }
        } finally {
            go.countDown();
            executor.shutdownNow();
            assertThat(executor.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).as("senders stopped").isTrue();
        }

        assertThat(receipts).hasSize(senders).allSatisfy(r -> assertThat(r).isEqualTo(receipts.get(0)));
        assertThat(channel.send(message)).isEqualTo(receipts.get(0));
    }

    @Test
    void sendingOnAnUnsupportedTypeThrowsChannelException() {
        Set<ChannelType> unsupported = EnumSet.allOf(ChannelType.class);
        unsupported.removeAll(channel().supportedTypes());
        assumeTrue(!unsupported.isEmpty(), "the channel supports every type");

        for (ChannelType type : unsupported) {
            assertThatThrownBy(() -> channel().send(messageOf(type))).as("sending on unsupported %s", type)
                    .isInstanceOf(ChannelException.class);
        }
    }
}
