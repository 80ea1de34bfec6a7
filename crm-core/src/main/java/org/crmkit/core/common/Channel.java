package org.crmkit.core.common;

import java.util.Locale;
import java.util.Optional;

import org.crmkit.spi.channel.ChannelType;

/**
 * A channel through which the company and a customer are in contact (domain §1, §10, §12).
 * Every channel but {@link #IN_PERSON} can also carry outbound messages.
 *
 * @since 0.1
 */
public enum Channel {
    /** E-mail. */
    EMAIL(ChannelType.EMAIL),
    /** Text messages. */
    SMS(ChannelType.SMS),
    /** Telephone, including the call centre. */
    PHONE(ChannelType.PHONE),
    /** Letters and other post. */
    LETTER(ChannelType.LETTER),
    /** The web site, self-service portal and online store. */
    WEB(ChannelType.WEB),
    /** A visit, a meeting, a store counter. */
    IN_PERSON(null);

    private final ChannelType outbound;

    Channel(ChannelType outbound) {
        this.outbound = outbound;
    }

    /** @return the outbound channel type of the channel SPI, or empty if messages cannot be sent on it */
    public Optional<ChannelType> outboundType() {
        return Optional.ofNullable(outbound);
    }

    /** @return whether messages can be sent to a customer on this channel */
    public boolean isOutbound() {
        return outbound != null;
    }

    /**
     * Parses a channel name, ignoring case and surrounding whitespace.
     *
     * @throws org.crmkit.spi.ValidationException naming {@code field} if the name is unknown
     */
    public static Channel parse(String name, String field) {
        return Enums.parse(Channel.class, name, field);
    }


    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
