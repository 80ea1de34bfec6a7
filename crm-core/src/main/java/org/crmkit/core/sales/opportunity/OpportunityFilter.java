package org.crmkit.core.sales.opportunity;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.spi.storage.RecordQuery;

/**
 * Which opportunities to list: every criterion that is set must match. Build it with
 * {@link #all()} and the {@code with...} methods. Immutable and thread-safe.
 *
 * <pre>{@code
 * OpportunityFilter.all().withOwner(StaffId.of("alice")).withStatus(OpportunityStatus.OPEN)
 * }</pre>
 *
 * @param customer the customer; null for any
 * @param owner    the owner; null for any
 * @param status   the status; null for any
 * @param pipeline the pipeline; null for any
 * @param campaign the campaign it is attributed to; null for any
 * @param lead     the lead it came from; null for any
 * @since 0.1
 */
public record OpportunityFilter(CustomerId customer, StaffId owner, OpportunityStatus status, PipelineId pipeline,
                                CampaignId campaign, LeadId lead) {

    /** @return a filter that matches every opportunity */
    public static OpportunityFilter all() {
        return new OpportunityFilter(null, null, null, null, null, null);
    }

    /** @return this filter narrowed to one customer */
    public OpportunityFilter withCustomer(CustomerId customer) {
        return new OpportunityFilter(customer, owner, status, pipeline, campaign, lead);
    }

    /** @return this filter narrowed to one owner */
    public OpportunityFilter withOwner(StaffId owner) {
        return new OpportunityFilter(customer, owner, status, pipeline, campaign, lead);
    }

    /** @return this filter narrowed to one status */
    public OpportunityFilter withStatus(OpportunityStatus status) {
        return new OpportunityFilter(customer, owner, status, pipeline, campaign, lead);
    }

    /** @return this filter narrowed to one pipeline */
    public OpportunityFilter withPipeline(PipelineId pipeline) {
        return new OpportunityFilter(customer, owner, status, pipeline, campaign, lead);
    }

    /** @return this filter narrowed to one campaign */
    public OpportunityFilter withCampaign(CampaignId campaign) {
        return new OpportunityFilter(customer, owner, status, pipeline, campaign, lead);
    }

    /** @return this filter narrowed to one lead */
    public OpportunityFilter withLead(LeadId lead) {
        return new OpportunityFilter(customer, owner, status, pipeline, campaign, lead);
    }

    /** @return the query on the index keys of {@link org.crmkit.spi.sales.OpportunityRecord#KIND} */
    RecordQuery toQuery() {
        RecordQuery q = RecordQuery.all();
        if (customer != null) {
            q = q.where("customerId", customer.toString());
        }
        if (owner != null) {
            q = q.where("ownerId", owner.value());
        }
        if (status != null) {
            q = q.where("status", status.name());
        }
        if (pipeline != null) {
            q = q.where("pipelineId", pipeline.toString());
        }
        if (campaign != null) {
            q = q.where("campaignId", campaign.toString());
        }
        if (lead != null) {
            q = q.where("leadId", lead.toString());
        }
        return q;
    }
}
