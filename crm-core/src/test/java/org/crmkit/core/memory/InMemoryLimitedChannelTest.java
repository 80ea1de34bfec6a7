package org.crmkit.core.memory;

import java.time.Clock;
import java.util.EnumSet;

import org.crmkit.spi.channel.ChannelType;
import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.tck.channel.MessageChannelContract;

/**
 * Runs the channel contract against an {@link InMemoryChannel} that supports only some types, so
 * that the contract's test of unsupported types runs too.
 */
class InMemoryLimitedChannelTest extends MessageChannelContract {

    private final InMemoryChannel channel =
            InMemoryChannel.create(Clock.systemUTC(), EnumSet.of(ChannelType.EMAIL, ChannelType.LETTER));

    @Override
    protected MessageChannel channel() {
        return channel;
    }
}
