package org.crmkit.core.memory;

import org.crmkit.spi.channel.MessageChannel;
import org.crmkit.tck.channel.MessageChannelContract;

/** Runs the channel contract against an {@link InMemoryChannel} supporting every type. */
class InMemoryChannelTest extends MessageChannelContract {

    private final InMemoryChannel channel = InMemoryChannel.create();

    @Override
    protected MessageChannel channel() {
        return channel;
    }
}
