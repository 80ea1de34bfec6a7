package org.crmkit.core.sales.campaign;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.storage.RecordQuery;

/**
 * Which campaigns to list: every criterion that is set must match. Build from {@link #all()}:
 * {@code CampaignFilter.all().inStatus(CampaignStatus.ACTIVE)}. Immutable and thread-safe.
 *
 * @param status the status; null for any
 * @param owner  the responsible staff member; null for any
 * @since 0.1
 */
public record CampaignFilter(CampaignStatus status, StaffId owner) {

    /** @return a filter that matches every campaign */
    public static CampaignFilter all() {
        return new CampaignFilter(null, null);
    }

    /** @return this filter narrowed to campaigns in {@code campaignStatus} */
    public CampaignFilter inStatus(CampaignStatus campaignStatus) {
        return new CampaignFilter(campaignStatus, owner);
    }

    /** @return this filter narrowed to campaigns owned by {@code staff} */
    public CampaignFilter ownedBy(StaffId staff) {
        return new CampaignFilter(status, staff);
    }

    RecordQuery toQuery() {
        RecordQuery q = RecordQuery.all();
        if (status != null) {
            q = q.where("status", status.name());
        }
        if (owner != null) {
            q = q.where("ownerId", owner.value());
        }
        return q;
    }
}
