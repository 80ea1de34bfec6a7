package org.crmkit.core.service;

import java.time.Duration;
import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * A service-level target a work order missed, or is missing now. Immutable and thread-safe.
 *
 * @param workOrderId the work order; not null
 * @param target      which target; not null
 * @param dueAt       when the response or resolution was due; not null
 * @param at          when the late response or resolution happened; for a {@code pending} breach,
 *                    the moment it was checked; not null, after {@code dueAt}
 * @param pending     true while the response or resolution has still not happened (the breach
 *                    grows); false once it happened late (the breach is recorded on the work order)
 * @since 0.1
 */
public record ServiceLevelBreach(WorkOrderId workOrderId, ServiceTarget target, Instant dueAt, Instant at,
                                 boolean pending) {

    public ServiceLevelBreach {
        Args.notNull(workOrderId, "workOrderId");
        Args.notNull(target, "target");
        Args.notNull(dueAt, "dueAt");
        Args.notNull(at, "at");
        if (!at.isAfter(dueAt)) {
            throw new ValidationException("at", "must be after dueAt " + dueAt, at);
        }
    }

    /** @return how late: from the due time to {@code at}; positive */
    public Duration lateBy() {
        return Duration.between(dueAt, at);
    }
}
