package org.crmkit.core.sales.opportunity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.crmkit.core.sales.PipelineId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.LeadId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.OpportunityRecord;
import org.crmkit.spi.sales.PipelineRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TenantMismatchException;

/**
 * The sales opportunities of one tenant: open them, move them through their pipeline's stages,
 * win or lose them, plan activities, route them to other salespeople, list them, and compute
 * the forecast and the sales cycle.
 *
 * <p>Every change is one unit of work: the opportunity is read, the verb applied and the new
 * version written together or not at all, and its events are published only after the commit.
 * Changes use optimistic locking: if someone else changed the opportunity in the meantime, the
 * change is refused with {@link StaleWriteException} and nothing is written. Methods named
 * {@code ...Within} run as a step of a unit of work the caller runs, and publish nothing.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class Opportunities {

    private static final int PAGE = 500;
    private static final int MAX_MONTHS = 120;

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where opportunities are kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public Opportunities(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                         DomainEventListener publisher) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    // ------------------------------------------------------------------ opening

    /**
     * Opens and stores a new opportunity in the first stage of {@code pipeline}.
     *
     * @param customer      a customer of the tenant; not null
     * @param owner         the responsible salesperson; not null
     * @param name          a short title; not blank, at most 200 characters
     * @param amount        the expected amount; not negative
     * @param expectedClose the expected close date; not null
     * @param pipeline      a pipeline of the tenant; not null
     * @param campaign      the campaign it is attributed to; may be null
     * @param lead          the lead it came from; may be null
     * @return the stored opportunity, version 1
     * @throws NoSuchCustomerException if the tenant has no such customer
     * @throws NoSuchPipelineException if the tenant has no such pipeline
     * @throws ValidationException     naming the field, if an argument breaks a rule, or on {@code leadId} if
     *                                 that lead already has an opportunity (a lead converts into one); nothing is stored
     */
    public Opportunity open(CustomerId customer, StaffId owner, String name, Money amount, LocalDate expectedClose,
                            PipelineId pipeline, CampaignId campaign, LeadId lead) {
        Opportunity o = storage.inTransaction(tenant.value(),
                session -> openWithin(session, customer, owner, name, amount, expectedClose, pipeline, campaign, lead));
        return committed(o);
    }

    /**
     * Opens an opportunity as one step of a unit of work the caller runs, so that it commits or
     * rolls back with the caller's other steps. Nothing is published: the caller publishes the
     * returned opportunity's {@link Opportunity#recordedEvents()} after its commit.
     *
     * @param session a session of this tenant; not null
     * @return the new opportunity as written (its record is version 1)
     * @throws TenantMismatchException if the session belongs to another tenant
     * @see #open
     */
    public Opportunity openWithin(StorageSession session, CustomerId customer, StaffId owner, String name,
                                  Money amount, LocalDate expectedClose, PipelineId pipeline, CampaignId campaign,
                                  LeadId lead) {
        checkSession(session);
        Texts.notNull(customer, "customerId");
        Texts.notNull(pipeline, "pipelineId");
        if (session.customers().find(customer.value()).isEmpty()) {
            throw new NoSuchCustomerException(tenant, customer);
        }
        Pipeline p = session.records(PipelineRecord.KIND).find(pipeline.value()).map(Pipelines::restore)
                .orElseThrow(() -> new NoSuchPipelineException(tenant, pipeline));
        if (lead != null && session.records(OpportunityRecord.KIND)
                .count(RecordQuery.all().where("leadId", lead.toString())) > 0) {
            // A lead converts into exactly one opportunity.
            throw new ValidationException("leadId", "must not have an opportunity already: a lead converts into one",
                    lead.toString());
        }
        Opportunity o = Opportunity.open(OpportunityId.of(ids.next()), tenant, customer, owner, name, amount,
                expectedClose, p, campaign, lead, clock);
        session.records(OpportunityRecord.KIND).insert(o.toRecord());
        return o;
    }

    // ------------------------------------------------------------------ reading

    /** @return the opportunity with that id in this tenant, or empty */
    public Optional<Opportunity> find(OpportunityId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> findWithin(session, id));
    }

    /**
     * @return the opportunity with that id
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity get(OpportunityId id) {
        return find(id).orElseThrow(() -> new NoSuchOpportunityException(tenant, id));
    }

    /**
     * Reads an opportunity inside a unit of work the caller runs (a quote checks that its
     * opportunity is open this way).
     *
     * @param session a session of this tenant; not null
     * @param id      the opportunity; not null
     * @return the opportunity, or empty if this tenant has none with that id
     * @throws TenantMismatchException if the session belongs to another tenant
     */
    public Optional<Opportunity> findWithin(StorageSession session, OpportunityId id) {
        checkSession(session);
        Objects.requireNonNull(id, "id must not be null");
        return session.records(OpportunityRecord.KIND).find(id.value()).map(this::restore);
    }

    /**
     * Lists matching opportunities one page at a time, in id order.
     *
     * @param filter which opportunities; not null
     * @param page   which page; start with {@link PageRequest#first(int)}, continue with {@link Page#next()}
     * @return the page
     */
    public Page<Opportunity> list(OpportunityFilter filter, PageRequest page) {
        Objects.requireNonNull(filter, "filter must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Page<OpportunityRecord> records = storage.inTransaction(tenant.value(),
                session -> session.records(OpportunityRecord.KIND).query(filter.toQuery(), page));
        return new Page<>(records.items().stream().map(this::restore).toList(), records.next());
    }

    /** @return every matching opportunity, in id order, read in one unit of work */
    public List<Opportunity> listAll(OpportunityFilter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        return storage.inTransaction(tenant.value(), session -> readAll(session, filter.toQuery()));
    }

    /** @return how many opportunities match */
    public long count(OpportunityFilter filter) {
        Objects.requireNonNull(filter, "filter must not be null");
        return storage.inTransaction(tenant.value(),
                session -> session.records(OpportunityRecord.KIND).count(filter.toQuery()));
    }

    // ------------------------------------------------------------------ verbs

    /**
     * Moves an opportunity to another stage of its pipeline; see {@link Opportunity#moveToStage}.
     *
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     * @throws IllegalTransitionException if it is closed
     * @throws ValidationException        on {@code stageCode} if the stage is unknown or current
     */
    public Opportunity moveToStage(OpportunityId id, String stageCode, StaffId by) {
        return update(id, (session, o) -> {
            Pipeline p = session.records(PipelineRecord.KIND).find(o.pipelineId().value()).map(Pipelines::restore)
                    .orElseThrow(() -> new NoSuchPipelineException(tenant, o.pipelineId()));
            o.moveToStage(p, stageCode, by);
        });
    }

    /**
     * Sets the probability by hand; see {@link Opportunity#setProbability}.
     *
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity setProbability(OpportunityId id, BigDecimal probability, StaffId by) {
        return change(id, o -> o.setProbability(probability, by));
    }

    /**
     * Clears a probability set by hand; see {@link Opportunity#clearProbability}.
     *
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity clearProbability(OpportunityId id, StaffId by) {
        return change(id, o -> o.clearProbability(by));
    }

    /**
     * Revises amount and expected close date; see {@link Opportunity#revise}.
     *
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity revise(OpportunityId id, Money amount, LocalDate expectedClose, StaffId by) {
        return change(id, o -> o.revise(amount, expectedClose, by));
    }

    /**
     * Closes an opportunity as won; see {@link Opportunity#win}.
     *
     * @param competitor the competitor it was won against; may be null
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity win(OpportunityId id, String reason, String competitor, StaffId by) {
        return change(id, o -> o.win(reason, competitor, by));
    }

    /**
     * Closes an opportunity as lost; see {@link Opportunity#lose}.
     *
     * @param competitor the competitor it was lost to; may be null
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity lose(OpportunityId id, String reason, String competitor, StaffId by) {
        return change(id, o -> o.lose(reason, competitor, by));
    }

    /**
     * Plans an activity with a new id; see {@link Opportunity#scheduleActivity}.
     *
     * @return the planned activity, as stored
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Activity scheduleActivity(OpportunityId id, ActivityKind kind, String subject, LocalDate dueDate,
                                     StaffId by) {
        UUID activityId = ids.next();
        return change(id, o -> o.scheduleActivity(activityId, kind, subject, dueDate, by)).activity(activityId)
                .orElseThrow();
    }

    /**
     * Marks an activity done; see {@link Opportunity#completeActivity}.
     *
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity completeActivity(OpportunityId id, UUID activityId, StaffId by) {
        return change(id, o -> o.completeActivity(activityId, by));
    }

    /**
     * Routes an opportunity to another salesperson; see {@link Opportunity#route}.
     *
     * @param reason why; may be null
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     */
    public Opportunity route(OpportunityId id, StaffId to, StaffId by, String reason) {
        return change(id, o -> o.route(to, by, reason));
    }

    /**
     * Reads an opportunity, applies {@code change} (one or more business verbs) and stores the
     * result, in one unit of work. If {@code change} throws, nothing is written and the exception
     * propagates; if it records no event, nothing is written.
     *
     * @param id     the opportunity; not null
     * @param change the verbs, for example {@code o -> o.route(to, by, "holiday")}; not null
     * @return the stored opportunity
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     * @throws StaleWriteException        if it was changed concurrently; nothing is written
     */
    public Opportunity change(OpportunityId id, Consumer<Opportunity> change) {
        Objects.requireNonNull(change, "change must not be null");
        return update(id, (session, o) -> change.accept(o));
    }

    /**
     * Like {@link #change}, as one step of a unit of work the caller runs. Nothing is published:
     * the caller publishes the returned working copy's {@link Opportunity#recordedEvents()} after
     * its commit.
     *
     * @param session a session of this tenant; not null
     * @return the changed working copy (its {@link Opportunity#version()} is the version it was read at)
     * @throws NoSuchOpportunityException if this tenant has no such opportunity
     * @throws TenantMismatchException    if the session belongs to another tenant
     */
    public Opportunity changeWithin(StorageSession session, OpportunityId id, Consumer<Opportunity> change) {
        Objects.requireNonNull(change, "change must not be null");
        return applyWithin(session, id, (s, o) -> change.accept(o));
    }

    private Opportunity update(OpportunityId id, BiConsumer<StorageSession, Opportunity> change) {
        Opportunity o = storage.inTransaction(tenant.value(), session -> applyWithin(session, id, change));
        return committed(o);
    }

    private Opportunity applyWithin(StorageSession session, OpportunityId id,
                                    BiConsumer<StorageSession, Opportunity> change) {
        Objects.requireNonNull(id, "id must not be null");
        Opportunity o = findWithin(session, id).orElseThrow(() -> new NoSuchOpportunityException(tenant, id));
        change.accept(session, o);
        if (!o.recordedEvents().isEmpty()) {
            session.records(OpportunityRecord.KIND).update(o.toRecord());
        }
        return o;
    }

    /** After a commit: publish the working copy's events and return it as stored. */
    private Opportunity committed(Opportunity o) {
        if (o.recordedEvents().isEmpty()) {
            return o;
        }
        o.recordedEvents().forEach(publisher::on);
        return Opportunity.restore(o.toRecord(), clock);
    }

    // ------------------------------------------------------------------ analytics

    /**
     * The forecast for a period: for each owner and currency, the open opportunities whose
     * expected close date lies in the period (both ends included), how many, their total amount
     * and their amount weighted by probability. Amounts in different currencies are never
     * added. Weighted amounts are summed exactly and rounded half up once per line. Read in one
     * unit of work.
     *
     * @param from the first day, inclusive; not null
     * @param to   the last day, inclusive; not before {@code from}
     * @return the forecast; lines ordered by owner id, then currency code
     * @throws ValidationException on {@code to} if it is before {@code from}
     */
    public Forecast forecast(LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return forecast(readOpen(), from, to);
    }

    /**
     * The forecast month by month, from {@code first} to {@code last} (both included), each
     * month computed as {@link #forecast(LocalDate, LocalDate)} computes a period, all from one
     * read in one unit of work.
     *
     * @param first the first month; not null
     * @param last  the last month; not before {@code first}, at most 120 months after it
     * @return one forecast per month, in order
     * @throws ValidationException on {@code last} if it is before {@code first} or too far after it
     */
    public List<Forecast> forecastByMonth(YearMonth first, YearMonth last) {
        Texts.notNull(first, "first");
        Texts.notNull(last, "last");
        if (last.isBefore(first) || first.plusMonths(MAX_MONTHS).isBefore(last)) {
            throw new ValidationException("last", "must be from " + first + " to " + MAX_MONTHS + " months after it",
                    last);
        }
        List<Opportunity> open = readOpen();
        List<Forecast> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(forecast(open, m.atDay(1), m.atEndOfMonth()));
        }
        return months;
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        Texts.notNull(from, "from");
        Texts.notNull(to, "to");
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from " + from, to);
        }
    }

    private List<Opportunity> readOpen() {
        return storage.inTransaction(tenant.value(),
                session -> readAll(session, RecordQuery.all().where("status", OpportunityStatus.OPEN.name())));
    }

    private static Forecast forecast(List<Opportunity> open, LocalDate from, LocalDate to) {
        Map<String, Map<String, Sums>> byOwner = new TreeMap<>();
        for (Opportunity o : open) {
            if (o.status() != OpportunityStatus.OPEN || o.expectedClose().isBefore(from)
                    || o.expectedClose().isAfter(to)) {
                continue;
            }
            byOwner.computeIfAbsent(o.owner().value(), k -> new TreeMap<>())
                    .computeIfAbsent(o.amount().currencyCode(), k -> new Sums(o.amount().currency()))
                    .add(o.amount(), o.probability());
        }
        List<ForecastLine> lines = new ArrayList<>();
        byOwner.forEach((owner, currencies) -> currencies.values().forEach(s -> lines.add(new ForecastLine(
                StaffId.of(owner), s.currency, s.count, Money.rounded(s.total, s.currency),
                Money.rounded(s.weighted, s.currency)))));
        return new Forecast(from, to, lines);
    }

    /** @return the mean time from opening to winning over every won opportunity of the tenant */
    public SalesCycle averageSalesCycle() {
        return salesCycle(RecordQuery.all().where("status", OpportunityStatus.WON.name()));
    }

    /** @return the mean time from opening to winning over the won opportunities {@code owner} now owns */
    public SalesCycle averageSalesCycle(StaffId owner) {
        Texts.notNull(owner, "owner");
        return salesCycle(RecordQuery.all().where("status", OpportunityStatus.WON.name())
                .where("ownerId", owner.value()));
    }

    private SalesCycle salesCycle(RecordQuery query) {
        List<Opportunity> won = storage.inTransaction(tenant.value(), session -> readAll(session, query));
        Duration total = Duration.ZERO;
        for (Opportunity o : won) {
            total = total.plus(o.salesCycle().orElseThrow());
        }
        return new SalesCycle(won.size(), total);
    }

    /** Running sums of one owner in one currency, exact until the line is made. */
    private static final class Sums {
        final Currency currency;
        int count;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;

        Sums(Currency currency) {
            this.currency = currency;
        }

        void add(Money amount, BigDecimal probability) {
            count++;
            total = total.add(amount.amount());
            weighted = weighted.add(amount.amount().multiply(probability));
        }
    }

    // ------------------------------------------------------------------ internals

    private List<Opportunity> readAll(StorageSession session, RecordQuery query) {
        List<Opportunity> all = new ArrayList<>();
        Optional<PageRequest> page = Optional.of(PageRequest.first(PAGE));
        while (page.isPresent()) {
            Page<OpportunityRecord> p = session.records(OpportunityRecord.KIND).query(query, page.get());
            p.items().forEach(r -> all.add(restore(r)));
            page = p.items().isEmpty() ? Optional.empty() : p.next();
        }
        return all;
    }

    private void checkSession(StorageSession session) {
        Objects.requireNonNull(session, "session must not be null");
        if (!session.tenant().equals(tenant.value())) {
            throw new TenantMismatchException(session.tenant(), tenant.value());
        }
    }

    /** Rebuilds a stored opportunity; a record that breaks a rule of the model is a storage failure. */
    private Opportunity restore(OpportunityRecord record) {
        try {
            return Opportunity.restore(record, clock);
        } catch (ValidationException e) {
            throw new StorageException("opportunity " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), e);
        }
    }
}
