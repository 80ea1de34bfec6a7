package org.crmkit.core.sales.opportunity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OpportunityActivityRecord;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.OpportunityRoutingRecord;
import org.crmkit.spi.sales.OpportunityStageChangeRecord;

/**
 * A sales opportunity (domain §9, "opportunity tracking"): a possible deal with a customer, owned
 * by a salesperson, worth an amount, expected to close on a date, moving through the stages of a
 * {@link Pipeline} until it is won or lost.
 *
 * <p><b>Probability.</b> Entering a stage sets the win probability to the stage's default. A
 * probability {@linkplain #setProbability set by hand} sticks until the next stage change or until
 * it is {@linkplain #clearProbability cleared}. Winning sets it to 1, losing to 0.
 *
 * <p><b>History.</b> The stage history records every stage change (from, to, when, who, and the
 * time spent in the stage left), starting with the opening; the time spent in the current stage
 * is {@link #timeInCurrentStage(Instant)}. The routing history records every routing to another
 * salesperson (from, to, when, who, why).
 *
 * <p><b>Closing.</b> {@link #win} and {@link #lose} need a reason; the competitor is optional in
 * both cases (a deal lost for lack of budget has none). A closed opportunity never changes again:
 * every verb on it is refused with {@link IllegalTransitionException}.
 *
 * <p><b>Rules.</b> Every verb checks its input and the state machine of {@link OpportunityStatus}
 * before it changes anything: bad input throws {@link ValidationException} naming the field, an
 * illegal move throws {@link IllegalTransitionException} naming the aggregate, its id, its state
 * and the move, and in both cases the opportunity is unchanged. Every successful verb records an
 * {@link OpportunityEvent}. Times are read from the clock truncated to milliseconds, and never
 * before the last change, so that histories stay ordered even if the clock steps back.
 *
 * <p>Not thread-safe: an {@code Opportunity} is a working copy for one unit of work. Change stored
 * opportunities through {@link Opportunities}.
 *
 * @since 0.1
 */
public final class Opportunity {

    private static final String AGGREGATE = "opportunity";

    private final OpportunityId id;
    private final TenantId tenant;
    private final long version;
    private final CustomerId customerId;
    private StaffId owner;
    private final String name;
    private Money amount;
    private LocalDate expectedClose;
    private final PipelineId pipelineId;
    private String stageCode;
    private BigDecimal stageProbability;
    private BigDecimal probability;
    private boolean probabilitySetByHand;
    private OpportunityStatus status;
    private final List<StageChange> stageHistory;
    private final List<Routing> routingHistory;
    private final List<Activity> activities;
    private String closeReason;
    private String competitor;
    private Instant closedAt;
    private StaffId closedBy;
    private final CampaignId campaignId;
    private final LeadId leadId;
    private final Instant createdAt;
    private Instant updatedAt;

    private final Clock clock;
    private final List<OpportunityEvent> events = new ArrayList<>();

    private Opportunity(OpportunityId id, TenantId tenant, long version, CustomerId customerId, StaffId owner,
                        String name, Money amount, LocalDate expectedClose, PipelineId pipelineId, String stageCode,
                        BigDecimal stageProbability, BigDecimal probability, boolean probabilitySetByHand,
                        OpportunityStatus status, List<StageChange> stageHistory, List<Routing> routingHistory,
                        List<Activity> activities, String closeReason, String competitor, Instant closedAt,
                        StaffId closedBy, CampaignId campaignId, LeadId leadId, Instant createdAt, Instant updatedAt,
                        Clock clock) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.owner = owner;
        this.name = name;
        this.amount = amount;
        this.expectedClose = expectedClose;
        this.pipelineId = pipelineId;
        this.stageCode = stageCode;
        this.stageProbability = stageProbability;
        this.probability = probability;
        this.probabilitySetByHand = probabilitySetByHand;
        this.status = status;
        this.stageHistory = new ArrayList<>(stageHistory);
        this.routingHistory = new ArrayList<>(routingHistory);
        this.activities = new ArrayList<>(activities);
        this.closeReason = closeReason;
        this.competitor = competitor;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
        this.campaignId = campaignId;
        this.leadId = leadId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ factories

    /**
     * Opens a new opportunity in the pipeline's first stage, with that stage's default probability,
     * and records {@link OpportunityEvent.Opened}. The owner is recorded as the one who opened it.
     * It is not stored yet (its version is 0); store {@link #toRecord()} (version 1) with
     * {@code session.records(OpportunityRecord.KIND).insert(...)}, or use {@link Opportunities#open}.
     *
     * @param id            the new opportunity's id; not null
     * @param tenant        its tenant; not null
     * @param customer      the customer; not null (the caller checks that it exists)
     * @param owner         the responsible salesperson; not null
     * @param name          a short title; not blank, at most 200 characters
     * @param amount        the expected amount; not null, not negative
     * @param expectedClose the date it is expected to close; not null
     * @param pipeline      the pipeline of the tenant it moves through; not null
     * @param campaign      the campaign it is attributed to; may be null
     * @param lead          the lead it was converted from; may be null
     * @param clock         the source of time for this and later verbs; not null
     * @return the opportunity
     * @throws ValidationException naming the field, if an argument breaks a rule
     */
    public static Opportunity open(OpportunityId id, TenantId tenant, CustomerId customer, StaffId owner, String name,
                                   Money amount, LocalDate expectedClose, Pipeline pipeline, CampaignId campaign,
                                   LeadId lead, Clock clock) {
        Texts.notNull(id, "opportunityId");
        Texts.notNull(tenant, "tenant");
        Texts.notNull(customer, "customerId");
        Texts.staff(owner, "owner");
        String title = Texts.required(name, "name", 200);
        checkAmount(amount);
        Texts.notNull(expectedClose, "expectedClose");
        Texts.notNull(pipeline, "pipeline");
        if (!pipeline.tenant().equals(tenant)) {
            throw new ValidationException("pipeline", "must belong to tenant '" + tenant + "'", pipeline.id());
        }
        Texts.notNull(clock, "clock");
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PipelineStage first = pipeline.firstStage();
        Opportunity o = new Opportunity(id, tenant, 0, customer, owner, title, amount, expectedClose, pipeline.id(),
                first.code(), first.defaultProbability(), first.defaultProbability(), false, OpportunityStatus.OPEN,
                List.of(new StageChange(null, first.code(), now, owner, Duration.ZERO)), List.of(), List.of(), null,
                null, null, null, campaign, lead, now, now, clock);
        o.events.add(new OpportunityEvent.Opened(tenant, id, now, customer, owner, title, amount, expectedClose,
                pipeline.id(), first.code(), first.defaultProbability(), campaign, lead));
        return o;
    }

    /**
     * Rebuilds a stored opportunity whose verbs read the system clock in UTC. Services use
     * {@link #restore(OpportunityRecord, Clock)} with their own clock.
     *
     * @param record the stored opportunity; not null
     * @return the opportunity at the record's version, with no recorded events
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static Opportunity restore(OpportunityRecord record) {
        return restore(record, Clock.systemUTC());
    }

    /**
     * Rebuilds a stored opportunity, checking every rule of the model (stage history chained and
     * timed, probability consistent with status and stage, routing history chained).
     *
     * @param record the stored opportunity; not null
     * @param clock  the source of time for its verbs; not null
     * @return the opportunity at the record's version, with no recorded events
     * @throws ValidationException naming the field, if the record breaks a rule of the model
     */
    public static Opportunity restore(OpportunityRecord record, Clock clock) {
        Objects.requireNonNull(record, "record must not be null");
        Texts.notNull(clock, "clock");
        List<StageChange> stages = new ArrayList<>();
        for (OpportunityStageChangeRecord s : record.stageHistory()) {
            stages.add(new StageChange(s.fromStage(), s.toStage(), s.at(), StaffId.of(s.by()),
                    Duration.ofMillis(s.millisInFromStage())));
        }
        List<Routing> routings = new ArrayList<>();
        for (OpportunityRoutingRecord r : record.routingHistory()) {
            routings.add(new Routing(StaffId.of(r.fromOwner()), StaffId.of(r.toOwner()), r.at(), StaffId.of(r.by()),
                    r.reason()));
        }
        List<Activity> acts = new ArrayList<>();
        for (OpportunityActivityRecord a : record.activities()) {
            acts.add(new Activity(a.id(), Enums.parse(ActivityKind.class, a.kind(), "activities.kind"), a.subject(),
                    a.dueDate(), a.scheduledAt(), StaffId.of(a.scheduledBy()), a.doneAt(),
                    a.doneBy() == null ? null : StaffId.of(a.doneBy())));
        }
        Opportunity o = new Opportunity(OpportunityId.of(record.id()), TenantId.of(record.tenant()), record.version(),
                CustomerId.of(record.customerId()), StaffId.of(record.ownerId()),
                Texts.required(record.name(), "name", 200),
                Money.of(record.amount().amount(), record.amount().currency()), record.expectedClose(),
                PipelineId.of(record.pipelineId()), PipelineStage.code(record.stageCode(), "stageCode"),
                Texts.probability(record.stageProbability(), "stageProbability"),
                Texts.probability(record.probability(), "probability"), record.probabilitySetByHand(),
                Enums.parse(OpportunityStatus.class, record.status(), "status"), stages, routings, acts,
                record.closeReason(), record.competitor(), record.closedAt(),
                record.closedBy() == null ? null : StaffId.of(record.closedBy()),
                record.campaignId() == null ? null : CampaignId.of(record.campaignId()),
                record.leadId() == null ? null : LeadId.of(record.leadId()), record.createdAt(), record.updatedAt(),
                clock);
        o.checkInvariants();
        return o;
    }

    /**
     * @return the record to store: this opportunity at its next version (1 for a new opportunity)
     */
    public OpportunityRecord toRecord() {
        return new OpportunityRecord(id.value(), tenant.value(), version + 1, customerId.value(), owner.value(), name,
                new MoneyRecord(amount.amount(), amount.currencyCode()), expectedClose, pipelineId.value(), stageCode,
                stageProbability, probability, probabilitySetByHand, status.name(),
                stageHistory.stream().map(s -> new OpportunityStageChangeRecord(s.fromStage(), s.toStage(), s.at(),
                        s.by().value(), s.timeInFromStage().toMillis())).toList(),
                routingHistory.stream().map(r -> new OpportunityRoutingRecord(r.from().value(), r.to().value(),
                        r.at(), r.by().value(), r.reason())).toList(),
                activities.stream().map(a -> new OpportunityActivityRecord(a.id(), a.kind().name(), a.subject(),
                        a.dueDate(), a.scheduledAt(), a.scheduledBy().value(), a.doneAt(),
                        a.doneBy() == null ? null : a.doneBy().value())).toList(),
                closeReason, competitor, closedAt, closedBy == null ? null : closedBy.value(),
                campaignId == null ? null : campaignId.value(), leadId == null ? null : leadId.value(), createdAt,
                updatedAt);
    }

    // ------------------------------------------------------------------ verbs

    /**
     * Moves the opportunity to another stage of its pipeline, forwards or backwards. Records the
     * time spent in the stage it leaves, sets the probability to the new stage's default (a
     * probability set by hand does not survive a stage change) and records
     * {@link OpportunityEvent.StageChanged}.
     *
     * @param pipeline  the opportunity's pipeline; not null
     * @param stageCode the stage to move to, in any case; a stage of the pipeline other than the current one
     * @param by        who moves it; not null
     * @throws IllegalTransitionException if the opportunity is closed
     * @throws ValidationException        on {@code pipeline} if it is another pipeline, on
     *                                    {@code stageCode} if the pipeline has no such stage or it
     *                                    is the current stage, on {@code by} if null
     */
    public void moveToStage(Pipeline pipeline, String stageCode, StaffId by) {
        requireOpen("move to stage " + stageCode);
        Texts.notNull(pipeline, "pipeline");
        if (!pipeline.id().equals(pipelineId)) {
            throw new ValidationException("pipeline", "must be the opportunity's pipeline " + pipelineId,
                    pipeline.id());
        }
        PipelineStage stage = pipeline.requireStage(stageCode);
        if (stage.code().equals(this.stageCode)) {
            throw new ValidationException("stageCode", "must differ from the current stage", stage.code());
        }
        Texts.staff(by, "by");
        Instant now = now();
        Duration spent = Duration.between(stageEnteredAt(), now);
        String from = this.stageCode;
        stageHistory.add(new StageChange(from, stage.code(), now, by, spent));
        this.stageCode = stage.code();
        this.stageProbability = stage.defaultProbability();
        this.probability = stage.defaultProbability();
        this.probabilitySetByHand = false;
        updatedAt = now;
        events.add(new OpportunityEvent.StageChanged(tenant, id, now, from, stage.code(), spent, probability, by));
    }

    /**
     * Sets the win probability by hand. It sticks until the next stage change or
     * {@link #clearProbability}. Records {@link OpportunityEvent.ProbabilitySet}.
     *
     * @param probability 0 to 1, in whole percents (at most two fraction digits)
     * @param by          who sets it; not null
     * @throws IllegalTransitionException if the opportunity is closed
     * @throws ValidationException        on {@code probability} or {@code by} if invalid
     */
    public void setProbability(BigDecimal probability, StaffId by) {
        requireOpen("set probability to " + (probability == null ? null : probability.toPlainString()));
        BigDecimal p = Texts.probability(probability, "probability");
        Texts.staff(by, "by");
        Instant now = now();
        BigDecimal from = this.probability;
        this.probability = p;
        this.probabilitySetByHand = true;
        updatedAt = now;
        events.add(new OpportunityEvent.ProbabilitySet(tenant, id, now, from, p, by));
    }

    /**
     * Clears a probability set by hand: the probability is the current stage's default again.
     * Records {@link OpportunityEvent.ProbabilityCleared}.
     *
     * @param by who clears it; not null
     * @throws IllegalTransitionException if the opportunity is closed
     * @throws ValidationException        on {@code probability} if it was not set by hand
     */
    public void clearProbability(StaffId by) {
        requireOpen("clear probability");
        if (!probabilitySetByHand) {
            throw new ValidationException("probability", "must have been set by hand to be cleared",
                    probability.toPlainString());
        }
        Texts.staff(by, "by");
        Instant now = now();
        BigDecimal from = probability;
        probability = stageProbability;
        probabilitySetByHand = false;
        updatedAt = now;
        events.add(new OpportunityEvent.ProbabilityCleared(tenant, id, now, from, probability, by));
    }

    /**
     * Revises the expected amount and close date. Records {@link OpportunityEvent.Revised}.
     *
     * @param amount        the new amount; not null, not negative (any currency)
     * @param expectedClose the new expected close date; not null
     * @param by            who revises; not null
     * @throws IllegalTransitionException if the opportunity is closed
     * @throws ValidationException        naming the field, if an argument is invalid
     */
    public void revise(Money amount, LocalDate expectedClose, StaffId by) {
        requireOpen("revise");
        checkAmount(amount);
        Texts.notNull(expectedClose, "expectedClose");
        Texts.staff(by, "by");
        Instant now = now();
        Money previousAmount = this.amount;
        LocalDate previousClose = this.expectedClose;
        this.amount = amount;
        this.expectedClose = expectedClose;
        updatedAt = now;
        events.add(new OpportunityEvent.Revised(tenant, id, now, previousAmount, amount, previousClose, expectedClose,
                by));
    }

    /**
     * Closes the opportunity as won: probability 1, and records {@link OpportunityEvent.Won}.
     *
     * @param reason     why it was won; not blank, at most 2000 characters
     * @param competitor the competitor it was won against; may be null, at most 200 characters
     * @param by         who closes it; not null
     * @throws IllegalTransitionException if it is already closed
     * @throws ValidationException        naming the field, if an argument is invalid
     */
    public void win(String reason, String competitor, StaffId by) {
        String why = close(OpportunityStatus.WON, reason, competitor, by);
        events.add(new OpportunityEvent.Won(tenant, id, closedAt, amount, stageCode, why, this.competitor,
                Duration.between(createdAt, closedAt), by));
    }

    /**
     * Closes the opportunity as lost: probability 0, and records {@link OpportunityEvent.Lost}.
     *
     * @param reason     why it was lost; not blank, at most 2000 characters
     * @param competitor the competitor it was lost to; may be null (no decision, no budget), at
     *                   most 200 characters
     * @param by         who closes it; not null
     * @throws IllegalTransitionException if it is already closed
     * @throws ValidationException        naming the field, if an argument is invalid
     */
    public void lose(String reason, String competitor, StaffId by) {
        String why = close(OpportunityStatus.LOST, reason, competitor, by);
        events.add(new OpportunityEvent.Lost(tenant, id, closedAt, amount, stageCode, why, this.competitor, by));
    }

    private String close(OpportunityStatus outcome, String reason, String competitor, StaffId by) {
        if (!status.canTransitionTo(outcome)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), "to " + outcome);
        }
        String why = Texts.required(reason, "reason", 2000);
        String against = Texts.optional(competitor, "competitor", 200);
        Texts.staff(by, "by");
        Instant now = now();
        status = outcome;
        probability = outcome == OpportunityStatus.WON ? Texts.CERTAIN : Texts.NEVER;
        probabilitySetByHand = false;
        closeReason = why;
        this.competitor = against;
        closedAt = now;
        closedBy = by;
        updatedAt = now;
        return why;
    }

    /**
     * Plans an activity and records {@link OpportunityEvent.ActivityScheduled}.
     *
     * @param activityId the new activity's id; not null, new in this opportunity
     * @param kind       call, meeting, task or e-mail; not null
     * @param subject    what it is about; not blank, at most 500 characters
     * @param dueDate    when it is due; not null
     * @param by         who plans it; not null
     * @return the planned activity
     * @throws IllegalTransitionException if the opportunity is closed
     * @throws ValidationException        naming the field, if an argument is invalid
     */
    public Activity scheduleActivity(UUID activityId, ActivityKind kind, String subject, LocalDate dueDate,
                                     StaffId by) {
        requireOpen("schedule activity");
        Texts.notNull(activityId, "activityId");
        if (activity(activityId).isPresent()) {
            throw new ValidationException("activityId", "must be new in this opportunity", activityId);
        }
        Texts.staff(by, "by");
        Instant now = now();
        Activity a = new Activity(activityId, kind, subject, dueDate, now, by, null, null);
        activities.add(a);
        updatedAt = now;
        events.add(new OpportunityEvent.ActivityScheduled(tenant, id, now, activityId, a.kind(), a.subject(),
                a.dueDate(), by));
        return a;
    }

    /**
     * Marks a planned activity done and records {@link OpportunityEvent.ActivityCompleted}.
     *
     * @param activityId the activity; not null
     * @param by         who did it; not null
     * @return the activity, done
     * @throws IllegalTransitionException on the opportunity if it is closed, or on the activity
     *                                    (aggregate {@code "opportunity activity"}) if it is done already
     * @throws ValidationException        on {@code activityId} if the opportunity has no such activity
     */
    public Activity completeActivity(UUID activityId, StaffId by) {
        requireOpen("complete activity " + activityId);
        Texts.notNull(activityId, "activityId");
        int index = indexOfActivity(activityId);
        if (index < 0) {
            throw new ValidationException("activityId", "must name an activity of this opportunity", activityId);
        }
        Activity a = activities.get(index);
        if (!a.status().canTransitionTo(ActivityStatus.DONE)) {
            throw new IllegalTransitionException("opportunity activity", activityId, a.status().name(),
                    "to " + ActivityStatus.DONE);
        }
        Texts.staff(by, "by");
        Instant now = now();
        Activity done = a.done(now, by);
        activities.set(index, done);
        updatedAt = now;
        events.add(new OpportunityEvent.ActivityCompleted(tenant, id, now, activityId, by));
        return done;
    }

    /**
     * Routes the opportunity to another salesperson (a management decision) and records it in the
     * routing history and as {@link OpportunityEvent.Routed}.
     *
     * @param to     the new owner; not null, not the current owner
     * @param by     who routes it; not null
     * @param reason why; may be null, at most 2000 characters
     * @throws IllegalTransitionException if the opportunity is closed
     * @throws ValidationException        on {@code to} if it is the current owner, or naming another invalid field
     */
    public void route(StaffId to, StaffId by, String reason) {
        requireOpen("route to " + to);
        Texts.staff(to, "to");
        Texts.staff(by, "by");
        Instant now = now();
        Routing routing = new Routing(owner, to, now, by, reason);
        routingHistory.add(routing);
        owner = to;
        updatedAt = now;
        events.add(new OpportunityEvent.Routed(tenant, id, now, routing.from(), to, by, routing.reason()));
    }

    // ------------------------------------------------------------------ queries

    /** @return the id */
    public OpportunityId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version; 0 if not stored yet */
    public long version() {
        return version;
    }

    /** @return the customer */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the responsible salesperson */
    public StaffId owner() {
        return owner;
    }

    /** @return the title */
    public String name() {
        return name;
    }

    /** @return the expected amount of the deal */
    public Money amount() {
        return amount;
    }

    /** @return the date it is expected to close */
    public LocalDate expectedClose() {
        return expectedClose;
    }

    /** @return the pipeline it moves through */
    public PipelineId pipelineId() {
        return pipelineId;
    }

    /** @return the code of the current stage (once closed: the stage it was closed in) */
    public String stageCode() {
        return stageCode;
    }

    /** @return the current stage's default probability, 0.00 to 1.00 */
    public BigDecimal stageProbability() {
        return stageProbability;
    }

    /**
     * @return the effective win probability, 0.00 to 1.00: set by hand, or the stage's default,
     *         or 1 once won and 0 once lost
     */
    public BigDecimal probability() {
        return probability;
    }

    /** @return whether the probability was set by hand since the last stage change */
    public boolean probabilitySetByHand() {
        return probabilitySetByHand;
    }

    /** @return the amount times the probability, rounded half up to the currency's minor unit */
    public Money weightedAmount() {
        return amount.times(probability);
    }

    /** @return OPEN, WON or LOST */
    public OpportunityStatus status() {
        return status;
    }

    /** @return every stage change, oldest first, starting with the opening; unmodifiable */
    public List<StageChange> stageHistory() {
        return Collections.unmodifiableList(stageHistory);
    }

    /** @return when it entered its current stage */
    public Instant stageEnteredAt() {
        return stageHistory.get(stageHistory.size() - 1).at();
    }

    /**
     * @param asOf the moment to measure to; not null
     * @return how long it has been in its current stage: until it closed if it is closed, else
     *         until {@code asOf}; zero if {@code asOf} is before it entered the stage
     */
    public Duration timeInCurrentStage(Instant asOf) {
        Texts.notNull(asOf, "asOf");
        Instant end = closedAt != null && closedAt.isBefore(asOf) ? closedAt : asOf;
        Duration d = Duration.between(stageEnteredAt(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }

    /** @return every routing, oldest first; unmodifiable, empty if it was never routed */
    public List<Routing> routingHistory() {
        return Collections.unmodifiableList(routingHistory);
    }

    /** @return the activities, in the order they were planned; unmodifiable */
    public List<Activity> activities() {
        return Collections.unmodifiableList(activities);
    }

    /** @return the activity with that id, or empty */
    public Optional<Activity> activity(UUID activityId) {
        int i = indexOfActivity(activityId);
        return i < 0 ? Optional.empty() : Optional.of(activities.get(i));
    }

    /** @return why it was won or lost, or empty while open */
    public Optional<String> closeReason() {
        return Optional.ofNullable(closeReason);
    }

    /** @return the competitor it was won against or lost to, if one was named */
    public Optional<String> competitor() {
        return Optional.ofNullable(competitor);
    }

    /** @return when it was won or lost, or empty while open */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** @return who closed it, or empty while open */
    public Optional<StaffId> closedBy() {
        return Optional.ofNullable(closedBy);
    }

    /** @return the time from opening to closing, or empty while open */
    public Optional<Duration> salesCycle() {
        return closedAt().map(c -> Duration.between(createdAt, c));
    }

    /** @return the campaign it is attributed to, if any */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the lead it was converted from, if any */
    public Optional<LeadId> leadId() {
        return Optional.ofNullable(leadId);
    }

    /** @return when it was opened */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the events recorded on this working copy, in order; unmodifiable */
    public List<OpportunityEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Opportunity[" + id + ", " + status + ", " + stageCode + ", " + amount + ", p=" + probability + "]";
    }

    // ------------------------------------------------------------------ internals

    private void requireOpen(String move) {
        if (status.isClosed()) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), move);
        }
    }

    /** The clock's time, never before the last change, so that histories stay in order. */
    private Instant now() {
        Instant t = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return t.isBefore(updatedAt) ? updatedAt : t;
    }

    private int indexOfActivity(UUID activityId) {
        for (int i = 0; i < activities.size(); i++) {
            if (activities.get(i).id().equals(activityId)) {
                return i;
            }
        }
        return -1;
    }

    private static void checkAmount(Money amount) {
        Texts.notNull(amount, "amount");
        if (amount.signum() < 0) {
            throw new ValidationException("amount", "must not be negative", amount);
        }
    }

    /** Every rule of the model, checked on a restored opportunity. */
    private void checkInvariants() {
        checkAmount(amount);
        Texts.notNull(expectedClose, "expectedClose");
        if (stageHistory.isEmpty()) {
            throw new ValidationException("stageHistory", "must start with the opening entry");
        }
        StageChange opening = stageHistory.get(0);
        if (opening.fromStage() != null || !opening.at().equals(createdAt)) {
            throw new ValidationException("stageHistory[0]", "must be the opening entry, with no fromStage, at createdAt");
        }
        for (int i = 1; i < stageHistory.size(); i++) {
            StageChange previous = stageHistory.get(i - 1);
            StageChange s = stageHistory.get(i);
            if (!previous.toStage().equals(s.fromStage())) {
                throw new ValidationException("stageHistory[" + i + "].fromStage", "must be the previous entry's toStage '"
                        + previous.toStage() + "'", s.fromStage());
            }
            if (s.fromStage().equals(s.toStage())) {
                throw new ValidationException("stageHistory[" + i + "].toStage", "must differ from fromStage",
                        s.toStage());
            }
            if (!Duration.between(previous.at(), s.at()).equals(s.timeInFromStage())) {
                throw new ValidationException("stageHistory[" + i + "].timeInFromStage",
                        "must be the time since the previous entry", s.timeInFromStage());
            }
        }
        if (!stageHistory.get(stageHistory.size() - 1).toStage().equals(stageCode)) {
            throw new ValidationException("stageCode", "must be the last stage history entry's toStage", stageCode);
        }
        StaffId expectedOwner = null;
        for (int i = 0; i < routingHistory.size(); i++) {
            Routing r = routingHistory.get(i);
            if (expectedOwner != null && !expectedOwner.equals(r.from())) {
                throw new ValidationException("routingHistory[" + i + "].from", "must be the previous routing's to '"
                        + expectedOwner + "'", r.from());
            }
            expectedOwner = r.to();
        }
        if (expectedOwner != null && !expectedOwner.equals(owner)) {
            throw new ValidationException("ownerId", "must be the last routing's to '" + expectedOwner + "'", owner);
        }
        Set<UUID> activityIds = new HashSet<>();
        for (Activity a : activities) {
            if (!activityIds.add(a.id())) {
                throw new ValidationException("activities.id", "must be unique", a.id());
            }
        }
        if (status == OpportunityStatus.OPEN) {
            if (closeReason != null || competitor != null || closedAt != null || closedBy != null) {
                throw new ValidationException("closedAt", "must be absent while the opportunity is open", closedAt);
            }
            if (!probabilitySetByHand && probability.compareTo(stageProbability) != 0) {
                throw new ValidationException("probability", "must be the stage's default "
                        + stageProbability.toPlainString() + " unless set by hand", probability.toPlainString());
            }
        } else {
            if (closeReason == null || closedAt == null || closedBy == null) {
                throw new ValidationException("closedAt", "must be set, with closeReason and closedBy, once "
                        + status, closedAt);
            }
            if (closedAt.isBefore(stageEnteredAt())) {
                throw new ValidationException("closedAt", "must not be before the last stage change", closedAt);
            }
            BigDecimal expected = status == OpportunityStatus.WON ? Texts.CERTAIN : Texts.NEVER;
            if (probabilitySetByHand || probability.compareTo(expected) != 0) {
                throw new ValidationException("probability", "must be " + expected.toPlainString() + " once "
                        + status, probability.toPlainString());
            }
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new ValidationException("updatedAt", "must not be before createdAt", updatedAt);
        }
    }
}
