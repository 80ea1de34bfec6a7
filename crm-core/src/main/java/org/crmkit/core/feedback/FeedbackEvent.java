package org.crmkit.core.feedback;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;

/**
 * What happened to a piece of feedback. Staff ({@code by}) may be null.
 *
 * @since 0.1
 */
public sealed interface FeedbackEvent extends DomainEvent {

    /** @return the feedback */
    FeedbackId feedbackId();

    @Override
    default UUID aggregateId() {
        return feedbackId().value();
    }

    /** Feedback was recorded; the campaign may be null. */
    record Recorded(TenantId tenant, FeedbackId feedbackId, Instant occurredAt, CustomerId customerId,
                    FeedbackKind kind, FeedbackSource source, CampaignId campaignId, StaffId by)
            implements FeedbackEvent {
    }

    /** Someone acknowledged it. */
    record Acknowledged(TenantId tenant, FeedbackId feedbackId, Instant occurredAt, StaffId by)
            implements FeedbackEvent {
    }

    /** It was handed to marketing; the campaign may be null. */
    record RoutedToMarketing(TenantId tenant, FeedbackId feedbackId, Instant occurredAt, CampaignId campaignId,
                             StaffId by) implements FeedbackEvent {
    }
}
