package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

/**
 * One change of a campaign's status.
 *
 * @param from   the status before; null for the first entry (the campaign was planned)
 * @param to     the status after; not blank
 * @param at     when; not null
 * @param by     the staff member who made the change; not blank
 * @param reason why; may be null
 * @since 0.1
 */
public record CampaignStatusChangeRecord(String from, String to, Instant at, String by, String reason) {

    public CampaignStatusChangeRecord {
        nullOrNotBlank(from, "statusChange.from");
        notBlank(to, "statusChange.to");
        at = micros(notNull(at, "statusChange.at"));
        notBlank(by, "statusChange.by");
        nullOrNotBlank(reason, "statusChange.reason");
    }
}
