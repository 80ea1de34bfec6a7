package org.crmkit.core.sales.campaign;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a campaign. Each business verb of {@link Campaign} records one of these.
 *
 * @since 0.1
 */
public sealed interface CampaignEvent extends DomainEvent {

    /** @return the campaign */
    CampaignId campaignId();

    @Override
    default UUID aggregateId() {
        return campaignId().value();
    }

    /** The campaign was planned. */
    record Planned(TenantId tenant, CampaignId campaignId, Instant occurredAt, String name, Money budget,
                   StaffId owner, StaffId by) implements CampaignEvent {
    }

    /** The campaign started running. */
    record Launched(TenantId tenant, CampaignId campaignId, Instant occurredAt, StaffId by) implements CampaignEvent {
    }

    /** The campaign ran to its end. */
    record Completed(TenantId tenant, CampaignId campaignId, Instant occurredAt, StaffId by)
            implements CampaignEvent {
    }

    /** The campaign was called off. */
    record Cancelled(TenantId tenant, CampaignId campaignId, Instant occurredAt, StaffId by, String reason)
            implements CampaignEvent {
    }

    /** A cost was recorded; {@code actualCost} is the new total. */
    record CostRecorded(TenantId tenant, CampaignId campaignId, Instant occurredAt, Money amount, Money actualCost)
            implements CampaignEvent {
    }

    /** Revenue was attributed to the campaign. */
    record RevenueAttributed(TenantId tenant, CampaignId campaignId, Instant occurredAt, UUID sourceId, Money amount)
            implements CampaignEvent {
    }

    /** Feedback was linked to the campaign. */
    record FeedbackLinked(TenantId tenant, CampaignId campaignId, Instant occurredAt, UUID feedbackId)
            implements CampaignEvent {
    }
}
