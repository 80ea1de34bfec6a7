package org.crmkit.spi.channel;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A channel's answer to {@link MessageChannel#send}.
 *
 * @param messageId         the message's id
 * @param status            what happened
 * @param providerReference the provider's own id for the message; may be null
 * @param at                when the status was reached
 * @param detail            a human-readable detail, such as a bounce reason; may be null
 * @since 0.1
 */
public record DeliveryReceipt(
        UUID messageId, DeliveryStatus status, String providerReference, Instant at, String detail) {

    public DeliveryReceipt {
        notNull(messageId, "messageId");
        notNull(status, "status");
        nullOrNotBlank(providerReference, "providerReference");
        at = micros(notNull(at, "at"));
        nullOrNotBlank(detail, "detail");
    }

    /** @return the detail, if any */
    public Optional<String> details() {
        return Optional.ofNullable(detail);
    }
}
