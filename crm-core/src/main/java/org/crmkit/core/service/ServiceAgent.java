package org.crmkit.core.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ServiceAgentRecord;

/**
 * A member of the service staff whom work orders are dispatched to (domain §10): the staff member,
 * a display name, skills, a capacity (the most work orders open or in progress at once) and
 * whether the agent takes new work orders now. The current load is not kept here: it is the number
 * of the agent's work orders that are open or in progress.
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain and change agents through
 * {@link ServiceDesk}.
 *
 * @since 0.1
 */
public final class ServiceAgent {

    static final String AGGREGATE = "service agent";
    static final int NAME_MAX = 200;
    /** The largest capacity an agent may have. */
    public static final int CAPACITY_MAX = 1000;

    private final ServiceAgentId id;
    private final TenantId tenant;
    private long version;
    private final StaffId staffId;
    private final String displayName;
    private SortedSet<Skill> skills;
    private int capacity;
    private boolean available;
    private final Instant registeredAt;
    private Instant lastAssignedAt;
    private boolean changed;
    private final List<ServiceAgentEvent> events = new ArrayList<>();

    private ServiceAgent(ServiceAgentId id, TenantId tenant, long version, StaffId staffId, String displayName,
                         Collection<Skill> skills, int capacity, boolean available, Instant registeredAt,
                         Instant lastAssignedAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.staffId = staffId;
        this.displayName = displayName;
        this.skills = new TreeSet<>(skills);
        this.capacity = capacity;
        this.available = available;
        this.registeredAt = registeredAt;
        this.lastAssignedAt = lastAssignedAt;
    }

    /**
     * Registers a new agent, available at once, and records {@link ServiceAgentEvent.Registered}.
     *
     * @param capacity the most work orders open or in progress at once; 1 to {@link #CAPACITY_MAX}
     * @param by       who registered the agent; may be null
     * @return the new, unstored agent (version 0 until stored)
     * @throws ValidationException naming the field if an argument breaks a rule
     */
    public static ServiceAgent register(ServiceAgentId id, TenantId tenant, StaffId staffId, String displayName,
                                        Collection<Skill> skills, int capacity, StaffId by, Instant at) {
        Args.notNull(id, "serviceAgentId");
        Args.notNull(tenant, "tenant");
        Args.notNull(staffId, "staffId");
        String name = Args.required(displayName, "displayName", NAME_MAX);
        Set<Skill> s = skillSet(skills);
        checkCapacity(capacity);
        Args.notNull(at, "at");
        ServiceAgent a = new ServiceAgent(id, tenant, 0, staffId, name, s, capacity, true, at, null);
        a.record(new ServiceAgentEvent.Registered(tenant, id, at, staffId, a.skills(), capacity, by));
        return a;
    }

    /**
     * Rebuilds a stored agent.
     *
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static ServiceAgent restore(ServiceAgentRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        checkCapacity(r.capacity());
        return new ServiceAgent(new ServiceAgentId(r.id()), TenantId.of(r.tenant()), r.version(),
                StaffId.of(r.staffId()), Args.required(r.displayName(), "displayName", NAME_MAX),
                skillSet(r.skills().stream().map(Skill::of).toList()), r.capacity(), r.available(),
                r.registeredAt(), r.lastAssignedAt());
    }

    /** @return the record of this agent at its next version, for storing */
    public ServiceAgentRecord toRecord() {
        return new ServiceAgentRecord(id.value(), tenant.value(), version + 1, staffId.value(), displayName,
                skills.stream().map(Skill::name).toList(), capacity, available, registeredAt, lastAssignedAt);
    }

    // ------------------------------------------------------------------ business verbs

    /** Replaces the agent's skills; the same skills again change nothing. */
    public void changeSkills(Collection<Skill> newSkills, StaffId by, Instant at) {
        Set<Skill> s = skillSet(newSkills);
        Args.notNull(at, "at");
        if (s.equals(skills)) {
            return;
        }
        skills = new TreeSet<>(s);
        record(new ServiceAgentEvent.SkillsChanged(tenant, id, at, staffId, skills(), by));
    }

    /**
     * Changes the capacity; the same capacity again changes nothing. Whether the agent's current
     * load fits is checked by {@link ServiceDesk#changeAgentCapacity}.
     */
    public void changeCapacity(int newCapacity, StaffId by, Instant at) {
        checkCapacity(newCapacity);
        Args.notNull(at, "at");
        if (newCapacity == capacity) {
            return;
        }
        capacity = newCapacity;
        record(new ServiceAgentEvent.CapacityChanged(tenant, id, at, staffId, capacity, by));
    }

    /**
     * The agent takes new work orders again.
     *
     * @throws IllegalTransitionException if the agent is available already
     */
    public void markAvailable(StaffId by, Instant at) {
        changeAvailability(true, by, at);
    }

    /**
     * The agent takes no new work orders (the ones assigned stay assigned).
     *
     * @throws IllegalTransitionException if the agent is unavailable already
     */
    public void markUnavailable(StaffId by, Instant at) {
        changeAvailability(false, by, at);
    }

    /**
     * Notes that a work order was assigned to the agent now, by dispatch or by hand (for fair
     * tie-breaking). Writing the agent's record with every new assignment makes two units of work
     * that give the same agent one more work order conflict (optimistic locking), so that together
     * they cannot exceed the capacity.
     */
    void assigned(Instant at) {
        lastAssignedAt = at;
        changed = true;
    }

    /** Marks the agent changed without changing a field: the agent takes back a reopened work order. */
    void reserve() {
        changed = true;
    }

    // ------------------------------------------------------------------ accessors

    /** @return the record id */
    public ServiceAgentId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version: 0 before it is first stored */
    public long version() {
        return version;
    }

    /** @return the staff member */
    public StaffId staffId() {
        return staffId;
    }

    /** @return the display name */
    public String displayName() {
        return displayName;
    }

    /** @return the skills, sorted; unmodifiable */
    public Set<Skill> skills() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(skills));
    }

    /** @return whether the agent has {@code skill} */
    public boolean has(Skill skill) {
        return skills.contains(skill);
    }

    /** @return the most work orders open or in progress at once */
    public int capacity() {
        return capacity;
    }

    /** @return whether the agent takes new work orders now */
    public boolean available() {
        return available;
    }

    /** @return when the agent was registered */
    public Instant registeredAt() {
        return registeredAt;
    }

    /** @return when a work order was last assigned to the agent (by dispatch or by hand), if ever */
    public Optional<Instant> lastAssignedAt() {
        return Optional.ofNullable(lastAssignedAt);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<ServiceAgentEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "ServiceAgent[" + staffId + ", " + skills + ", capacity " + capacity
                + (available ? ", available" : ", unavailable") + ", v" + version + "]";
    }

    // ------------------------------------------------------------------ persistence support

    boolean hasChanges() {
        return changed || !events.isEmpty();
    }

    void markStored() {
        version++;
        changed = false;
        events.clear();
    }

    private void changeAvailability(boolean to, StaffId by, Instant at) {
        Args.notNull(at, "at");
        if (available == to) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), available ? "AVAILABLE" : "UNAVAILABLE",
                    to ? "mark available" : "mark unavailable");
        }
        available = to;
        record(new ServiceAgentEvent.AvailabilityChanged(tenant, id, at, staffId, to, by));
    }

    private void record(ServiceAgentEvent e) {
        events.add(e);
    }

    private static Set<Skill> skillSet(Collection<Skill> skills) {
        Args.notNull(skills, "skills");
        TreeSet<Skill> s = new TreeSet<>();
        for (Skill skill : skills) {
            s.add(Args.notNull(skill, "skills"));
        }
        return s;
    }

    private static void checkCapacity(int capacity) {
        if (capacity < 1 || capacity > CAPACITY_MAX) {
            throw new ValidationException("capacity", "must be between 1 and " + CAPACITY_MAX, capacity);
        }
    }
}
