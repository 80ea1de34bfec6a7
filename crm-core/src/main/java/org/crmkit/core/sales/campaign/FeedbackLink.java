package org.crmkit.core.sales.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * Feedback a campaign caused (a reply, a survey answer, a complaint), linked to it so that what
 * customers say flows back into marketing (domain §9). Immutable and thread-safe.
 *
 * @param feedbackId the feedback's id; not null
 * @param at         when it was linked; not null
 * @since 0.1
 */
public record FeedbackLink(UUID feedbackId, Instant at) {

    public FeedbackLink {
        Text.notNull(feedbackId, "feedbackId");
        Text.notNull(at, "at");
    }
}
