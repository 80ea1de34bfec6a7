package org.crmkit.core.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.RelationshipLevel;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.KnowledgeArticleRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.service.ServiceAgentRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.CustomerRecord;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;

/**
 * After-sales service of one tenant (domain §10): the self-service knowledge base, self-service
 * sessions, and service work orders.
 *
 * <p>The main line: a customer with a delivered order asks a question; {@link #offerArticle}
 * offers the best-matching published article and records the session; if the customer says it did
 * not help, {@link #recordSelfServiceOutcome} opens a work order in the same unit of work; the work
 * order is then {@linkplain #assign assigned}, {@linkplain #start started},
 * {@linkplain #resolve resolved} and {@linkplain #close closed} (or {@linkplain #reopen reopened}).
 *
 * <p>Service agents, service levels and dispatch (domain §10: "the system dispatches each work order
 * automatically, preferring staff with high customer satisfaction, with no manual step"): staff are
 * {@linkplain #registerAgent registered} as agents with skills and a capacity. Every work order,
 * however it is opened (from an order, a call, a complaint or a self-service escalation), gets its
 * due times from the {@link ServiceLevelPolicy} by the customer's relationship level and the
 * priority, and is dispatched by the {@link DispatchStrategy} in the same unit of work. When no agent
 * qualifies it stays open and queued, and {@link #dispatchQueued()} tries again. {@link #breaches}
 * lists the targets missed. Manual {@linkplain #assign assignment} stays possible; a registered
 * agent is never given more work orders than the capacity, by dispatch or by hand.
 *
 * <p>Every method is one unit of work: what it changes is stored together or not at all, and its
 * events are published only after the commit. Changes use optimistic locking: a concurrent change
 * of the same aggregate makes one of them fail with {@link StaleWriteException}, writing nothing.
 * An id that names nothing of the tenant is refused with a {@link ValidationException} on that id's
 * field. Illegal moves throw {@link IllegalTransitionException} and write nothing.
 *
 * <p>Thread-safe.
 *
 * @since 0.1
 */
public final class ServiceDesk {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final ServiceLevelPolicy serviceLevels;
    private final MemberServiceLevels memberServiceLevels;
    private final DispatchStrategy dispatchStrategy;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where everything is kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public ServiceDesk(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                       DomainEventListener publisher) {
        this(tenant, storage, clock, ids, publisher, ServiceLevelPolicy.defaults(), DispatchStrategy.highestRated());
    }

    /**
     * Without a club: no customer gets a tier's service level.
     *
     * @see #ServiceDesk(TenantId, CrmStorage, Clock, IdGenerator, DomainEventListener, ServiceLevelPolicy,
     *      DispatchStrategy, MemberServiceLevels)
     */
    public ServiceDesk(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                       DomainEventListener publisher, ServiceLevelPolicy serviceLevels,
                       DispatchStrategy dispatchStrategy) {
        this(tenant, storage, clock, ids, publisher, serviceLevels, dispatchStrategy, MemberServiceLevels.NONE);
    }

    /**
     * Where the desk learns a customer's club tier: the service level code of the tier of an active
     * member, read in the desk's own unit of work. {@code Crm} connects its customer club; a host that
     * assembles the desk itself may pass {@link #NONE}.
     */
    @FunctionalInterface
    public interface MemberServiceLevels {
        /** No club: nobody has a tier service level. */
        MemberServiceLevels NONE = (session, customer) -> Optional.empty();

        /**
         * @param session  the desk's open unit of work; not null
         * @param customer the customer; not null
         * @return the service level code of the customer's tier, or empty
         */
        Optional<String> of(StorageSession session, CustomerId customer);
    }

    /**
     * Same as {@link #ServiceDesk(TenantId, CrmStorage, Clock, IdGenerator, DomainEventListener)}, with
     * the service levels, the dispatch strategy and the club tiers.
     *
     * @param serviceLevels       the due times of new work orders; not null
     * @param dispatchStrategy    how work orders are dispatched to agents; not null
     * @param memberServiceLevels the service level code of a customer's club tier, which
     *                            {@link ServiceLevelPolicy#servedAs} may raise the targets by; not null
     */
    public ServiceDesk(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                       DomainEventListener publisher, ServiceLevelPolicy serviceLevels,
                       DispatchStrategy dispatchStrategy, MemberServiceLevels memberServiceLevels) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.serviceLevels = Objects.requireNonNull(serviceLevels, "serviceLevels must not be null");
        this.dispatchStrategy = Objects.requireNonNull(dispatchStrategy, "dispatchStrategy must not be null");
        this.memberServiceLevels = Objects.requireNonNull(memberServiceLevels, "memberServiceLevels must not be null");
    }

    /** @return the service levels new work orders get their due times from */
    public ServiceLevelPolicy serviceLevels() {
        return serviceLevels;
    }

    /** @return how work orders are dispatched */
    public DispatchStrategy dispatchStrategy() {
        return dispatchStrategy;
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    // ------------------------------------------------------------------ knowledge base

    /**
     * Writes and publishes a knowledge-base article.
     *
     * @param title the title, at most 200 characters; not blank
     * @param body  the text; not blank
     * @param tags  search tags (lower-cased, deduplicated); not null, may be empty
     * @param by    who published it; may be null
     * @return the stored article, version 1
     * @throws ValidationException naming the field if an argument breaks a rule; nothing is stored
     */
    public KnowledgeArticle publishArticle(String title, String body, Collection<String> tags, StaffId by) {
        KnowledgeArticle article = KnowledgeArticle.publish(new ArticleId(ids.next()), tenant, title, body, tags, by,
                clock.instant());
        storage.useTransaction(tenant.value(), s -> s.records(KnowledgeArticleRecord.KIND).insert(article.toRecord()));
        return committed(article);
    }

    /**
     * Stops offering an article to customers.
     *
     * @throws IllegalTransitionException if it is withdrawn already
     */
    public KnowledgeArticle withdrawArticle(ArticleId id, StaffId by) {
        return changeArticle(id, a -> a.withdraw(by, clock.instant()));
    }

    /**
     * Offers a withdrawn article again.
     *
     * @throws IllegalTransitionException if it is published already
     */
    public KnowledgeArticle republishArticle(ArticleId id, StaffId by) {
        return changeArticle(id, a -> a.republish(by, clock.instant()));
    }

    /** @return the article with that id in this tenant, published or not, or empty */
    public Optional<KnowledgeArticle> findArticle(ArticleId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> loadArticle(s, id));
    }

    /**
     * Searches the published articles: the text is split into tokens at every character that is
     * neither a letter nor a digit, case is ignored, and an article matches a token when its title,
     * body or tags contain that token as a whole word. Articles are ranked by how many distinct
     * tokens they match, most first, then by title.
     *
     * @param text what to search for; not blank
     * @return the matching published articles, best first; empty if none matches
     * @throws ValidationException on {@code query} if the text is blank
     */
    public List<ArticleMatch> searchArticles(String text) {
        Set<String> tokens = queryTokens(text);
        return storage.inTransaction(tenant.value(), s -> ArticleSearch.rank(tokens, publishedArticles(s)));
    }

    // ------------------------------------------------------------------ self-service

    /**
     * Offers the customer of a delivered order the best-matching published article for
     * {@code query} and records the session (with the order and its campaign).
     *
     * @return the stored session and its article, or {@link SelfServiceOffer#none()} when no
     *         published article matches (then nothing is stored)
     * @throws NoSuchCustomerException if the order's customer is not a customer of the tenant
     */
    public SelfServiceOffer offerArticle(DeliveredOrder order, String query) {
        Objects.requireNonNull(order, "order must not be null");
        return offer(order.customerId(), order.orderId(), order.campaignId(), query);
    }

    /**
     * Offers a customer the best-matching published article for {@code query} and records the session.
     *
     * @return the stored session and its article, or {@link SelfServiceOffer#none()} when no
     *         published article matches (then nothing is stored)
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public SelfServiceOffer offerArticle(CustomerId customer, String query) {
        Objects.requireNonNull(customer, "customer must not be null");
        return offer(customer, null, null, query);
    }

    private SelfServiceOffer offer(CustomerId customer, OrderId order, CampaignId campaign, String query) {
        Set<String> tokens = queryTokens(query);
        SelfServiceSessionId sessionId = new SelfServiceSessionId(ids.next());
        Instant now = clock.instant();
        SelfServiceOffer offer = storage.inTransaction(tenant.value(), s -> {
            requireCustomer(s, customer);
            List<ArticleMatch> matches = ArticleSearch.rank(tokens, publishedArticles(s));
            if (matches.isEmpty()) {
                return SelfServiceOffer.none();
            }
            KnowledgeArticle best = matches.get(0).article();
            SelfServiceSession session = SelfServiceSession.offer(sessionId, tenant, customer, order, campaign,
                    query, best.id(), now);
            s.records(SelfServiceSessionRecord.KIND).insert(session.toRecord());
            return new SelfServiceOffer(Optional.of(session), Optional.of(best));
        });
        offer.session().ifPresent(this::committed);
        return offer;
    }

    /**
     * Records whether the offered article solved the customer's problem. When it did not, a work
     * order (origin {@link WorkOrderOrigin#SELF_SERVICE}, priority {@link WorkOrderPriority#NORMAL},
     * with the session's customer, order and campaign) is opened and the session escalated to it,
     * both in this one unit of work.
     *
     * @param id     the session; not null
     * @param solved whether the article solved the problem
     * @param by     the staff member recording it; null when the customer answered
     * @return the session as stored and, if not solved, the new work order
     * @throws ValidationException        on {@code sessionId} if the tenant has no such session
     * @throws IllegalTransitionException if the session already has an outcome; nothing is written
     */
    public SelfServiceOutcome recordSelfServiceOutcome(SelfServiceSessionId id, boolean solved, StaffId by) {
        Objects.requireNonNull(id, "id must not be null");
        WorkOrderId workOrderId = new WorkOrderId(ids.next());
        Instant now = clock.instant();
        SelfServiceOutcome outcome = storage.inTransaction(tenant.value(), s -> {
            SelfServiceSession session = loadSession(s, id)
                    .orElseThrow(() -> Args.notFound("sessionId", "a self-service session", tenant, id));
            if (solved) {
                session.solved(by, now);
                s.records(SelfServiceSessionRecord.KIND).update(session.toRecord());
                return new SelfServiceOutcome(session, Optional.empty());
            }
            session.escalated(workOrderId, by, now);
            ServiceLevelTargets targets = targetsFor(s, session.customerId(), WorkOrderPriority.NORMAL);
            WorkOrder workOrder = WorkOrder.open(workOrderId, tenant, session.customerId(),
                    session.orderId().orElse(null), session.campaignId().orElse(null), WorkOrderOrigin.SELF_SERVICE,
                    subjectFor(session.query()), "Self-service session " + session.id() + " offered article "
                            + session.articleId() + ", which did not solve the problem.",
                    WorkOrderPriority.NORMAL, null, targets, by, now);
            dispatchIn(s, workOrder, now);
            s.records(SelfServiceSessionRecord.KIND).update(session.toRecord());
            s.records(WorkOrderRecord.KIND).insert(workOrder.toRecord());
            return new SelfServiceOutcome(session, Optional.of(workOrder));
        });
        List<DomainEvent> events = new ArrayList<>(outcome.session().recordedEvents());
        outcome.workOrder().ifPresent(w -> events.addAll(w.recordedEvents()));
        outcome.session().markStored();
        outcome.workOrder().ifPresent(WorkOrder::markStored);
        events.forEach(publisher::on);
        return outcome;
    }

    /** @return the self-service session with that id in this tenant, or empty */
    public Optional<SelfServiceSession> findSession(SelfServiceSessionId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> loadSession(s, id));
    }

    /** @return a customer's self-service sessions, in id order (for time-ordered ids: oldest first) */
    public List<SelfServiceSession> sessionsForCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return storage.inTransaction(tenant.value(), s -> Args.all(s.records(SelfServiceSessionRecord.KIND),
                        RecordQuery.all().where("customerId", customer.toString())).stream()
                .map(r -> Args.restore(r, SelfServiceSession::restore, SelfServiceSession.AGGREGATE)).toList());
    }

    // ------------------------------------------------------------------ work orders

    /**
     * Opens a work order about a delivered order (origin {@link WorkOrderOrigin#ORDER}), carrying
     * the order's customer and campaign, and dispatches it; see {@link #openAndDispatch(DeliveredOrder,
     * String, WorkOrderPriority, Skill, StaffId)}.
     *
     * @param subject  a one-line subject, at most 200 characters; not blank
     * @param priority the priority; not null
     * @param by       who opened it; null when the customer did
     * @return the stored work order, version 1, state {@code OPEN}, assigned if an agent qualified
     * @throws NoSuchCustomerException if the order's customer is not a customer of the tenant
     */
    public WorkOrder openWorkOrder(DeliveredOrder order, String subject, WorkOrderPriority priority, StaffId by) {
        return openAndDispatch(order, subject, priority, null, by).workOrder();
    }

    /**
     * Opens a work order about a delivered order (origin {@link WorkOrderOrigin#ORDER}) and
     * dispatches it, in one unit of work: its due times come from the {@link ServiceLevelPolicy} by
     * the customer's relationship level and {@code priority}, and the {@link DispatchStrategy} assigns
     * it to an agent, or leaves it queued when none qualifies.
     *
     * @param subject       a one-line subject, at most 200 characters; not blank
     * @param priority      the priority; not null
     * @param requiredSkill the skill an agent needs; null when any agent will do
     * @param by            who opened it; null when the customer did
     * @return the stored work order (version 1, state {@code OPEN}) and the dispatch outcome
     * @throws NoSuchCustomerException if the order's customer is not a customer of the tenant
     * @throws IllegalStateException   if the dispatch strategy breaks a hard rule; nothing is stored
     */
    public OpenedWorkOrder openAndDispatch(DeliveredOrder order, String subject, WorkOrderPriority priority,
                                           Skill requiredSkill, StaffId by) {
        Objects.requireNonNull(order, "order must not be null");
        WorkOrderId id = new WorkOrderId(ids.next());
        return open(order.customerId(), priority, (targets, now) -> WorkOrder.open(id, tenant, order.customerId(),
                order.orderId(), order.campaignId(), WorkOrderOrigin.ORDER, subject, null, priority, requiredSkill,
                targets, by, now));
    }

    /**
     * Opens a work order that is not about an order (a call, a complaint) and dispatches it; see
     * {@link #openAndDispatch(CustomerId, WorkOrderOrigin, String, String, WorkOrderPriority, Skill, StaffId)}.
     *
     * @param origin      where it came from; not null
     * @param subject     a one-line subject, at most 200 characters; not blank
     * @param description the problem in more words; may be null
     * @param priority    the priority; not null
     * @param by          who opened it; may be null
     * @return the stored work order, version 1, state {@code OPEN}, assigned if an agent qualified
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public WorkOrder openWorkOrder(CustomerId customer, WorkOrderOrigin origin, String subject, String description,
                                   WorkOrderPriority priority, StaffId by) {
        return openAndDispatch(customer, origin, subject, description, priority, null, by).workOrder();
    }

    /**
     * Opens a work order that is not about an order (a call, a complaint) and dispatches it, in one
     * unit of work: its due times come from the {@link ServiceLevelPolicy} by the customer's
     * relationship level and {@code priority}, and the {@link DispatchStrategy} assigns it to an agent,
     * or leaves it queued when none qualifies.
     *
     * @param origin        where it came from; not null
     * @param subject       a one-line subject, at most 200 characters; not blank
     * @param description   the problem in more words; may be null
     * @param priority      the priority; not null
     * @param requiredSkill the skill an agent needs; null when any agent will do
     * @param by            who opened it; may be null
     * @return the stored work order (version 1, state {@code OPEN}) and the dispatch outcome
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     * @throws IllegalStateException   if the dispatch strategy breaks a hard rule; nothing is stored
     */
    public OpenedWorkOrder openAndDispatch(CustomerId customer, WorkOrderOrigin origin, String subject,
                                           String description, WorkOrderPriority priority, Skill requiredSkill,
                                           StaffId by) {
        Objects.requireNonNull(customer, "customer must not be null");
        WorkOrderId id = new WorkOrderId(ids.next());
        return open(customer, priority, (targets, now) -> WorkOrder.open(id, tenant, customer, null, null, origin,
                subject, description, priority, requiredSkill, targets, by, now));
    }

    /**
     * Opens and dispatches a work order as {@link #openAndDispatch} does, as one step of a unit of
     * work the caller runs, so that it commits or rolls back with the caller's other steps (a
     * complaint opens its work order and records the linking action atomically this way).
     *
     * <p>The work order (and the chosen agent's record) are written to {@code session}; nothing is
     * published. Once the caller's unit of work has committed, it passes the result to
     * {@link #afterCommit(OpenedWorkOrder)}, which publishes the events; if the unit of work fails,
     * nothing of this call remains.
     *
     * @param session a session of this tenant, inside the caller's unit of work; not null
     * @return the work order as written and the dispatch outcome
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     * @throws org.crmkit.spi.storage.TenantMismatchException if the session belongs to another tenant
     * @see #openAndDispatch(CustomerId, WorkOrderOrigin, String, String, WorkOrderPriority, Skill, StaffId)
     */
    public OpenedWorkOrder openAndDispatchWithin(StorageSession session, CustomerId customer, WorkOrderOrigin origin,
                                                 String subject, String description, WorkOrderPriority priority,
                                                 Skill requiredSkill, StaffId by) {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(customer, "customer must not be null");
        if (!session.tenant().equals(tenant.value())) {
            throw new org.crmkit.spi.storage.TenantMismatchException(session.tenant(), tenant.value());
        }
        WorkOrderId id = new WorkOrderId(ids.next());
        return openIn(session, priority, clock.instant(), (targets, now) -> WorkOrder.open(id, tenant, customer, null,
                null, origin, subject, description, priority, requiredSkill, targets, by, now), customer);
    }

    /**
     * Publishes the events of a work order opened by {@link #openAndDispatchWithin} after the
     * caller's unit of work committed.
     *
     * @param opened what {@code openAndDispatchWithin} returned; not null
     * @return the same work order, now clean
     */
    public WorkOrder afterCommit(OpenedWorkOrder opened) {
        return committed(Objects.requireNonNull(opened, "opened must not be null").workOrder());
    }

    /** Builds the new work order from its service levels and the time of opening. */
    @FunctionalInterface
    private interface Opening {
        WorkOrder open(ServiceLevelTargets targets, Instant now);
    }

    private OpenedWorkOrder open(CustomerId customer, WorkOrderPriority priority, Opening opening) {
        Instant now = clock.instant();
        OpenedWorkOrder opened = storage.inTransaction(tenant.value(), s -> openIn(s, priority, now, opening, customer));
        committed(opened.workOrder());
        return opened;
    }

    private OpenedWorkOrder openIn(StorageSession s, WorkOrderPriority priority, Instant now, Opening opening,
                                   CustomerId customer) {
        ServiceLevelTargets targets = targetsFor(s, customer, Args.notNull(priority, "priority"));
        WorkOrder workOrder = opening.open(targets, now);
        DispatchOutcome outcome = dispatchIn(s, workOrder, now);
        s.records(WorkOrderRecord.KIND).insert(workOrder.toRecord());
        return new OpenedWorkOrder(workOrder, outcome);
    }

    /**
     * Dispatches every queued work order (open or in progress, nobody assigned) again, most urgent
     * first: by response due time (work orders without service levels last), then by id. All in one
     * unit of work; the loads and ratings each dispatch sees include the dispatches before it.
     * Work orders that still find no agent stay queued and are not written.
     *
     * @return one outcome per queued work order, in the order they were tried; empty if none was queued
     * @throws IllegalStateException if the dispatch strategy breaks a hard rule; nothing is written
     */
    public List<DispatchOutcome> dispatchQueued() {
        Instant now = clock.instant();
        List<Map.Entry<WorkOrder, DispatchOutcome>> done = storage.inTransaction(tenant.value(), s -> {
            List<WorkOrder> queued = new ArrayList<>(workOrdersIn(s, WorkOrderStatus.OPEN,
                    WorkOrderStatus.IN_PROGRESS).stream().filter(WorkOrder::queued).toList());
            queued.sort(Comparator.comparing((WorkOrder w) -> w.responseDueAt().orElse(Instant.MAX))
                    .thenComparing(w -> w.id().value()));
            List<Map.Entry<WorkOrder, DispatchOutcome>> out = new ArrayList<>();
            for (WorkOrder w : queued) {
                DispatchOutcome outcome = dispatchIn(s, w, now);
                if (w.hasChanges()) {
                    s.records(WorkOrderRecord.KIND).update(w.toRecord());
                }
                out.add(Map.entry(w, outcome));
            }
            return out;
        });
        done.forEach(e -> committed(e.getKey()));
        return done.stream().map(Map.Entry::getValue).toList();
    }

    /** @return the work orders waiting for an agent (open or in progress, nobody assigned), in id order */
    public List<WorkOrder> queuedWorkOrders() {
        return storage.inTransaction(tenant.value(), s -> workOrdersIn(s, WorkOrderStatus.OPEN,
                WorkOrderStatus.IN_PROGRESS)).stream().filter(WorkOrder::queued).toList();
    }

    /**
     * The service-level breaches of the work orders that are not closed, as of {@code now}: every
     * breach recorded on them (a first response or resolution that came late), and every target
     * overdue at {@code now} that has not been met yet (pending). A closed work order is left out;
     * its breaches stay recorded on it ({@link WorkOrder#breaches()}).
     *
     * @param now the moment to judge at; not null
     * @return the breaches, by work order id, recorded before pending
     */
    public List<ServiceLevelBreach> breaches(Instant now) {
        Objects.requireNonNull(now, "now must not be null");
        return storage.inTransaction(tenant.value(), s -> workOrdersIn(s, WorkOrderStatus.OPEN,
                WorkOrderStatus.IN_PROGRESS, WorkOrderStatus.RESOLVED)).stream()
                .flatMap(w -> w.breachesAt(now).stream()).toList();
    }

    /** @return the work orders in any of those states, sorted by id ({@link java.util.UUID#compareTo}) */
    private List<WorkOrder> workOrdersIn(StorageSession s, WorkOrderStatus... states) {
        List<WorkOrder> out = new ArrayList<>();
        for (WorkOrderStatus status : states) {
            Args.all(s.records(WorkOrderRecord.KIND), RecordQuery.all().where("status", status.name())).stream()
                    .map(r -> Args.restore(r, WorkOrder::restore, WorkOrder.AGGREGATE)).forEach(out::add);
        }
        out.sort(Comparator.comparing(w -> w.id().value()));
        return out;
    }

    /** Same as {@link #breaches(Instant)} as of the clock's now. */
    public List<ServiceLevelBreach> breaches() {
        return breaches(clock.instant());
    }

    /**
     * Makes {@code assignee} responsible for a work order (while open or in progress).
     *
     * @throws IllegalTransitionException if the work order is resolved or closed
     */
    public WorkOrder assign(WorkOrderId id, StaffId assignee, StaffId by) {
        return changeWorkOrder(id, (s, w) -> {
            // a work order that accepts no assignment is refused by w.assign as an illegal move, before any capacity check
            if (assignee != null && w.status().acceptsAssignment() && !assignee.equals(w.assignee().orElse(null))) {
                claimPlace(s, assignee, "assignee");
            }
            w.assign(assignee, by, clock.instant());
        });
    }

    /**
     * Starts work on an open work order; {@code by} becomes the assignee if there is none.
     *
     * @throws IllegalTransitionException if the work order is not open
     */
    public WorkOrder start(WorkOrderId id, StaffId by) {
        return changeWorkOrder(id, (s, w) -> {
            if (by != null && w.assignee().isEmpty() && w.status() == WorkOrderStatus.OPEN) {
                claimPlace(s, by, "by");
            }
            w.start(by, clock.instant());
        });
    }

    /**
     * Records that the problem is solved.
     *
     * @param resolution what was done; may be null
     * @throws IllegalTransitionException if the work order is not in progress
     */
    public WorkOrder resolve(WorkOrderId id, StaffId by, String resolution) {
        return changeWorkOrder(id, w -> w.resolve(by, resolution, clock.instant()));
    }

    /**
     * Closes a resolved work order.
     *
     * @throws IllegalTransitionException if the work order is not resolved
     */
    public WorkOrder close(WorkOrderId id, StaffId by) {
        return changeWorkOrder(id, w -> w.close(by, clock.instant()));
    }

    /**
     * Reopens a resolved work order. It stays with its assignee when the assignee is not a registered
     * agent or has spare capacity; otherwise the assignee is {@linkplain WorkOrder#release released}
     * and the work order is dispatched again in the same unit of work (and stays queued if no agent
     * qualifies), so that no agent ends up over capacity.
     *
     * @param reason why; may be null
     * @throws IllegalTransitionException if the work order is not resolved
     */
    public WorkOrder reopen(WorkOrderId id, StaffId by, String reason) {
        return changeWorkOrder(id, (s, w) -> {
            Instant now = clock.instant();
            w.reopen(by, reason, now);
            Optional<StaffId> assignee = w.assignee();
            Optional<ServiceAgent> agent = assignee.flatMap(a -> loadAgent(s, a));
            if (agent.isPresent()) {
                int load = openLoad(s, agent.get().staffId());
                if (load < agent.get().capacity()) {
                    agent.get().reserve();
                    s.records(ServiceAgentRecord.KIND).update(agent.get().toRecord());
                } else {
                    w.release(agent.get().staffId() + " is at capacity (" + load + "/" + agent.get().capacity()
                            + " open) when the work order was reopened", now);
                    dispatchIn(s, w, now);
                }
            }
        });
    }

    /** @return the work order with that id in this tenant, or empty */
    public Optional<WorkOrder> findWorkOrder(WorkOrderId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> loadWorkOrder(s, id));
    }

    /**
     * @return the work order with that id
     * @throws ValidationException on {@code workOrderId} if the tenant has no such work order
     */
    public WorkOrder getWorkOrder(WorkOrderId id) {
        return findWorkOrder(id).orElseThrow(() -> Args.notFound("workOrderId", "a work order", tenant, id));
    }

    /** @return a customer's work orders, in id order */
    public List<WorkOrder> workOrdersForCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return queryWorkOrders(RecordQuery.all().where("customerId", customer.toString()));
    }

    /** @return the work orders about an order, in id order */
    public List<WorkOrder> workOrdersForOrder(OrderId order) {
        Objects.requireNonNull(order, "order must not be null");
        return queryWorkOrders(RecordQuery.all().where("orderId", order.toString()));
    }

    /** @return the work orders in a state, in id order */
    public List<WorkOrder> workOrdersIn(WorkOrderStatus status) {
        Objects.requireNonNull(status, "status must not be null");
        return queryWorkOrders(RecordQuery.all().where("status", status.name()));
    }

    // ------------------------------------------------------------------ service agents

    /**
     * Registers a staff member as a service agent, available at once.
     *
     * @param staff       the staff member; not null, not yet registered in this tenant
     * @param displayName the name shown to colleagues, at most 200 characters; not blank
     * @param skills      the agent's skills; not null, may be empty
     * @param capacity    the most work orders open or in progress at once; 1 to {@link ServiceAgent#CAPACITY_MAX},
     *                    and at least the work orders the staff member has open or in progress already
     * @param by          who registered the agent; may be null
     * @return the stored agent, version 1
     * @throws ValidationException naming the field if an argument breaks a rule, on {@code staffId}
     *                             if the staff member is registered already, on {@code capacity} if it is
     *                             below the staff member's open work orders; nothing is stored
     */
    public ServiceAgent registerAgent(StaffId staff, String displayName, Collection<Skill> skills, int capacity,
                                      StaffId by) {
        Objects.requireNonNull(staff, "staff must not be null");
        ServiceAgentId id = agentIdOf(staff);
        ServiceAgent agent = ServiceAgent.register(id, tenant, staff, displayName, skills, capacity, by,
                clock.instant());
        try {
            storage.useTransaction(tenant.value(), s -> {
                if (loadAgent(s, staff).isPresent()) {
                    throw alreadyRegistered(staff);
                }
                int load = openLoad(s, staff);
                if (capacity < load) {
                    throw new ValidationException("capacity", "must be at least the " + load
                            + " work orders " + staff + " has open or in progress", capacity);
                }
                s.records(ServiceAgentRecord.KIND).insert(agent.toRecord());
            });
        } catch (DuplicateRecordException e) {
            // a concurrent registration of the same staff member committed first (same derived id)
            if (id.value().equals(e.id())) {
                throw alreadyRegistered(staff);
            }
            throw e;
        }
        return committed(agent);
    }

    /**
     * The record id of a staff member's agent, derived from the tenant and the staff id (a name-based
     * UUID), so that two units of work registering the same staff member at once cannot both store
     * an agent: the store's uniqueness of ids refuses the second.
     */
    private ServiceAgentId agentIdOf(StaffId staff) {
        String name = "crmkit:" + ServiceAgentRecord.KIND.name() + ":" + tenant.value() + ":" + staff.value();
        return new ServiceAgentId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
    }

    private ValidationException alreadyRegistered(StaffId staff) {
        return new ValidationException("staffId", "must not name an agent already registered in tenant '"
                + tenant + "'", staff);
    }

    /**
     * Replaces an agent's skills. Work orders already assigned stay assigned.
     *
     * @throws ValidationException on {@code staffId} if the staff member is not a registered agent
     */
    public ServiceAgent changeAgentSkills(StaffId staff, Collection<Skill> skills, StaffId by) {
        return changeAgent(staff, (s, a) -> a.changeSkills(skills, by, clock.instant()));
    }

    /**
     * Changes an agent's capacity.
     *
     * @throws ValidationException on {@code capacity} if it is out of range or below the number of
     *                             work orders the agent has open or in progress now; on
     *                             {@code staffId} if the staff member is not a registered agent
     */
    public ServiceAgent changeAgentCapacity(StaffId staff, int capacity, StaffId by) {
        return changeAgent(staff, (s, a) -> {
            int load = openLoad(s, staff);
            if (capacity < load) {
                throw new ValidationException("capacity", "must be at least the " + load
                        + " work orders " + staff + " has open or in progress", capacity);
            }
            a.changeCapacity(capacity, by, clock.instant());
        });
    }

    /**
     * Makes an agent available for new work orders. Queued work orders are not dispatched by this;
     * call {@link #dispatchQueued()}.
     *
     * @throws IllegalTransitionException if the agent is available already
     */
    public ServiceAgent markAgentAvailable(StaffId staff, StaffId by) {
        return changeAgent(staff, (s, a) -> a.markAvailable(by, clock.instant()));
    }

    /**
     * Makes an agent unavailable for dispatch: no new work order is dispatched to the agent, who keeps
     * the ones assigned. Assigning one by hand ({@link #assign}, {@link #start}) stays possible, within
     * the capacity.
     *
     * @throws IllegalTransitionException if the agent is unavailable already
     */
    public ServiceAgent markAgentUnavailable(StaffId staff, StaffId by) {
        return changeAgent(staff, (s, a) -> a.markUnavailable(by, clock.instant()));
    }

    /** @return the agent that staff member is, in this tenant, or empty */
    public Optional<ServiceAgent> findAgent(StaffId staff) {
        Objects.requireNonNull(staff, "staff must not be null");
        return storage.inTransaction(tenant.value(), s -> loadAgent(s, staff));
    }

    /** @return every registered agent of the tenant, in staff-id order */
    public List<ServiceAgent> agents() {
        return storage.inTransaction(tenant.value(), this::loadAgents);
    }

    /**
     * @return how many work orders the agent has open or in progress now
     * @throws ValidationException on {@code staffId} if the staff member is not a registered agent
     */
    public int agentLoad(StaffId staff) {
        Objects.requireNonNull(staff, "staff must not be null");
        return storage.inTransaction(tenant.value(), s -> {
            requireAgent(s, staff);
            return openLoad(s, staff);
        });
    }

    /**
     * The agent's customer-satisfaction rating: the {@linkplain AgentRating Bayesian average} of the
     * answered satisfaction surveys about the work orders the agent is assigned to.
     *
     * @throws ValidationException on {@code staffId} if the staff member is not a registered agent
     */
    public AgentRating agentRating(StaffId staff) {
        Objects.requireNonNull(staff, "staff must not be null");
        return storage.inTransaction(tenant.value(), s -> {
            ServiceAgent a = requireAgent(s, staff);
            return ratings(s, List.of(a), assignedTo(s, List.of(a))).get(staff);
        });
    }

    /** @return the rating of every registered agent, in staff-id order */
    public List<AgentRating> agentRatings() {
        return storage.inTransaction(tenant.value(), s -> {
            List<ServiceAgent> agents = loadAgents(s);
            Map<StaffId, AgentRating> ratings = ratings(s, agents, assignedTo(s, agents));
            return agents.stream().map(a -> ratings.get(a.staffId())).toList();
        });
    }

    // ------------------------------------------------------------------ internals

    private ServiceLevelTargets targetsFor(StorageSession s, CustomerId customer, WorkOrderPriority priority) {
        CustomerRecord c = s.customers().find(customer.value())
                .orElseThrow(() -> new NoSuchCustomerException(tenant, customer));
        RelationshipLevel level = serviceLevels.servedAs(RelationshipLevel.parse(c.relationshipLevel()),
                memberServiceLevels.of(s, customer));
        return serviceLevels.targetsFor(level, priority);
    }

    /** Dispatches {@code w} (not yet written by this call) and stores the chosen agent's last assignment. */
    private DispatchOutcome dispatchIn(StorageSession s, WorkOrder w, Instant now) {
        List<ServiceAgent> agents = loadAgents(s);
        Map<StaffId, List<WorkOrderRecord>> assigned = assignedTo(s, agents);
        Map<StaffId, AgentRating> ratings = ratings(s, agents, assigned);
        List<AgentCandidate> candidates = agents.stream().map(a -> new AgentCandidate(a.staffId(), a.displayName(),
                a.skills(), a.capacity(), a.available(), openCount(assigned.get(a.staffId()), w.id()),
                ratings.get(a.staffId()), a.lastAssignedAt().orElse(null))).toList();
        DispatchRequest request = new DispatchRequest(w.id(), w.customerId(), w.priority(),
                w.requiredSkill().orElse(null), now);
        DispatchOutcome outcome = dispatchStrategy.dispatch(request, candidates);
        String strategy = dispatchStrategy.getClass().getName();
        if (outcome == null || !outcome.workOrderId().equals(w.id())) {
            throw new IllegalStateException("dispatch strategy " + strategy + " returned " + outcome
                    + " for work order " + w.id());
        }
        if (outcome.assignment().isPresent()) {
            DispatchDecision d = outcome.assignment().get();
            AgentCandidate chosen = candidates.stream().filter(c -> c.staffId().equals(d.chosen())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("dispatch strategy " + strategy + " chose "
                            + d.chosen() + ", who is not a registered agent"));
            if (!chosen.available() || !chosen.hasSpareCapacity() || !chosen.qualifiesFor(w.requiredSkill())) {
                throw new IllegalStateException("dispatch strategy " + strategy + " chose " + chosen.describe()
                        + " for work order " + w.id() + ", who is unavailable, at capacity or lacks skill "
                        + w.requiredSkill().map(Skill::name).orElse("(none)"));
            }
            w.dispatch(d, now);
            ServiceAgent agent = agents.stream().filter(a -> a.staffId().equals(d.chosen())).findFirst().orElseThrow();
            agent.assigned(now);
            s.records(ServiceAgentRecord.KIND).update(agent.toRecord());
        }
        return outcome;
    }

    /** If {@code staff} is a registered agent: refuses when at capacity, else notes the assignment on the agent. */
    private void claimPlace(StorageSession s, StaffId staff, String field) {
        Optional<ServiceAgent> agent = loadAgent(s, staff);
        if (agent.isPresent()) {
            int load = openLoad(s, staff);
            if (load >= agent.get().capacity()) {
                throw new ValidationException(field, "must be an agent with spare capacity; " + staff + " has "
                        + load + " of " + agent.get().capacity() + " work orders open", staff);
            }
            agent.get().assigned(clock.instant());
            s.records(ServiceAgentRecord.KIND).update(agent.get().toRecord());
        }
    }

    private int openLoad(StorageSession s, StaffId staff) {
        return openCount(Args.all(s.records(WorkOrderRecord.KIND), RecordQuery.all().where("assigneeId",
                staff.value())), null);
    }

    private static int openCount(List<WorkOrderRecord> records, WorkOrderId except) {
        if (records == null) {
            return 0;
        }
        return (int) records.stream()
                .filter(r -> except == null || !r.id().equals(except.value()))
                .filter(r -> WorkOrderStatus.valueOf(r.status()).acceptsAssignment()).count();
    }

    /** @return each agent's assigned work orders, every state */
    private Map<StaffId, List<WorkOrderRecord>> assignedTo(StorageSession s, List<ServiceAgent> agents) {
        Map<StaffId, List<WorkOrderRecord>> out = new HashMap<>();
        for (ServiceAgent a : agents) {
            out.put(a.staffId(), Args.all(s.records(WorkOrderRecord.KIND),
                    RecordQuery.all().where("assigneeId", a.staffId().value())));
        }
        return out;
    }

    /**
     * The rating of each agent from the answered surveys whose work order the agent is assigned to.
     * Read straight from the survey records (status {@code ANSWERED}), so that service does not depend
     * on the satisfaction package, which depends on it.
     */
    private Map<StaffId, AgentRating> ratings(StorageSession s, List<ServiceAgent> agents,
                                              Map<StaffId, List<WorkOrderRecord>> assigned) {
        Map<java.util.UUID, StaffId> handler = new HashMap<>();
        assigned.forEach((staff, records) -> records.forEach(r -> handler.put(r.id(), staff)));
        Map<StaffId, List<Integer>> scores = new HashMap<>();
        agents.forEach(a -> scores.put(a.staffId(), new ArrayList<>()));
        if (!handler.isEmpty()) {
            for (SatisfactionSurveyRecord survey : Args.all(s.records(SatisfactionSurveyRecord.KIND),
                    RecordQuery.all().where("status", "ANSWERED"))) {
                StaffId staff = survey.workOrderId() == null ? null : handler.get(survey.workOrderId());
                if (staff != null && survey.answer() != null) {
                    scores.get(staff).add(survey.answer().score());
                }
            }
        }
        Map<StaffId, AgentRating> out = new HashMap<>();
        scores.forEach((staff, list) -> out.put(staff, AgentRating.of(staff, list)));
        return out;
    }

    private List<ServiceAgent> loadAgents(StorageSession s) {
        return Args.all(s.records(ServiceAgentRecord.KIND), RecordQuery.all()).stream()
                .map(r -> Args.restore(r, ServiceAgent::restore, ServiceAgent.AGGREGATE))
                .sorted(Comparator.comparing(a -> a.staffId().value())).toList();
    }

    private Optional<ServiceAgent> loadAgent(StorageSession s, StaffId staff) {
        return Args.all(s.records(ServiceAgentRecord.KIND), RecordQuery.all().where("staffId", staff.value()))
                .stream().findFirst().map(r -> Args.restore(r, ServiceAgent::restore, ServiceAgent.AGGREGATE));
    }

    private ServiceAgent requireAgent(StorageSession s, StaffId staff) {
        return loadAgent(s, staff).orElseThrow(() -> Args.notFound("staffId", "a service agent", tenant, staff));
    }

    private ServiceAgent changeAgent(StaffId staff, java.util.function.BiConsumer<StorageSession, ServiceAgent> verb) {
        Objects.requireNonNull(staff, "staff must not be null");
        ServiceAgent changed = storage.inTransaction(tenant.value(), s -> {
            ServiceAgent a = requireAgent(s, staff);
            verb.accept(s, a);
            if (a.hasChanges()) {
                s.records(ServiceAgentRecord.KIND).update(a.toRecord());
            }
            return a;
        });
        return committed(changed);
    }

    private ServiceAgent committed(ServiceAgent a) {
        List<ServiceAgentEvent> events = List.copyOf(a.recordedEvents());
        if (a.hasChanges()) {
            a.markStored();
        }
        events.forEach(publisher::on);
        return a;
    }

    private List<WorkOrder> queryWorkOrders(RecordQuery query) {
        return storage.inTransaction(tenant.value(), s -> Args.all(s.records(WorkOrderRecord.KIND), query).stream()
                .map(r -> Args.restore(r, WorkOrder::restore, WorkOrder.AGGREGATE)).toList());
    }

    private WorkOrder changeWorkOrder(WorkOrderId id, Consumer<WorkOrder> verb) {
        return changeWorkOrder(id, (s, w) -> verb.accept(w));
    }

    private WorkOrder changeWorkOrder(WorkOrderId id, java.util.function.BiConsumer<StorageSession, WorkOrder> verb) {
        Objects.requireNonNull(id, "id must not be null");
        WorkOrder changed = storage.inTransaction(tenant.value(), s -> {
            WorkOrder w = loadWorkOrder(s, id)
                    .orElseThrow(() -> Args.notFound("workOrderId", "a work order", tenant, id));
            verb.accept(s, w);
            if (w.hasChanges()) {
                s.records(WorkOrderRecord.KIND).update(w.toRecord());
            }
            return w;
        });
        return committed(changed);
    }

    private KnowledgeArticle changeArticle(ArticleId id, Consumer<KnowledgeArticle> verb) {
        Objects.requireNonNull(id, "id must not be null");
        KnowledgeArticle changed = storage.inTransaction(tenant.value(), s -> {
            KnowledgeArticle a = loadArticle(s, id)
                    .orElseThrow(() -> Args.notFound("articleId", "a knowledge article", tenant, id));
            verb.accept(a);
            if (a.hasChanges()) {
                s.records(KnowledgeArticleRecord.KIND).update(a.toRecord());
            }
            return a;
        });
        return committed(changed);
    }

    private Optional<WorkOrder> loadWorkOrder(StorageSession s, WorkOrderId id) {
        return s.records(WorkOrderRecord.KIND).find(id.value())
                .map(r -> Args.restore(r, WorkOrder::restore, WorkOrder.AGGREGATE));
    }

    private Optional<KnowledgeArticle> loadArticle(StorageSession s, ArticleId id) {
        return s.records(KnowledgeArticleRecord.KIND).find(id.value())
                .map(r -> Args.restore(r, KnowledgeArticle::restore, KnowledgeArticle.AGGREGATE));
    }

    private Optional<SelfServiceSession> loadSession(StorageSession s, SelfServiceSessionId id) {
        return s.records(SelfServiceSessionRecord.KIND).find(id.value())
                .map(r -> Args.restore(r, SelfServiceSession::restore, SelfServiceSession.AGGREGATE));
    }

    private List<KnowledgeArticle> publishedArticles(StorageSession s) {
        return Args.all(s.records(KnowledgeArticleRecord.KIND), RecordQuery.all().where("published", "true")).stream()
                .map(r -> Args.restore(r, KnowledgeArticle::restore, KnowledgeArticle.AGGREGATE)).toList();
    }

    private void requireCustomer(StorageSession s, CustomerId customer) {
        if (s.customers().find(customer.value()).isEmpty()) {
            throw new NoSuchCustomerException(tenant, customer);
        }
    }

    private static Set<String> queryTokens(String text) {
        String q = Args.required(text, "query", SelfServiceSession.QUERY_MAX);
        Set<String> tokens = ArticleSearch.tokens(q);
        if (tokens.isEmpty()) {
            throw new ValidationException("query", "must contain a letter or a digit", text);
        }
        return tokens;
    }

    private static String subjectFor(String query) {
        String subject = "Self-service did not help: " + query;
        return subject.length() <= WorkOrder.SUBJECT_MAX ? subject : subject.substring(0, WorkOrder.SUBJECT_MAX - 1) + "…";
    }

    private WorkOrder committed(WorkOrder w) {
        List<WorkOrderEvent> events = List.copyOf(w.recordedEvents());
        if (w.hasChanges()) {
            w.markStored();
        }
        events.forEach(publisher::on);
        return w;
    }

    private KnowledgeArticle committed(KnowledgeArticle a) {
        List<KnowledgeArticleEvent> events = List.copyOf(a.recordedEvents());
        if (a.hasChanges()) {
            a.markStored();
        }
        events.forEach(publisher::on);
        return a;
    }

    private SelfServiceSession committed(SelfServiceSession session) {
        List<SelfServiceEvent> events = List.copyOf(session.recordedEvents());
        if (session.hasChanges()) {
            session.markStored();
        }
        events.forEach(publisher::on);
        return session;
    }
}
