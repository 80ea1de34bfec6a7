package org.crmkit.core.sales.campaign;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.common.Channel;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.CampaignRecord;

/**
 * A marketing campaign (domain §9, the start of the closed loop): its name, channels, target
 * segment, budget and actual cost, dates and status. It collects what it caused: the revenue
 * attributed to it and the feedback linked to it (leads name their campaign themselves), so that
 * its {@linkplain #returnOnCost() return} can be read off it; {@link Campaigns#performance} adds
 * its lead funnel.
 *
 * <p>Its status follows {@link CampaignStatus}: planned, launched (active), completed, or
 * cancelled from planned or active. A refused move throws {@link IllegalTransitionException} and
 * changes nothing; bad input throws {@link ValidationException} naming the field and changes
 * nothing. Every verb records a {@link CampaignEvent}.
 *
 * <p>Money: the budget's currency is the campaign's currency; costs and revenue in another
 * currency are refused on field {@code currency}. Time comes from the {@link Clock} each verb is
 * given and is kept to the microsecond.
 *
 * <p>Not thread-safe: a {@code Campaign} is a working copy for one unit of work.
 *
 * @since 0.1
 */
public final class Campaign {

    /** The aggregate's name in {@link IllegalTransitionException}s. */
    static final String AGGREGATE = "campaign";

    private final CampaignId id;
    private final TenantId tenant;
    private long version;
    private final String name;
    private final Set<Channel> channels;
    private final TargetSegment target;
    private final Money budget;
    private Money actualCost;
    private final LocalDate startDate;
    private final LocalDate endDate;
    private CampaignStatus status;
    private final StaffId owner;
    private final List<RevenueAttribution> revenue;
    private final List<FeedbackLink> feedback;
    private final List<CampaignStatusChange> history;
    private final Instant createdAt;
    private Instant updatedAt;
    private final List<CampaignEvent> events = new ArrayList<>();

    private Campaign(CampaignId id, TenantId tenant, long version, String name, Set<Channel> channels,
                     TargetSegment target, Money budget, Money actualCost, LocalDate startDate, LocalDate endDate,
                     CampaignStatus status, StaffId owner, List<RevenueAttribution> revenue,
                     List<FeedbackLink> feedback, List<CampaignStatusChange> history, Instant createdAt,
                     Instant updatedAt) {
        this.id = Text.notNull(id, "id");
        this.tenant = Text.notNull(tenant, "tenant");
        if (version < 0) {
            throw new ValidationException("version", "must not be negative", version);
        }
        this.version = version;
        this.name = Text.required(name, "name", 200);
        if (channels == null || channels.isEmpty()) {
            throw new ValidationException("channels", "must hold at least one channel");
        }
        for (Channel c : channels) {
            Text.notNull(c, "channels");
        }
        this.channels = Collections.unmodifiableSet(EnumSet.copyOf(channels));
        this.target = Text.notNull(target, "target");
        this.budget = Text.notNull(budget, "budget");
        if (budget.signum() < 0) {
            throw new ValidationException("budget", "must not be negative", budget);
        }
        this.actualCost = Text.notNull(actualCost, "actualCost");
        budget.requireSameCurrency(actualCost);
        if (actualCost.signum() < 0) {
            throw new ValidationException("actualCost", "must not be negative", actualCost);
        }
        this.startDate = Text.notNull(startDate, "startDate");
        this.endDate = Text.notNull(endDate, "endDate");
        if (endDate.isBefore(startDate)) {
            throw new ValidationException("endDate", "must not be before startDate " + startDate, endDate);
        }
        this.status = Text.notNull(status, "status");
        this.owner = Text.notNull(owner, "owner");
        this.revenue = new ArrayList<>(Text.notNull(revenue, "revenue"));
        Set<UUID> sources = new HashSet<>();
        for (int i = 0; i < this.revenue.size(); i++) {
            RevenueAttribution r = Text.notNull(this.revenue.get(i), "revenue[" + i + "]");
            budget.requireSameCurrency(r.amount());
            if (!sources.add(r.sourceId())) {
                throw new ValidationException("revenue[" + i + "].sourceId", "must not be attributed twice",
                        r.sourceId());
            }
        }
        this.feedback = new ArrayList<>(Text.notNull(feedback, "feedback"));
        Set<UUID> links = new HashSet<>();
        for (int i = 0; i < this.feedback.size(); i++) {
            if (!links.add(Text.notNull(this.feedback.get(i), "feedback[" + i + "]").feedbackId())) {
                throw new ValidationException("feedback[" + i + "].feedbackId", "must not be linked twice");
            }
        }
        this.history = new ArrayList<>(Text.notNull(history, "history"));
        checkHistory(this.history, status);
        this.createdAt = Text.notNull(createdAt, "createdAt");
        this.updatedAt = Text.notNull(updatedAt, "updatedAt");
        if (updatedAt.isBefore(createdAt)) {
            throw new ValidationException("updatedAt", "must not be before createdAt " + createdAt, updatedAt);
        }
    }

    // ------------------------------------------------------------------ factories

    /**
     * Plans a new campaign with no cost recorded yet, and records {@link CampaignEvent.Planned}.
     * The campaign is not stored yet (its version is 0); {@link Campaigns#plan} stores it.
     *
     * @param command what to plan; not null
     * @param id      the new campaign's id; not null
     * @param tenant  its tenant; not null
     * @param clock   the source of time; not null
     * @return the planned campaign
     * @throws ValidationException naming the field, if the command breaks a rule
     */
    public static Campaign plan(PlanCampaign command, CampaignId id, TenantId tenant, Clock clock) {
        Text.notNull(command, "command");
        Text.notNull(clock, "clock");
        Money budget = Text.notNull(command.budget(), "budget");
        StaffId by = Text.notNull(command.plannedBy(), "plannedBy");
        Instant now = now(clock);
        Campaign c = new Campaign(id, tenant, 0, command.name(), command.channels(), command.target(), budget,
                Money.zero(budget.currency()), command.startDate(), command.endDate(), CampaignStatus.PLANNED,
                command.owner(), List.of(), List.of(),
                List.of(new CampaignStatusChange(null, CampaignStatus.PLANNED, now, by, null)), now, now);
        c.events.add(new CampaignEvent.Planned(tenant, id, now, c.name, budget, c.owner, by));
        return c;
    }

    /**
     * Rebuilds a campaign from its stored record, checking every invariant. Records no event.
     *
     * @param record the stored campaign; not null
     * @return the campaign, at the record's version
     * @throws ValidationException if the record breaks a rule of the model
     */
    public static Campaign restore(CampaignRecord record) {
        Text.notNull(record, "record");
        return new Campaign(new CampaignId(record.id()), TenantId.of(record.tenant()), record.version(),
                record.name(), CampaignRecords.channels(record.channels()), CampaignRecords.target(record),
                CampaignRecords.money(record.budget()), CampaignRecords.money(record.actualCost()),
                record.startDate(), record.endDate(), CampaignStatus.parse(record.status()),
                StaffId.of(record.ownerId()), record.revenue().stream().map(CampaignRecords::revenue).toList(),
                record.feedback().stream().map(f -> new FeedbackLink(f.feedbackId(), f.at())).toList(),
                record.history().stream().map(CampaignRecords::change).toList(), record.createdAt(),
                record.updatedAt());
    }

    /**
     * Writes the campaign as the record of its next version: version 1 for a new campaign, one
     * more than {@link #version()} for a changed one.
     *
     * @return the record; never null
     */
    public CampaignRecord toRecord() {
        return CampaignRecords.toRecord(this, version + 1);
    }

    // ------------------------------------------------------------------ verbs

    /**
     * Starts the campaign. Only a planned campaign can be launched.
     *
     * @param by    who launches it; not null
     * @param clock the source of time; not null
     * @throws IllegalTransitionException if the campaign is not planned
     */
    public void launch(StaffId by, Clock clock) {
        Instant now = move(CampaignStatus.ACTIVE, by, null, clock);
        events.add(new CampaignEvent.Launched(tenant, id, now, by));
    }

    /**
     * Ends a running campaign.
     *
     * @param by    who ends it; not null
     * @param clock the source of time; not null
     * @throws IllegalTransitionException if the campaign is not active
     */
    public void complete(StaffId by, Clock clock) {
        Instant now = move(CampaignStatus.COMPLETED, by, null, clock);
        events.add(new CampaignEvent.Completed(tenant, id, now, by));
    }

    /**
     * Calls off a planned or running campaign.
     *
     * @param by     who calls it off; not null
     * @param reason why; not blank, at most 1000 characters
     * @param clock  the source of time; not null
     * @throws IllegalTransitionException if the campaign is completed or already cancelled
     */
    public void cancel(StaffId by, String reason, Clock clock) {
        String why = Text.required(reason, "reason", 1000);
        Instant now = move(CampaignStatus.CANCELLED, by, why, clock);
        events.add(new CampaignEvent.Cancelled(tenant, id, now, by, why));
    }

    /**
     * Adds a cost to the campaign's actual cost. Costs are accepted in every status, since
     * invoices arrive after a campaign ends or is called off. Spending beyond the budget is
     * allowed and shows in {@link #overBudget()}.
     *
     * @param amount the cost; positive, in the campaign's currency
     * @param clock  the source of time; not null
     * @throws ValidationException on {@code amount} if it is not positive, on {@code currency} if
     *                             it is in another currency
     */
    public void recordCost(Money amount, Clock clock) {
        Text.notNull(amount, "amount");
        Text.notNull(clock, "clock");
        budget.requireSameCurrency(amount);
        if (amount.signum() <= 0) {
            throw new ValidationException("amount", "must be positive", amount);
        }
        Instant now = touch(clock);
        actualCost = actualCost.plus(amount);
        events.add(new CampaignEvent.CostRecorded(tenant, id, now, amount, actualCost));
    }

    /**
     * Attributes revenue to the campaign: a sale it caused. Attributing the same source again
     * changes nothing (so that a retried call does not count a sale twice). A planned campaign
     * has caused nothing yet and is refused.
     *
     * @param sourceId what earned the revenue, for example an order id; not null
     * @param amount   the revenue; not negative, in the campaign's currency
     * @param clock    the source of time; not null
     * @return true if the revenue was attributed, false if that source already was
     * @throws IllegalTransitionException if the campaign is still planned
     * @throws ValidationException        on {@code amount} or {@code currency} for a bad amount
     */
    public boolean attributeRevenue(UUID sourceId, Money amount, Clock clock) {
        Text.notNull(sourceId, "sourceId");
        Text.notNull(amount, "amount");
        Text.notNull(clock, "clock");
        budget.requireSameCurrency(amount);
        if (amount.signum() < 0) {
            throw new ValidationException("amount", "must not be negative", amount);
        }
        requireLaunched("attribute revenue");
        if (revenue.stream().anyMatch(r -> r.sourceId().equals(sourceId))) {
            return false;
        }
        Instant now = touch(clock);
        revenue.add(new RevenueAttribution(sourceId, amount, now));
        events.add(new CampaignEvent.RevenueAttributed(tenant, id, now, sourceId, amount));
        return true;
    }

    /**
     * Links feedback the campaign caused. Linking the same feedback again changes nothing. A
     * planned campaign has caused nothing yet and is refused.
     *
     * @param feedbackId the feedback; not null
     * @param clock      the source of time; not null
     * @return true if the feedback was linked, false if it already was
     * @throws IllegalTransitionException if the campaign is still planned
     */
    public boolean linkFeedback(UUID feedbackId, Clock clock) {
        Text.notNull(feedbackId, "feedbackId");
        Text.notNull(clock, "clock");
        requireLaunched("link feedback");
        if (feedback.stream().anyMatch(f -> f.feedbackId().equals(feedbackId))) {
            return false;
        }
        Instant now = touch(clock);
        feedback.add(new FeedbackLink(feedbackId, now));
        events.add(new CampaignEvent.FeedbackLinked(tenant, id, now, feedbackId));
        return true;
    }

    // ------------------------------------------------------------------ queries

    /** @return the revenue attributed so far, in the campaign's currency */
    public Money attributedRevenue() {
        return Money.sum(budget.currency(), revenue.stream().map(RevenueAttribution::amount).toList());
    }

    /**
     * The campaign's return: revenue attributed divided by actual cost, to four decimal places
     * (half up); {@code 2.5000} means every unit spent brought two and a half back.
     *
     * @return the ratio, or empty while no cost is recorded
     */
    public Optional<BigDecimal> returnOnCost() {
        if (actualCost.isZero()) {
            return Optional.empty();
        }
        return Optional.of(attributedRevenue().amount().divide(actualCost.amount(), 4, RoundingMode.HALF_UP));
    }

    /** @return the budget minus the actual cost; negative when over budget */
    public Money remainingBudget() {
        return budget.minus(actualCost);
    }

    /** @return whether the actual cost exceeds the budget */
    public boolean overBudget() {
        return actualCost.compareTo(budget) > 0;
    }

    /**
     * @param date a day; not null
     * @return whether {@code date} lies within the campaign's dates (both ends included)
     */
    public boolean runsOn(LocalDate date) {
        return !date.isBefore(startDate) && !date.isAfter(endDate);
    }

    // ------------------------------------------------------------------ accessors

    /** @return the campaign's id */
    public CampaignId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version this working copy was read at; 0 if never stored */
    public long version() {
        return version;
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return the channels it runs on; unmodifiable, never empty */
    public Set<Channel> channels() {
        return channels;
    }

    /** @return which customers it targets */
    public TargetSegment target() {
        return target;
    }

    /** @return the budget */
    public Money budget() {
        return budget;
    }

    /** @return the cost recorded so far, in the budget's currency */
    public Money actualCost() {
        return actualCost;
    }

    /** @return the first day */
    public LocalDate startDate() {
        return startDate;
    }

    /** @return the last day */
    public LocalDate endDate() {
        return endDate;
    }

    /** @return the status */
    public CampaignStatus status() {
        return status;
    }

    /** @return the responsible staff member */
    public StaffId owner() {
        return owner;
    }

    /** @return revenue attributed, oldest first; unmodifiable */
    public List<RevenueAttribution> revenue() {
        return Collections.unmodifiableList(revenue);
    }

    /** @return feedback linked, oldest first; unmodifiable */
    public List<FeedbackLink> feedback() {
        return Collections.unmodifiableList(feedback);
    }

    /** @return every status change, oldest first (the first one is the planning); unmodifiable */
    public List<CampaignStatusChange> history() {
        return Collections.unmodifiableList(history);
    }

    /** @return when it was planned */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return when it last changed */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the events recorded on this working copy since it was planned or read; unmodifiable */
    public List<CampaignEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Campaign[" + id + ", '" + name + "', " + status + ", v" + version + "]";
    }

    // ------------------------------------------------------------------ persistence support

    /** After a store: the working copy is at {@code storedVersion} and its events are published. */
    void markStored(long storedVersion) {
        version = storedVersion;
        events.clear();
    }

    // ------------------------------------------------------------------ internals

    private Instant move(CampaignStatus next, StaffId by, String reason, Clock clock) {
        Text.notNull(by, "by");
        Text.notNull(clock, "clock");
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), "to " + next);
        }
        Instant now = touch(clock);
        history.add(new CampaignStatusChange(status, next, now, by, reason));
        status = next;
        return now;
    }

    private void requireLaunched(String move) {
        if (status == CampaignStatus.PLANNED) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), move);
        }
    }

    private Instant touch(Clock clock) {
        Instant now = now(clock);
        updatedAt = now.isAfter(updatedAt) ? now : updatedAt;
        return now;
    }

    private static Instant now(Clock clock) {
        return Objects.requireNonNull(clock, "clock must not be null").instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static void checkHistory(List<CampaignStatusChange> history, CampaignStatus status) {
        if (history.isEmpty()) {
            throw new ValidationException("history", "must hold at least the planning");
        }
        for (int i = 0; i < history.size(); i++) {
            CampaignStatusChange c = Text.notNull(history.get(i), "history[" + i + "]");
            if (i == 0) {
                if (c.from() != null || c.to() != CampaignStatus.PLANNED) {
                    throw new ValidationException("history[0]", "must be the planning (none to PLANNED)");
                }
                continue;
            }
            CampaignStatusChange before = history.get(i - 1);
            if (c.from() != before.to() || !c.from().canTransitionTo(c.to())) {
                throw new ValidationException("history[" + i + "]", "must be an allowed move from " + before.to(),
                        c.from() + " to " + c.to());
            }
            if (c.at().isBefore(before.at())) {
                throw new ValidationException("history[" + i + "].at", "must not be before the previous change");
            }
        }
        if (history.get(history.size() - 1).to() != status) {
            throw new ValidationException("status", "must be where the history ends, "
                    + history.get(history.size() - 1).to(), status);
        }
    }
}
