package org.crmkit.core.loyalty;

import java.time.Instant;

/**
 * A change of a member's tier, as announced. Immutable and thread-safe.
 *
 * @param from the tier's name before; not null
 * @param to   the tier's name after; not null
 * @param at   when the change was seen; not null
 * @since 0.1
 */
public record TierChange(String from, String to, Instant at) {

    public TierChange {
        from = Codes.code(from, "tierChange.from");
        to = Codes.code(to, "tierChange.to");
        Codes.notNull(at, "tierChange.at");
    }
}
