package org.crmkit.spi.channel;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.spi.storage.TenantIds;

/**
 * A message to send to one customer on one channel. Consent has already been checked by the
 * domain when a channel receives this.
 *
 * @param messageId   unique id, also the idempotency key: sending the same id twice delivers once
 * @param tenant      the tenant
 * @param customerId  the recipient customer
 * @param channel     the channel to send on
 * @param address     where to send it: an e-mail address, a phone number in E.164 form, a postal
 *                    address on several lines, or the customer's web account id
 * @param purpose     the purpose the customer consented to, for example {@code "MARKETING"}
 * @param subject     a subject line; may be null for channels without one
 * @param body        the content; not blank
 * @param requestedAt when sending was requested
 * @since 0.1
 */
public record OutboundMessage(
        UUID messageId, String tenant, UUID customerId, ChannelType channel, String address, String purpose,
        String subject, String body, Instant requestedAt) {

    public OutboundMessage {
        notNull(messageId, "messageId");
        TenantIds.requireValid(tenant);
        notNull(customerId, "customerId");
        notNull(channel, "channel");
        notBlank(address, "address");
        notBlank(purpose, "purpose");
        nullOrNotBlank(subject, "subject");
        notBlank(body, "body");
        requestedAt = micros(notNull(requestedAt, "requestedAt"));
    }
}
