package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;
import java.util.UUID;

/**
 * Feedback a campaign caused (a reply, a survey answer, a complaint), linked to the campaign.
 *
 * @param feedbackId the feedback's id; not null
 * @param at         when it was linked; not null
 * @since 0.1
 */
public record CampaignFeedbackRecord(UUID feedbackId, Instant at) {

    public CampaignFeedbackRecord {
        notNull(feedbackId, "feedback.feedbackId");
        at = micros(notNull(at, "feedback.at"));
    }
}
