package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.notNull;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * A service-level target a work order missed: its first response or its resolution came after the
 * time it was due.
 *
 * @param target {@code RESPONSE} or {@code RESOLUTION}; not blank
 * @param dueAt  when it was due; not null
 * @param at     when the late response or resolution happened; not null, after {@code dueAt}
 * @since 0.1
 */
public record ServiceLevelBreachRecord(String target, Instant dueAt, Instant at) {

    public ServiceLevelBreachRecord {
        notBlank(target, "breach.target");
        dueAt = micros(notNull(dueAt, "breach.dueAt"));
        at = micros(notNull(at, "breach.at"));
        if (!at.isAfter(dueAt)) {
            throw new ValidationException("breach.at", "must be after breach.dueAt", at);
        }
    }
}
