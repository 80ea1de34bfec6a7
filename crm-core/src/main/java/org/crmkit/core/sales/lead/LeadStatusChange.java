package org.crmkit.core.sales.lead;

import java.time.Instant;

import org.crmkit.core.common.StaffId;

/**
 * One change of a lead's status. Immutable and thread-safe.
 *
 * @param from   the status before; null for the first entry, when the lead was captured
 * @param to     the status after; not null
 * @param at     when; not null
 * @param by     who made the change; not null
 * @param reason why (required for a disqualification); may be null
 * @since 0.1
 */
public record LeadStatusChange(LeadStatus from, LeadStatus to, Instant at, StaffId by, String reason) {

    public LeadStatusChange {
        Text.notNull(to, "statusChange.to");
        Text.notNull(at, "statusChange.at");
        Text.notNull(by, "statusChange.by");
        reason = Text.optional(reason, "statusChange.reason", 1000);
    }
}
