package org.crmkit.core.sales.campaign;

import java.time.Instant;

import org.crmkit.core.common.StaffId;

/**
 * One change of a campaign's status. Immutable and thread-safe.
 *
 * @param from   the status before; null for the first entry, when the campaign was planned
 * @param to     the status after; not null
 * @param at     when; not null
 * @param by     who made the change; not null
 * @param reason why; may be null
 * @since 0.1
 */
public record CampaignStatusChange(CampaignStatus from, CampaignStatus to, Instant at, StaffId by, String reason) {

    public CampaignStatusChange {
        Text.notNull(to, "statusChange.to");
        Text.notNull(at, "statusChange.at");
        Text.notNull(by, "statusChange.by");
        reason = Text.optional(reason, "statusChange.reason", 1000);
    }
}
