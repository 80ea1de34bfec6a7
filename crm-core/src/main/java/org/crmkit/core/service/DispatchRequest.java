package org.crmkit.core.service;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.customer.CustomerId;

/**
 * The work order a {@link DispatchStrategy} is asked to place. Immutable and thread-safe.
 *
 * @param workOrderId   the work order; not null
 * @param customerId    its customer; not null
 * @param priority      its priority; not null
 * @param requiredSkill the skill an agent needs for it; null when any agent will do
 * @param at            when dispatch happens; not null
 * @since 0.1
 */
public record DispatchRequest(WorkOrderId workOrderId, CustomerId customerId, WorkOrderPriority priority,
                              Skill requiredSkill, Instant at) {

    public DispatchRequest {
        Args.notNull(workOrderId, "workOrderId");
        Args.notNull(customerId, "customerId");
        Args.notNull(priority, "priority");
        Args.notNull(at, "at");
    }

    /** @return the skill an agent needs, if any */
    public Optional<Skill> skill() {
        return Optional.ofNullable(requiredSkill);
    }
}
