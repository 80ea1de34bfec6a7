package org.crmkit.core.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;

/**
 * What happened to a service agent. Each business verb of {@link ServiceAgent} records one of these.
 * {@code by} may be null where the system acted.
 *
 * @since 0.1
 */
public sealed interface ServiceAgentEvent extends DomainEvent {

    /** @return the agent's record id */
    ServiceAgentId agentId();

    /** @return the staff member the agent is */
    StaffId staffId();

    @Override
    default UUID aggregateId() {
        return agentId().value();
    }

    /** An agent was registered. */
    record Registered(TenantId tenant, ServiceAgentId agentId, Instant occurredAt, StaffId staffId,
                      Set<Skill> skills, int capacity, StaffId by) implements ServiceAgentEvent {
    }

    /** The agent's skills changed. */
    record SkillsChanged(TenantId tenant, ServiceAgentId agentId, Instant occurredAt, StaffId staffId,
                         Set<Skill> skills, StaffId by) implements ServiceAgentEvent {
    }

    /** The agent's capacity changed. */
    record CapacityChanged(TenantId tenant, ServiceAgentId agentId, Instant occurredAt, StaffId staffId,
                           int capacity, StaffId by) implements ServiceAgentEvent {
    }

    /** The agent became available or unavailable for new work orders. */
    record AvailabilityChanged(TenantId tenant, ServiceAgentId agentId, Instant occurredAt, StaffId staffId,
                               boolean available, StaffId by) implements ServiceAgentEvent {
    }
}
