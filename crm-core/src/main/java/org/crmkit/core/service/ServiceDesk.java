package org.crmkit.core.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.StaffId;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.KnowledgeArticleRecord;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.CrmStorage;
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
            WorkOrder workOrder = WorkOrder.open(workOrderId, tenant, session.customerId(),
                    session.orderId().orElse(null), session.campaignId().orElse(null), WorkOrderOrigin.SELF_SERVICE,
                    subjectFor(session.query()), "Self-service session " + session.id() + " offered article "
                            + session.articleId() + ", which did not solve the problem.",
                    WorkOrderPriority.NORMAL, by, now);
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
     * the order's customer and campaign.
     *
     * @param subject  a one-line subject, at most 200 characters; not blank
     * @param priority the priority; not null
     * @param by       who opened it; null when the customer did
     * @return the stored work order, version 1, state {@code OPEN}
     * @throws NoSuchCustomerException if the order's customer is not a customer of the tenant
     */
    public WorkOrder openWorkOrder(DeliveredOrder order, String subject, WorkOrderPriority priority, StaffId by) {
        Objects.requireNonNull(order, "order must not be null");
        return open(WorkOrder.open(new WorkOrderId(ids.next()), tenant, order.customerId(), order.orderId(),
                order.campaignId(), WorkOrderOrigin.ORDER, subject, null, priority, by, clock.instant()));
    }

    /**
     * Opens a work order that is not about an order: a call, a complaint.
     *
     * @param origin      where it came from; not null
     * @param subject     a one-line subject, at most 200 characters; not blank
     * @param description the problem in more words; may be null
     * @param priority    the priority; not null
     * @param by          who opened it; may be null
     * @return the stored work order, version 1, state {@code OPEN}
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public WorkOrder openWorkOrder(CustomerId customer, WorkOrderOrigin origin, String subject, String description,
                                   WorkOrderPriority priority, StaffId by) {
        Objects.requireNonNull(customer, "customer must not be null");
        return open(WorkOrder.open(new WorkOrderId(ids.next()), tenant, customer, null, null, origin, subject,
                description, priority, by, clock.instant()));
    }

    private WorkOrder open(WorkOrder workOrder) {
        storage.useTransaction(tenant.value(), s -> {
            requireCustomer(s, workOrder.customerId());
            s.records(WorkOrderRecord.KIND).insert(workOrder.toRecord());
        });
        return committed(workOrder);
    }

    /**
     * Makes {@code assignee} responsible for a work order (while open or in progress).
     *
     * @throws IllegalTransitionException if the work order is resolved or closed
     */
    public WorkOrder assign(WorkOrderId id, StaffId assignee, StaffId by) {
        return changeWorkOrder(id, w -> w.assign(assignee, by, clock.instant()));
    }

    /**
     * Starts work on an open work order; {@code by} becomes the assignee if there is none.
     *
     * @throws IllegalTransitionException if the work order is not open
     */
    public WorkOrder start(WorkOrderId id, StaffId by) {
        return changeWorkOrder(id, w -> w.start(by, clock.instant()));
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
     * Reopens a resolved work order.
     *
     * @param reason why; may be null
     * @throws IllegalTransitionException if the work order is not resolved
     */
    public WorkOrder reopen(WorkOrderId id, StaffId by, String reason) {
        return changeWorkOrder(id, w -> w.reopen(by, reason, clock.instant()));
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

    // ------------------------------------------------------------------ internals

    private List<WorkOrder> queryWorkOrders(RecordQuery query) {
        return storage.inTransaction(tenant.value(), s -> Args.all(s.records(WorkOrderRecord.KIND), query).stream()
                .map(r -> Args.restore(r, WorkOrder::restore, WorkOrder.AGGREGATE)).toList());
    }

    private WorkOrder changeWorkOrder(WorkOrderId id, Consumer<WorkOrder> verb) {
        Objects.requireNonNull(id, "id must not be null");
        WorkOrder changed = storage.inTransaction(tenant.value(), s -> {
            WorkOrder w = loadWorkOrder(s, id)
                    .orElseThrow(() -> Args.notFound("workOrderId", "a work order", tenant, id));
            verb.accept(w);
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
