package org.crmkit.core.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ServiceLevelBreachRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.service.WorkOrderStepRecord;

/**
 * A service work order (domain §10: "the work order is the main line"): a customer's problem,
 * usually about a delivered order, tracked step by step from opening to closing.
 *
 * <p>Its {@link WorkOrderStatus} moves {@code OPEN → IN_PROGRESS → RESOLVED → CLOSED}, and
 * {@code RESOLVED → IN_PROGRESS} on {@link #reopen}. Every verb checks the move first and throws
 * {@link IllegalTransitionException} if it is not allowed, leaving the work order unchanged;
 * otherwise it appends a {@link WorkOrderStep} and records a {@link WorkOrderEvent}.
 *
 * <p>Service levels: a work order opened with {@link ServiceLevelTargets} is due its first response
 * (an assignment, a dispatch or a start) and its resolution at opened-at plus each target. The
 * first response or a resolution that comes after its due time records a {@link ServiceLevelBreach}
 * on the work order, with a {@link WorkOrderStepKind#SERVICE_LEVEL_BREACHED} step and a
 * {@link WorkOrderEvent.ServiceLevelBreached} event; each target is breached at most once (a
 * reopened work order resolved late again records nothing new). Times are compared at microseconds,
 * the precision storage keeps.
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain and change work orders through
 * {@link ServiceDesk}.
 *
 * @since 0.1
 */
public final class WorkOrder {

    static final String AGGREGATE = "work order";
    static final int SUBJECT_MAX = 200;
    static final int TEXT_MAX = 4000;

    private final WorkOrderId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final OrderId orderId;
    private final CampaignId campaignId;
    private final String subject;
    private final String description;
    private final WorkOrderPriority priority;
    private WorkOrderStatus status;
    private StaffId assignee;
    private final WorkOrderOrigin origin;
    private final List<WorkOrderStep> steps;
    private final Instant createdAt;
    private Instant resolvedAt;
    private final Skill requiredSkill;
    private final Instant responseDueAt;
    private final Instant resolutionDueAt;
    private Instant respondedAt;
    private final List<ServiceLevelBreach> breaches;
    private final List<WorkOrderEvent> events = new ArrayList<>();

    private WorkOrder(WorkOrderId id, TenantId tenant, long version, CustomerId customerId, OrderId orderId,
                      CampaignId campaignId, String subject, String description, WorkOrderPriority priority,
                      WorkOrderStatus status, StaffId assignee, WorkOrderOrigin origin, List<WorkOrderStep> steps,
                      Instant createdAt, Instant resolvedAt, Skill requiredSkill, Instant responseDueAt,
                      Instant resolutionDueAt, Instant respondedAt, List<ServiceLevelBreach> breaches) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.orderId = orderId;
        this.campaignId = campaignId;
        this.subject = subject;
        this.description = description;
        this.priority = priority;
        this.status = status;
        this.assignee = assignee;
        this.origin = origin;
        this.steps = new ArrayList<>(steps);
        this.createdAt = createdAt;
        this.resolvedAt = resolvedAt;
        this.requiredSkill = requiredSkill;
        this.responseDueAt = responseDueAt;
        this.resolutionDueAt = resolutionDueAt;
        this.respondedAt = respondedAt;
        this.breaches = new ArrayList<>(breaches);
    }

    /**
     * Opens a new work order in state {@code OPEN} and records {@link WorkOrderEvent.Opened}.
     *
     * @param id          the new id; not null
     * @param tenant      the tenant; not null
     * @param customerId  the customer; not null
     * @param orderId     the order it is about; may be null
     * @param campaignId  the campaign that started the loop; may be null
     * @param origin      where it came from; not null
     * @param subject     a one-line subject, at most 200 characters; not blank
     * @param description the problem in more words, at most 4000 characters; may be null
     * @param priority    the priority; not null
     * @param by          who opened it; null when the customer or the system did
     * @param at          when; not null
     * @return the new, unstored work order (version 0 until stored)
     * @throws ValidationException naming the field if an argument breaks a rule
     */
    public static WorkOrder open(WorkOrderId id, TenantId tenant, CustomerId customerId, OrderId orderId,
                                 CampaignId campaignId, WorkOrderOrigin origin, String subject, String description,
                                 WorkOrderPriority priority, StaffId by, Instant at) {
        return open(id, tenant, customerId, orderId, campaignId, origin, subject, description, priority, null, null,
                by, at);
    }

    /**
     * Same as {@link #open(WorkOrderId, TenantId, CustomerId, OrderId, CampaignId, WorkOrderOrigin, String,
     * String, WorkOrderPriority, StaffId, Instant)}, with a required skill and service levels.
     *
     * @param requiredSkill the skill an agent needs to be dispatched it; null when any agent will do
     * @param targets       the service levels; null when none apply (then nothing is ever due)
     * @return the new, unstored work order, due its response at {@code at + targets.response()} and
     *         its resolution at {@code at + targets.resolution()}
     * @throws ValidationException naming the field if an argument breaks a rule
     */
    public static WorkOrder open(WorkOrderId id, TenantId tenant, CustomerId customerId, OrderId orderId,
                                 CampaignId campaignId, WorkOrderOrigin origin, String subject, String description,
                                 WorkOrderPriority priority, Skill requiredSkill, ServiceLevelTargets targets,
                                 StaffId by, Instant at) {
        Args.notNull(id, "workOrderId");
        Args.notNull(tenant, "tenant");
        Args.notNull(customerId, "customerId");
        Args.notNull(origin, "origin");
        String s = Args.required(subject, "subject", SUBJECT_MAX);
        String d = Args.optional(description, "description", TEXT_MAX);
        Args.notNull(priority, "priority");
        Args.notNull(at, "at");
        Instant opened = micros(at);
        WorkOrder w = new WorkOrder(id, tenant, 0, customerId, orderId, campaignId, s, d, priority,
                WorkOrderStatus.OPEN, null, origin, List.of(), at, null, requiredSkill,
                targets == null ? null : opened.plus(targets.response()),
                targets == null ? null : opened.plus(targets.resolution()), null, List.of());
        w.steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.OPENED, origin.name()));
        w.events.add(new WorkOrderEvent.Opened(tenant, id, at, customerId, orderId, campaignId, origin, priority, by));
        return w;
    }

    /**
     * Rebuilds a stored work order.
     *
     * @param r the record; not null
     * @return the work order at the record's version, with no recorded events
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static WorkOrder restore(WorkOrderRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        List<WorkOrderStep> steps = r.steps().stream()
                .map(s -> new WorkOrderStep(s.at(), s.by() == null ? null : StaffId.of(s.by()),
                        Enums.parse(WorkOrderStepKind.class, s.what(), "steps.what"), s.note()))
                .toList();
        WorkOrderStatus status = Enums.parse(WorkOrderStatus.class, r.status(), "status");
        if ((status == WorkOrderStatus.RESOLVED || status == WorkOrderStatus.CLOSED) != (r.resolvedAt() != null)) {
            throw new ValidationException("resolvedAt", "must be set exactly when the work order is resolved or closed",
                    r.resolvedAt());
        }
        return new WorkOrder(WorkOrderId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                CustomerId.of(r.customerId()), r.orderId() == null ? null : OrderId.of(r.orderId()),
                r.campaignId() == null ? null : new CampaignId(r.campaignId()),
                Args.required(r.subject(), "subject", SUBJECT_MAX), Args.optional(r.description(), "description", TEXT_MAX),
                Enums.parse(WorkOrderPriority.class, r.priority(), "priority"), status,
                r.assigneeId() == null ? null : StaffId.of(r.assigneeId()),
                Enums.parse(WorkOrderOrigin.class, r.origin(), "origin"), steps, r.createdAt(), r.resolvedAt(),
                r.requiredSkill() == null ? null : Skill.of(r.requiredSkill()), r.responseDueAt(),
                r.resolutionDueAt(), r.respondedAt(),
                r.breaches().stream().map(b -> new ServiceLevelBreach(WorkOrderId.of(r.id()),
                        Enums.parse(ServiceTarget.class, b.target(), "breaches.target"), b.dueAt(), b.at(), false))
                        .toList());
    }

    /** @return the record of this work order at its next version, for storing */
    public WorkOrderRecord toRecord() {
        return new WorkOrderRecord(id.value(), tenant.value(), version + 1, customerId.value(),
                orderId == null ? null : orderId.value(), campaignId == null ? null : campaignId.value(), subject,
                description, priority.name(), status.name(), assignee == null ? null : assignee.value(), origin.name(),
                steps.stream().map(s -> new WorkOrderStepRecord(s.at(), s.by() == null ? null : s.by().value(),
                        s.what().name(), s.note())).toList(),
                createdAt, resolvedAt, requiredSkill == null ? null : requiredSkill.name(), responseDueAt,
                resolutionDueAt, respondedAt, breaches.stream()
                        .map(b -> new ServiceLevelBreachRecord(b.target().name(), b.dueAt(), b.at())).toList());
    }

    // ------------------------------------------------------------------ business verbs

    /**
     * Makes {@code to} responsible. Allowed while open or in progress. Assigning the current
     * assignee again changes nothing.
     *
     * @throws IllegalTransitionException if the work order is resolved or closed
     */
    public void assign(StaffId to, StaffId by, Instant at) {
        Args.notNull(to, "assignee");
        Args.notNull(at, "at");
        if (!status.acceptsAssignment()) {
            throw refused("assign to " + to);
        }
        if (to.equals(assignee)) {
            return;
        }
        StaffId previous = assignee;
        assignee = to;
        steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.ASSIGNED, to.value()));
        events.add(new WorkOrderEvent.Assigned(tenant, id, at, to, previous, by));
        responded(by, at);
    }

    /**
     * Dispatches the work order as {@code decision} says: assigns it to the chosen agent (by the
     * system), then appends a {@link WorkOrderStepKind#DISPATCHED} step whose note is the decision's
     * summary and records {@link WorkOrderEvent.Dispatched}.
     *
     * @throws ValidationException        on {@code decision} if it is about another work order
     * @throws IllegalTransitionException if the work order is resolved or closed
     */
    public void dispatch(DispatchDecision decision, Instant at) {
        Args.notNull(decision, "decision");
        Args.notNull(at, "at");
        if (!decision.workOrderId().equals(id)) {
            throw new ValidationException("decision", "must be about work order " + id, decision.workOrderId());
        }
        if (!status.acceptsAssignment()) {
            throw refused("dispatch to " + decision.chosen());
        }
        assign(decision.chosen(), null, at);
        String why = decision.summary();
        steps.add(new WorkOrderStep(at, null, WorkOrderStepKind.DISPATCHED, why));
        events.add(new WorkOrderEvent.Dispatched(tenant, id, at, decision.chosen(), why));
    }

    /**
     * Releases the assignee: the work order keeps its state and waits for dispatch again
     * ({@link #queued()}). Appends a {@link WorkOrderStepKind#RELEASED} step and records
     * {@link WorkOrderEvent.Released}. Releasing a work order nobody is assigned to changes nothing.
     *
     * @param reason why, at most 4000 characters; not blank
     * @throws IllegalTransitionException if the work order is resolved or closed
     */
    public void release(String reason, Instant at) {
        String text = Args.required(reason, "reason", TEXT_MAX);
        Args.notNull(at, "at");
        if (!status.acceptsAssignment()) {
            throw refused("release");
        }
        if (assignee == null) {
            return;
        }
        StaffId previous = assignee;
        assignee = null;
        steps.add(new WorkOrderStep(at, null, WorkOrderStepKind.RELEASED, text));
        events.add(new WorkOrderEvent.Released(tenant, id, at, previous, text));
    }

    /**
     * Starts work: {@code OPEN → IN_PROGRESS}. If nobody is assigned yet, {@code by} becomes the assignee.
     *
     * @param by who starts; not null
     * @throws IllegalTransitionException if the work order is not open
     */
    public void start(StaffId by, Instant at) {
        Args.notNull(by, "by");
        Args.notNull(at, "at");
        if (status != WorkOrderStatus.OPEN) {
            throw refused("start");
        }
        move(WorkOrderStatus.IN_PROGRESS);
        if (assignee == null) {
            assignee = by;
        }
        steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.STARTED, null));
        events.add(new WorkOrderEvent.Started(tenant, id, at, by));
        responded(by, at);
    }

    /**
     * Records that the problem is solved: {@code IN_PROGRESS → RESOLVED}.
     *
     * @param by         who solved it; not null
     * @param resolution what was done, at most 4000 characters; may be null
     * @throws IllegalTransitionException if the work order is not in progress
     */
    public void resolve(StaffId by, String resolution, Instant at) {
        Args.notNull(by, "by");
        String text = Args.optional(resolution, "resolution", TEXT_MAX);
        Args.notNull(at, "at");
        check(WorkOrderStatus.RESOLVED, "resolve");
        move(WorkOrderStatus.RESOLVED);
        resolvedAt = at;
        steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.RESOLVED, text));
        events.add(new WorkOrderEvent.Resolved(tenant, id, at, by, text));
        if (resolutionDueAt != null && breach(ServiceTarget.RESOLUTION).isEmpty()) {
            late(ServiceTarget.RESOLUTION, resolutionDueAt, by, at);
        }
    }

    /**
     * Closes a resolved work order: {@code RESOLVED → CLOSED}, final.
     *
     * @param by who closes it; null when the system does
     * @throws IllegalTransitionException if the work order is not resolved
     */
    public void close(StaffId by, Instant at) {
        Args.notNull(at, "at");
        check(WorkOrderStatus.CLOSED, "close");
        move(WorkOrderStatus.CLOSED);
        steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.CLOSED, null));
        events.add(new WorkOrderEvent.Closed(tenant, id, at, by));
    }

    /**
     * Reopens a resolved work order: {@code RESOLVED → IN_PROGRESS}; the resolution time is cleared.
     *
     * @param by     who reopens it; null when the customer does
     * @param reason why, at most 4000 characters; may be null
     * @throws IllegalTransitionException if the work order is not resolved
     */
    public void reopen(StaffId by, String reason, Instant at) {
        String text = Args.optional(reason, "reason", TEXT_MAX);
        Args.notNull(at, "at");
        if (status != WorkOrderStatus.RESOLVED) {
            throw refused("reopen");
        }
        move(WorkOrderStatus.IN_PROGRESS);
        resolvedAt = null;
        steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.REOPENED, text));
        events.add(new WorkOrderEvent.Reopened(tenant, id, at, by, text));
    }

    // ------------------------------------------------------------------ accessors

    /** @return the id */
    public WorkOrderId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version: 0 before it is first stored, 1 once stored, one more per stored change */
    public long version() {
        return version;
    }

    /** @return the customer served */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the order it is about, if any */
    public Optional<OrderId> orderId() {
        return Optional.ofNullable(orderId);
    }

    /** @return the campaign that started the loop, if any */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the subject */
    public String subject() {
        return subject;
    }

    /** @return the description, if any */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the priority */
    public WorkOrderPriority priority() {
        return priority;
    }

    /** @return the current state */
    public WorkOrderStatus status() {
        return status;
    }

    /** @return the staff member responsible, if any */
    public Optional<StaffId> assignee() {
        return Optional.ofNullable(assignee);
    }

    /** @return where it came from */
    public WorkOrderOrigin origin() {
        return origin;
    }

    /** @return every step, oldest first; unmodifiable */
    public List<WorkOrderStep> steps() {
        return Collections.unmodifiableList(steps);
    }

    /** @return when it was opened */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it was last resolved, while resolved or closed */
    public Optional<Instant> resolvedAt() {
        return Optional.ofNullable(resolvedAt);
    }

    /** @return the skill an agent needs to be dispatched this work order, if any */
    public Optional<Skill> requiredSkill() {
        return Optional.ofNullable(requiredSkill);
    }

    /** @return when the first response is due, if service levels apply */
    public Optional<Instant> responseDueAt() {
        return Optional.ofNullable(responseDueAt);
    }

    /** @return when the resolution is due, if service levels apply */
    public Optional<Instant> resolutionDueAt() {
        return Optional.ofNullable(resolutionDueAt);
    }

    /** @return when the work order was first assigned or started, if it has been */
    public Optional<Instant> respondedAt() {
        return Optional.ofNullable(respondedAt);
    }

    /** @return the service-level breaches recorded on the work order, oldest first; unmodifiable */
    public List<ServiceLevelBreach> breaches() {
        return Collections.unmodifiableList(breaches);
    }

    /** @return whether the work order waits for an agent: open or in progress, and nobody assigned */
    public boolean queued() {
        return assignee == null && status.acceptsAssignment();
    }

    /**
     * The breaches of this work order as of {@code now}: those recorded, and those pending (the
     * response or resolution has not happened and is overdue at {@code now}; a closed work order has
     * none pending).
     *
     * @param now the moment to judge at; not null
     * @return recorded breaches first, then pending ones (response before resolution)
     */
    public List<ServiceLevelBreach> breachesAt(Instant now) {
        Args.notNull(now, "now");
        Instant t = micros(now);
        List<ServiceLevelBreach> out = new ArrayList<>(breaches);
        if (responseDueAt != null && respondedAt == null && status != WorkOrderStatus.CLOSED
                && t.isAfter(responseDueAt)) {
            out.add(new ServiceLevelBreach(id, ServiceTarget.RESPONSE, responseDueAt, t, true));
        }
        if (resolutionDueAt != null && resolvedAt == null && status != WorkOrderStatus.CLOSED
                && breach(ServiceTarget.RESOLUTION).isEmpty() && t.isAfter(resolutionDueAt)) {
            out.add(new ServiceLevelBreach(id, ServiceTarget.RESOLUTION, resolutionDueAt, t, true));
        }
        return out;
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<WorkOrderEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "WorkOrder[" + id + ", " + status + ", '" + subject + "', v" + version + "]";
    }

    // ------------------------------------------------------------------ persistence support

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private void responded(StaffId by, Instant at) {
        if (respondedAt != null) {
            return;
        }
        respondedAt = micros(at);
        if (responseDueAt != null) {
            late(ServiceTarget.RESPONSE, responseDueAt, by, at);
        }
    }

    private void late(ServiceTarget target, Instant dueAt, StaffId by, Instant at) {
        Instant t = micros(at);
        if (!t.isAfter(dueAt)) {
            return;
        }
        ServiceLevelBreach b = new ServiceLevelBreach(id, target, dueAt, t, false);
        breaches.add(b);
        steps.add(new WorkOrderStep(at, by, WorkOrderStepKind.SERVICE_LEVEL_BREACHED,
                target + " due " + dueAt + ", late by " + b.lateBy()));
        events.add(new WorkOrderEvent.ServiceLevelBreached(tenant, id, at, target, dueAt, b.lateBy()));
    }

    private Optional<ServiceLevelBreach> breach(ServiceTarget target) {
        return breaches.stream().filter(b -> b.target() == target).findFirst();
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    private void check(WorkOrderStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw refused(move);
        }
    }

    private void move(WorkOrderStatus next) {
        status = next;
    }

    private IllegalTransitionException refused(String move) {
        return new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                move + " (allowed moves: " + status.successors() + ")");
    }
}
