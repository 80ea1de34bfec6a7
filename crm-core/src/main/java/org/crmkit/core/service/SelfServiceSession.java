package org.crmkit.core.service;

import java.time.Instant;
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
import org.crmkit.spi.service.SelfServiceSessionRecord;

/**
 * One use of the self-service knowledge base: an article offered to a customer for a query, and
 * whether it solved the problem. A solved session is a deflected work order; an unsolved one is
 * escalated to the work order named by {@link #workOrderId()}. See {@link SelfServiceStatus}.
 *
 * <p>Not thread-safe: a working copy for one unit of work.
 *
 * @since 0.1
 */
public final class SelfServiceSession {

    static final String AGGREGATE = "self-service session";
    static final int QUERY_MAX = 500;

    private final SelfServiceSessionId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final OrderId orderId;
    private final CampaignId campaignId;
    private final String query;
    private final ArticleId articleId;
    private SelfServiceStatus status;
    private WorkOrderId workOrderId;
    private final Instant offeredAt;
    private Instant closedAt;
    private StaffId closedBy;
    private final List<SelfServiceEvent> events = new ArrayList<>();

    private SelfServiceSession(SelfServiceSessionId id, TenantId tenant, long version, CustomerId customerId,
                               OrderId orderId, CampaignId campaignId, String query, ArticleId articleId,
                               SelfServiceStatus status, WorkOrderId workOrderId, Instant offeredAt, Instant closedAt,
                               StaffId closedBy) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.orderId = orderId;
        this.campaignId = campaignId;
        this.query = query;
        this.articleId = articleId;
        this.status = status;
        this.workOrderId = workOrderId;
        this.offeredAt = offeredAt;
        this.closedAt = closedAt;
        this.closedBy = closedBy;
    }

    /**
     * Records that {@code articleId} was offered for {@code query}; state {@code OFFERED}.
     *
     * @param orderId    the order it is about; may be null
     * @param campaignId the campaign that started the loop; may be null
     * @param query      what the customer searched for, at most 500 characters; not blank
     * @throws ValidationException naming the field if an argument breaks a rule
     */
    public static SelfServiceSession offer(SelfServiceSessionId id, TenantId tenant, CustomerId customerId,
                                           OrderId orderId, CampaignId campaignId, String query, ArticleId articleId,
                                           Instant at) {
        Args.notNull(id, "sessionId");
        Args.notNull(tenant, "tenant");
        Args.notNull(customerId, "customerId");
        String q = Args.required(query, "query", QUERY_MAX);
        Args.notNull(articleId, "articleId");
        Args.notNull(at, "at");
        SelfServiceSession s = new SelfServiceSession(id, tenant, 0, customerId, orderId, campaignId, q, articleId,
                SelfServiceStatus.OFFERED, null, at, null, null);
        s.events.add(new SelfServiceEvent.ArticleOffered(tenant, id, at, customerId, articleId, q));
        return s;
    }

    /** Rebuilds a stored session. @throws ValidationException if the record breaks a rule of the model */
    public static SelfServiceSession restore(SelfServiceSessionRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        SelfServiceStatus status = Enums.parse(SelfServiceStatus.class, r.status(), "status");
        if ((status == SelfServiceStatus.NOT_SOLVED) != (r.workOrderId() != null)) {
            throw new ValidationException("workOrderId", "must be set exactly when the session was not solved",
                    r.workOrderId());
        }
        if ((status == SelfServiceStatus.OFFERED) != (r.closedAt() == null)) {
            throw new ValidationException("closedAt", "must be set exactly when the session has an outcome",
                    r.closedAt());
        }
        return new SelfServiceSession(SelfServiceSessionId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                CustomerId.of(r.customerId()), r.orderId() == null ? null : OrderId.of(r.orderId()),
                r.campaignId() == null ? null : new CampaignId(r.campaignId()), r.query(), ArticleId.of(r.articleId()),
                status, r.workOrderId() == null ? null : WorkOrderId.of(r.workOrderId()), r.offeredAt(), r.closedAt(),
                r.closedBy() == null ? null : StaffId.of(r.closedBy()));
    }

    /** @return the record of this session at its next version, for storing */
    public SelfServiceSessionRecord toRecord() {
        return new SelfServiceSessionRecord(id.value(), tenant.value(), version + 1, customerId.value(),
                orderId == null ? null : orderId.value(), campaignId == null ? null : campaignId.value(), query,
                articleId.value(), status.name(), workOrderId == null ? null : workOrderId.value(), offeredAt, closedAt,
                closedBy == null ? null : closedBy.value());
    }

    /**
     * The article solved the problem: {@code OFFERED → SOLVED}.
     *
     * @param by the staff member who recorded it; null when the customer did
     * @throws IllegalTransitionException if the session already has an outcome
     */
    public void solved(StaffId by, Instant at) {
        Args.notNull(at, "at");
        check(SelfServiceStatus.SOLVED);
        status = SelfServiceStatus.SOLVED;
        closedAt = at;
        closedBy = by;
        events.add(new SelfServiceEvent.Solved(tenant, id, at, by));
    }

    /**
     * The article did not solve the problem and the session is escalated to {@code workOrder}:
     * {@code OFFERED → NOT_SOLVED}.
     *
     * @param workOrder the work order opened for it; not null
     * @param by        the staff member who recorded it; null when the customer did
     * @throws IllegalTransitionException if the session already has an outcome
     */
    public void escalated(WorkOrderId workOrder, StaffId by, Instant at) {
        Args.notNull(workOrder, "workOrderId");
        Args.notNull(at, "at");
        check(SelfServiceStatus.NOT_SOLVED);
        status = SelfServiceStatus.NOT_SOLVED;
        workOrderId = workOrder;
        closedAt = at;
        closedBy = by;
        events.add(new SelfServiceEvent.Escalated(tenant, id, at, workOrder, by));
    }

    /** @return the id */
    public SelfServiceSessionId id() {
        return id;
    }

    /** @return the tenant */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version, 0 before it is first stored */
    public long version() {
        return version;
    }

    /** @return the customer */
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

    /** @return what the customer searched for */
    public String query() {
        return query;
    }

    /** @return the article offered */
    public ArticleId articleId() {
        return articleId;
    }

    /** @return the current state */
    public SelfServiceStatus status() {
        return status;
    }

    /** @return the work order it was escalated to, if it was not solved */
    public Optional<WorkOrderId> workOrderId() {
        return Optional.ofNullable(workOrderId);
    }

    /** @return when the article was offered */
    public Instant offeredAt() {
        return offeredAt;
    }

    /** @return when the outcome was recorded, if it was */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** @return the staff member who recorded the outcome, if one did */
    public Optional<StaffId> closedBy() {
        return Optional.ofNullable(closedBy);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<SelfServiceEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "SelfServiceSession[" + id + ", " + status + ", article " + articleId + ", v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private void check(SelfServiceStatus next) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    "record outcome " + next + " (allowed: " + status.successors() + ")");
        }
    }
}
