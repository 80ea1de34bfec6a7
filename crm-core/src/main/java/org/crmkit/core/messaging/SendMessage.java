package org.crmkit.core.messaging;

import java.util.Objects;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.Purpose;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The command to send one message to one customer.
 *
 * @param customerId the recipient
 * @param channel    the channel to send on; a channel that cannot carry messages
 *                   ({@link Channel#IN_PERSON}) gives a refusal, recorded on the timeline
 * @param purpose    why: the customer must have consented to this purpose on this channel
 * @param subject    a subject line, also shown on the timeline; not blank, at most
 *                   {@value #MAX_SUBJECT} characters
 * @param body       the content; not blank, at most {@value #MAX_BODY} characters
 * @param sentBy     the staff member (or system account) sending it
 * @since 0.1
 */
public record SendMessage(
        @NotNull CustomerId customerId,
        @NotNull Channel channel,
        @NotNull Purpose purpose,
        @NotBlank @Size(max = MAX_SUBJECT) String subject,
        @NotBlank @Size(max = MAX_BODY) String body,
        @NotNull StaffId sentBy) {

    /** The longest subject line. */
    public static final int MAX_SUBJECT = 500;
    /** The longest message body. */
    public static final int MAX_BODY = 1_000_000;

    public SendMessage {
        Objects.requireNonNull(customerId, "customerId must not be null");
        Objects.requireNonNull(channel, "channel must not be null");
        Objects.requireNonNull(purpose, "purpose must not be null");
        Objects.requireNonNull(sentBy, "sentBy must not be null");
    }
}
