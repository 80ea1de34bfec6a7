package org.crmkit.core.service;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * A service agent as a {@link DispatchStrategy} sees it when a work order is dispatched: who, with
 * which skills, how loaded, how rated. Immutable and thread-safe.
 *
 * @param staffId        the agent; not null
 * @param displayName    the agent's name; not null
 * @param skills         the agent's skills; not null
 * @param capacity       the most work orders open or in progress at once; at least 1
 * @param available      whether the agent takes new work orders now
 * @param openWorkOrders how many work orders the agent has open or in progress now; at least 0
 * @param rating         the agent's customer-satisfaction rating; not null, of this agent
 * @param lastAssignedAt when a work order was last assigned to the agent (by dispatch or by hand); null if never
 * @since 0.1
 */
public record AgentCandidate(StaffId staffId, String displayName, Set<Skill> skills, int capacity, boolean available,
                             int openWorkOrders, AgentRating rating, Instant lastAssignedAt) {

    public AgentCandidate {
        Args.notNull(staffId, "staffId");
        Args.notNull(displayName, "displayName");
        SortedSet<Skill> s = new TreeSet<>(Args.notNull(skills, "skills"));
        skills = java.util.Collections.unmodifiableSortedSet(s);
        if (capacity < 1) {
            throw new ValidationException("capacity", "must be at least 1", capacity);
        }
        if (openWorkOrders < 0) {
            throw new ValidationException("openWorkOrders", "must be at least 0", openWorkOrders);
        }
        Args.notNull(rating, "rating");
        if (!rating.agent().equals(staffId)) {
            throw new ValidationException("rating", "must be the rating of " + staffId, rating.agent());
        }
    }

    /** @return whether the agent may take one more work order: fewer open than the capacity */
    public boolean hasSpareCapacity() {
        return openWorkOrders < capacity;
    }

    /** @return whether the agent has the skill; true for no skill (empty) */
    public boolean qualifiesFor(Optional<Skill> skill) {
        return skill.isEmpty() || skills.contains(skill.get());
    }

    /** @return when a work order was last assigned to the agent, if ever */
    public Optional<Instant> lastAssigned() {
        return Optional.ofNullable(lastAssignedAt);
    }

    /** @return for example {@code "alice (rating 4.20 from 12 answers, 1/3 open)"} */
    public String describe() {
        return staffId + " (rating " + rating.describe() + ", " + openWorkOrders + "/" + capacity + " open"
                + (available ? "" : ", unavailable") + ")";
    }
}
