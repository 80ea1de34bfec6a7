package org.crmkit.core;

import java.time.Clock;
import java.util.Set;

import org.crmkit.core.memory.InMemoryChannel;
import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.DeliveryReceipt;
import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.spi.channel.OutboundMessage;

/** Channel providers that {@link java.util.ServiceLoader} finds through this test's META-INF/services. */
final class DiscoveredChannels {
    private DiscoveredChannels() {
    }

    /** A discoverable SMS channel. */
    public static final class Sms implements MessageChannel {
        private final InMemoryChannel delegate = InMemoryChannel.create(Clock.systemUTC(), Set.of(ChannelType.SMS));

        @Override
        public Set<ChannelType> supportedTypes() {
            return delegate.supportedTypes();
        }

        @Override
        public DeliveryReceipt send(OutboundMessage message) {
            return delegate.send(message);
        }
    }

    /** A discoverable letter channel. */
    public static final class Letters implements MessageChannel {
        private final InMemoryChannel delegate = InMemoryChannel.create(Clock.systemUTC(), Set.of(ChannelType.LETTER));

        @Override
        public Set<ChannelType> supportedTypes() {
            return delegate.supportedTypes();
        }

        @Override
        public DeliveryReceipt send(OutboundMessage message) {
            return delegate.send(message);
        }
    }
}
