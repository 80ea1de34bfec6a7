package org.crmkit.core.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.channel.ChannelException;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.DeliveryReceipt;
import org.crmkit.spi.channel.DeliveryStatus;
import org.crmkit.spi.channel.OutboundMessage;
import org.junit.jupiter.api.Test;

/** What {@link InMemoryChannel} promises beyond the channel contract. */
class InMemoryChannelBehaviourTest {

    private static final Instant NOW = Instant.parse("2024-05-17T08:30:15.123456Z");

    private final InMemoryChannel channel = InMemoryChannel.create(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void supportsEveryTypeByDefault() {
        assertThat(InMemoryChannel.create().supportedTypes()).containsExactlyInAnyOrder(ChannelType.values());
    }

    @Test
    void deliversAndStampsTheReceiptWithItsClock() {
        OutboundMessage message = message(ChannelType.EMAIL, "ada@example.org");

        DeliveryReceipt receipt = channel.send(message);

        assertThat(receipt.messageId()).isEqualTo(message.messageId());
        assertThat(receipt.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(receipt.at()).isEqualTo(NOW);
        assertThat(receipt.details()).isEmpty();
        assertThat(channel.receiptFor(message.messageId())).contains(receipt);
    }

    @Test
    void recordsEveryDistinctMessageOnceInTheOrderFirstSent() {
        OutboundMessage first = message(ChannelType.EMAIL, "ada@example.org");
        OutboundMessage second = message(ChannelType.SMS, "+447700900123");

        channel.send(first);
        channel.send(second);
        channel.send(first);

        assertThat(channel.sent()).containsExactly(first, second);
    }

    @Test
    void sentIsAnImmutableSnapshot() {
        channel.send(message(ChannelType.EMAIL, "ada@example.org"));
        var snapshot = channel.sent();

        channel.send(message(ChannelType.WEB, "account-1"));

        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(snapshot::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void anAddressMarkedToFailGetsAFailedReceiptAndTheMessageIsStillRecorded() {
        channel.failFor("bounce@example.org");
        OutboundMessage bouncing = message(ChannelType.EMAIL, "bounce@example.org");
        OutboundMessage fine = message(ChannelType.EMAIL, "fine@example.org");

        DeliveryReceipt failed = channel.send(bouncing);
        DeliveryReceipt delivered = channel.send(fine);

        assertThat(failed.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(failed.details()).isPresent();
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(channel.sent()).containsExactly(bouncing, fine);
    }

    @Test
    void markingAnAddressToFailDoesNotChangeReceiptsAlreadyGiven() {
        OutboundMessage message = message(ChannelType.EMAIL, "later@example.org");
        DeliveryReceipt first = channel.send(message);

        channel.failFor("later@example.org");

        assertThat(channel.send(message)).isEqualTo(first);
        assertThat(channel.send(message(ChannelType.EMAIL, "later@example.org")).status())
                .isEqualTo(DeliveryStatus.FAILED);
    }

    @Test
    void aChannelLimitedToSomeTypesRefusesTheOthersAndRecordsNothing() {
        InMemoryChannel emailOnly = InMemoryChannel.create(Clock.systemUTC(), Set.of(ChannelType.EMAIL));

        assertThatThrownBy(() -> emailOnly.send(message(ChannelType.SMS, "+447700900123")))
                .isInstanceOf(ChannelException.class).hasMessageContaining("SMS");
        assertThat(emailOnly.supportedTypes()).containsExactly(ChannelType.EMAIL);
        assertThat(emailOnly.sent()).isEmpty();
    }

    @Test
    void aChannelSupportingNoTypeIsRefused() {
        assertThatThrownBy(() -> InMemoryChannel.create(Clock.systemUTC(), EnumSet.noneOf(ChannelType.class)))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> channel.failFor(" ")).isInstanceOf(ValidationException.class);
    }

    private static OutboundMessage message(ChannelType type, String address) {
        return new OutboundMessage(UUID.randomUUID(), "acme", UUID.randomUUID(), type, address, "SERVICE", null,
                "Hello", NOW);
    }
}
