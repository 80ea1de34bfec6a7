package org.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.memory.InMemoryChannel;
import org.crmkit.core.memory.InMemoryStorage;
import org.crmkit.spi.channel.ChannelType;
import org.junit.jupiter.api.Test;

class ChannelDiscoveryTest {

    @Test
    void nothingIsDiscoveredUnlessAskedFor() {
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).build();
        assertThat(crm.channel(ChannelType.SMS)).isEmpty();
    }

    @Test
    void discoveryRegistersEveryProviderForItsTypes() {
        Crm crm = Crm.builder().storage(InMemoryStorage.create()).discoverChannels().build();
        assertThat(crm.channel(ChannelType.SMS)).get().isInstanceOf(DiscoveredChannels.Sms.class);
        assertThat(crm.channel(ChannelType.LETTER)).get().isInstanceOf(DiscoveredChannels.Letters.class);
        assertThat(crm.channel(ChannelType.EMAIL)).isEmpty();
    }

    @Test
    void twoCandidatesForOneTypeAreAnErrorNotAChoice() {
        assertThatThrownBy(() -> Crm.builder().storage(InMemoryStorage.create())
                .channel(InMemoryChannel.create()).discoverChannels())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two channels registered for");
    }
}
