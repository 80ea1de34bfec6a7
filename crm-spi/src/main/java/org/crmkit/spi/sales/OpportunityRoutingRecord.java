package org.crmkit.spi.sales;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

/**
 * One routing of an opportunity from one salesperson to another.
 *
 * @param fromOwner the previous owner's staff id; not blank
 * @param toOwner   the new owner's staff id; not blank
 * @param at        when; truncated to microseconds; not null
 * @param by        who routed it (usually a manager); not blank
 * @param reason    why; may be null
 * @since 0.1
 */
public record OpportunityRoutingRecord(String fromOwner, String toOwner, Instant at, String by, String reason) {

    public OpportunityRoutingRecord {
        notBlank(fromOwner, "routingHistory.fromOwner");
        notBlank(toOwner, "routingHistory.toOwner");
        at = micros(notNull(at, "routingHistory.at"));
        notBlank(by, "routingHistory.by");
        nullOrNotBlank(reason, "routingHistory.reason");
    }
}
