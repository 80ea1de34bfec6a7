package org.crmkit.core.satisfaction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.core.service.WorkOrderStatus;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.SurveyAnswerRecord;

/**
 * A satisfaction survey sent to a customer after a delivery or a service (domain §7: surveys after
 * each service are how a company learns its own quality), and the customer's answer.
 *
 * <p>Its {@link SurveyStatus} moves {@code SENT → ANSWERED} or {@code SENT → EXPIRED}; an answer
 * to a survey that is not {@code SENT} throws {@link IllegalTransitionException} and changes nothing.
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain surveys through {@link Surveys}.
 *
 * @since 0.1
 */
public final class SatisfactionSurvey {

    static final String AGGREGATE = "satisfaction survey";

    private final SurveyId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final OrderId orderId;
    private final WorkOrderId workOrderId;
    private final CampaignId campaignId;
    private final SurveyTrigger trigger;
    private final Channel channel;
    private SurveyStatus status;
    private final Instant sentAt;
    private SurveyAnswer answer;
    private Instant closedAt;
    private final List<SurveyEvent> events = new ArrayList<>();

    private SatisfactionSurvey(SurveyId id, TenantId tenant, long version, CustomerId customerId, OrderId orderId,
                               WorkOrderId workOrderId, CampaignId campaignId, SurveyTrigger trigger, Channel channel,
                               SurveyStatus status, Instant sentAt, SurveyAnswer answer, Instant closedAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.orderId = orderId;
        this.workOrderId = workOrderId;
        this.campaignId = campaignId;
        this.trigger = trigger;
        this.channel = channel;
        this.status = status;
        this.sentAt = sentAt;
        this.answer = answer;
        this.closedAt = closedAt;
    }

    /**
     * A survey about a delivered order, carrying its customer, order and campaign.
     *
     * @throws ValidationException naming the field if an argument is missing
     */
    public static SatisfactionSurvey afterDelivery(SurveyId id, TenantId tenant, DeliveredOrder order,
                                                   Channel channel, Instant at) {
        notNull(order, "order");
        return send(id, tenant, order.customerId(), order.orderId(), null, order.campaignId(), SurveyTrigger.DELIVERY,
                channel, at);
    }

    /**
     * A survey about a service work order, carrying its customer, order and campaign.
     *
     * @throws ValidationException on {@code workOrderId} if the work order is neither resolved nor closed
     */
    public static SatisfactionSurvey afterService(SurveyId id, TenantId tenant, WorkOrder workOrder, Channel channel,
                                                  Instant at) {
        notNull(workOrder, "workOrder");
        if (workOrder.status() != WorkOrderStatus.RESOLVED && workOrder.status() != WorkOrderStatus.CLOSED) {
            throw new ValidationException("workOrderId", "must name a resolved or closed work order",
                    workOrder.id() + " is " + workOrder.status());
        }
        return send(id, tenant, workOrder.customerId(), workOrder.orderId().orElse(null), workOrder.id(),
                workOrder.campaignId().orElse(null), SurveyTrigger.SERVICE, channel, at);
    }

    private static SatisfactionSurvey send(SurveyId id, TenantId tenant, CustomerId customer, OrderId order,
                                           WorkOrderId workOrder, CampaignId campaign, SurveyTrigger trigger,
                                           Channel channel, Instant at) {
        notNull(id, "surveyId");
        notNull(tenant, "tenant");
        notNull(channel, "channel");
        notNull(at, "at");
        SatisfactionSurvey s = new SatisfactionSurvey(id, tenant, 0, customer, order, workOrder, campaign, trigger,
                channel, SurveyStatus.SENT, at, null, null);
        s.events.add(new SurveyEvent.Sent(tenant, id, at, customer, trigger, order, workOrder, campaign, channel));
        return s;
    }

    /** Rebuilds a stored survey. @throws ValidationException if the record breaks a rule of the model */
    public static SatisfactionSurvey restore(SatisfactionSurveyRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        SurveyStatus status = Enums.parse(SurveyStatus.class, r.status(), "status");
        if ((status == SurveyStatus.ANSWERED) != (r.answer() != null)) {
            throw new ValidationException("answer", "must be set exactly when the survey is answered", status);
        }
        if ((status == SurveyStatus.SENT) != (r.closedAt() == null)) {
            throw new ValidationException("closedAt", "must be set exactly when the survey is answered or expired",
                    r.closedAt());
        }
        SurveyAnswer answer = r.answer() == null ? null
                : new SurveyAnswer(r.answer().score(), r.answer().comment(), r.answer().answeredAt());
        return new SatisfactionSurvey(SurveyId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                CustomerId.of(r.customerId()), r.orderId() == null ? null : OrderId.of(r.orderId()),
                r.workOrderId() == null ? null : WorkOrderId.of(r.workOrderId()),
                r.campaignId() == null ? null : new CampaignId(r.campaignId()),
                Enums.parse(SurveyTrigger.class, r.trigger(), "trigger"), Channel.parse(r.channel(), "channel"),
                status, r.sentAt(), answer, r.closedAt());
    }

    /** @return the record of this survey at its next version, for storing */
    public SatisfactionSurveyRecord toRecord() {
        return new SatisfactionSurveyRecord(id.value(), tenant.value(), version + 1, customerId.value(),
                orderId == null ? null : orderId.value(), workOrderId == null ? null : workOrderId.value(),
                campaignId == null ? null : campaignId.value(), trigger.name(), channel.name(), status.name(), sentAt,
                answer == null ? null : new SurveyAnswerRecord(answer.score(), answer.comment(), answer.answeredAt()),
                closedAt);
    }

    /**
     * Records the customer's answer: {@code SENT → ANSWERED}.
     *
     * @param score   1 to 5
     * @param comment what the customer wrote; may be null (blank counts as none)
     * @throws ValidationException        on {@code score} if it is outside 1..5; the survey is unchanged
     * @throws IllegalTransitionException if the survey is answered or expired; the survey is unchanged
     */
    public void answer(int score, String comment, Instant at) {
        SurveyAnswer a = new SurveyAnswer(score, comment, at);
        check(SurveyStatus.ANSWERED, "answer");
        status = SurveyStatus.ANSWERED;
        answer = a;
        closedAt = at;
        events.add(new SurveyEvent.Answered(tenant, id, at, customerId, a.score(), a.comment() != null));
    }

    /**
     * Records that no answer came in time: {@code SENT → EXPIRED}.
     *
     * @throws IllegalTransitionException if the survey is answered or expired already
     */
    public void expire(Instant at) {
        notNull(at, "at");
        check(SurveyStatus.EXPIRED, "expire");
        status = SurveyStatus.EXPIRED;
        closedAt = at;
        events.add(new SurveyEvent.Expired(tenant, id, at));
    }

    /** @return the id */
    public SurveyId id() {
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

    /** @return the customer asked */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the order it is about, if any */
    public Optional<OrderId> orderId() {
        return Optional.ofNullable(orderId);
    }

    /** @return the work order it is about, for a survey after service */
    public Optional<WorkOrderId> workOrderId() {
        return Optional.ofNullable(workOrderId);
    }

    /** @return the campaign that started the loop, if any */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return what it asks about */
    public SurveyTrigger trigger() {
        return trigger;
    }

    /** @return the channel it went out on */
    public Channel channel() {
        return channel;
    }

    /** @return the current state */
    public SurveyStatus status() {
        return status;
    }

    /** @return when it went out */
    public Instant sentAt() {
        return sentAt;
    }

    /** @return the answer, once answered */
    public Optional<SurveyAnswer> answer() {
        return Optional.ofNullable(answer);
    }

    /** @return when it was answered or expired, if it was */
    public Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<SurveyEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "SatisfactionSurvey[" + id + ", " + trigger + ", " + status + ", v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private void check(SurveyStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    move + " (allowed: " + status.successors() + ")");
        }
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
