package org.crmkit.spi.channel;

import org.crmkit.spi.CrmException;

/**
 * A message channel failed to work (as opposed to a message that could not be delivered, which
 * is a {@link DeliveryStatus#FAILED} receipt).
 *
 * @since 0.1
 */
public class ChannelException extends CrmException {
    private static final long serialVersionUID = 1L;

    public ChannelException(String message) {
        super(message);
    }

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
