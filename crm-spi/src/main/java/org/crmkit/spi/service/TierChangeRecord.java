package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;

/**
 * A change of a club member's tier as it was announced. The current tier is always derived from
 * the ledger; these are the record of when it moved.
 *
 * @param fromTier the tier before; not blank
 * @param toTier   the tier after; not blank
 * @param at       when the change was seen; not null
 * @since 0.1
 */
public record TierChangeRecord(String fromTier, String toTier, Instant at) {

    public TierChangeRecord {
        notBlank(fromTier, "tierChange.fromTier");
        notBlank(toTier, "tierChange.toTier");
        at = micros(notNull(at, "tierChange.at"));
    }
}
