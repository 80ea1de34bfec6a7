package org.crmkit.core.customer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.crmkit.core.common.Channel;
import org.crmkit.spi.ValidationException;

/**
 * One consent decision: on {@code at}, the customer granted or withdrew consent to be contacted
 * on {@code channel} for {@code purpose}, as {@code evidence} shows. Immutable and thread-safe.
 *
 * @param channel  an outbound channel
 * @param purpose  the purpose
 * @param status   {@link ConsentStatus#GRANTED} or {@link ConsentStatus#WITHDRAWN}
 * @param at       when the decision was made
 * @param evidence how it was obtained (a signed form, a recorded call, a web form id); not blank
 * @since 0.1
 */
public record Consent(Channel channel, Purpose purpose, ConsentStatus status, Instant at, String evidence) {

    public Consent {
        if (channel == null) {
            throw new ValidationException("consent.channel", "must not be null");
        }
        if (!channel.isOutbound()) {
            throw new ValidationException("consent.channel", "must be a channel messages can be sent on", channel.name());
        }
        if (purpose == null) {
            throw new ValidationException("consent.purpose", "must not be null");
        }
        if (status == null || status == ConsentStatus.NONE) {
            throw new ValidationException("consent.status", "must be GRANTED or WITHDRAWN", status);
        }
        if (at == null) {
            throw new ValidationException("consent.at", "must not be null");
        }
        at = at.truncatedTo(ChronoUnit.MICROS);
        evidence = Texts.required(evidence, "consent.evidence", 1000);
    }

    /** @return whether this decision is about {@code c} and {@code p} */
    public boolean covers(Channel c, Purpose p) {
        return channel == c && purpose.equals(p);
    }
}
