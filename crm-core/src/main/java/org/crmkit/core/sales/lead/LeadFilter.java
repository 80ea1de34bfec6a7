package org.crmkit.core.sales.lead;

import org.crmkit.core.common.StaffId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.spi.storage.RecordQuery;

/**
 * Which leads to list: every criterion that is set must match. Build from {@link #all()}:
 * {@code LeadFilter.all().fromCampaign(id).inStatus(LeadStatus.QUALIFIED)}. Immutable and thread-safe.
 *
 * @param campaign the source campaign; null for any
 * @param status   the status; null for any
 * @param owner    the responsible staff member; null for any
 * @since 0.1
 */
public record LeadFilter(CampaignId campaign, LeadStatus status, StaffId owner) {

    /** @return a filter that matches every lead */
    public static LeadFilter all() {
        return new LeadFilter(null, null, null);
    }

    /** @return this filter narrowed to leads from {@code id} */
    public LeadFilter fromCampaign(CampaignId id) {
        return new LeadFilter(id, status, owner);
    }

    /** @return this filter narrowed to leads in {@code leadStatus} */
    public LeadFilter inStatus(LeadStatus leadStatus) {
        return new LeadFilter(campaign, leadStatus, owner);
    }

    /** @return this filter narrowed to leads owned by {@code staff} */
    public LeadFilter ownedBy(StaffId staff) {
        return new LeadFilter(campaign, status, staff);
    }

    RecordQuery toQuery() {
        RecordQuery q = RecordQuery.all();
        if (campaign != null) {
            q = q.where("campaignId", campaign.toString());
        }
        if (status != null) {
            q = q.where("status", status.name());
        }
        if (owner != null) {
            q = q.where("ownerId", owner.value());
        }
        return q;
    }
}
