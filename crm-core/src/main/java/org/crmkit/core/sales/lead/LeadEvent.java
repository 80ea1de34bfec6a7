package org.crmkit.core.sales.lead;

import java.time.Instant;
import java.util.UUID;

import org.crmkit.core.sales.LeadId;
import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;

/**
 * What happened to a lead. Each business verb of {@link Lead} records one of these.
 *
 * @since 0.1
 */
public sealed interface LeadEvent extends DomainEvent {

    /** @return the lead */
    LeadId leadId();

    @Override
    default UUID aggregateId() {
        return leadId().value();
    }

    /** The lead was captured; {@code campaignId} is null if it came from no campaign. */
    record Captured(TenantId tenant, LeadId leadId, Instant occurredAt, CampaignId campaignId, StaffId owner,
                    StaffId by) implements LeadEvent {
    }

    /**
     * Someone was in touch with the lead. {@code from} is the status before: {@code NEW} for a
     * first contact, {@code DISQUALIFIED} for a reopening, or the unchanged status of a follow-up.
     */
    record Contacted(TenantId tenant, LeadId leadId, Instant occurredAt, LeadStatus from, StaffId by)
            implements LeadEvent {
    }

    /** The lead was qualified. */
    record Qualified(TenantId tenant, LeadId leadId, Instant occurredAt, StaffId by) implements LeadEvent {
    }

    /** The lead was disqualified. */
    record Disqualified(TenantId tenant, LeadId leadId, Instant occurredAt, LeadStatus from, String reason,
                        StaffId by) implements LeadEvent {
    }

    /** The lead's score changed. */
    record Rescored(TenantId tenant, LeadId leadId, Instant occurredAt, int from, int to) implements LeadEvent {
    }

    /** The lead was converted into a customer and an opportunity. */
    record Converted(TenantId tenant, LeadId leadId, Instant occurredAt, CustomerId customerId,
                     OpportunityId opportunityId, StaffId by) implements LeadEvent {
    }
}
