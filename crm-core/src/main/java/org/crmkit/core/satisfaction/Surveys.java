package org.crmkit.core.satisfaction;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.core.common.Channel;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.customer.TimelineKind;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.core.service.WorkOrder;
import org.crmkit.core.service.WorkOrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;
import org.crmkit.spi.storage.TimelineEntryRecord;

/**
 * Satisfaction surveys of one tenant (domain §7, §9): sent after a delivery or a service, answered
 * by the customer.
 *
 * <p>An answer is kept on the survey, which storage indexes by customer and by order, and is
 * also written to the customer's timeline as an {@link TimelineKind#INTERACTION} entry, in the
 * same unit of work: either both are stored or neither.
 *
 * <p>Every method is one unit of work; events are published only after the commit. Changes use
 * optimistic locking ({@link StaleWriteException}). Thread-safe.
 *
 * @since 0.1
 */
public final class Surveys {

    /** The department written on timeline entries of survey answers. */
    public static final String DEPARTMENT = "customer service";

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final Channel defaultChannel;

    /**
     * Surveys that go out on the web (the self-service site) unless a channel is given.
     *
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where everything is kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public Surveys(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher) {
        this(tenant, storage, clock, ids, publisher, Channel.WEB);
    }

    /**
     * @param defaultChannel the channel surveys go out on unless a call names one; not null
     */
    public Surveys(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher,
                   Channel defaultChannel) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.defaultChannel = Objects.requireNonNull(defaultChannel, "defaultChannel must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /** Same as {@link #sendAfterDelivery(DeliveredOrder, Channel)} on the default channel. */
    public SatisfactionSurvey sendAfterDelivery(DeliveredOrder order) {
        return sendAfterDelivery(order, defaultChannel);
    }

    /**
     * Sends (records) a survey about a delivered order. Idempotent: if a survey about the delivery
     * of this order exists, it is returned unchanged and nothing is written. Recording the survey
     * does not send a message; the host delivers it (a later version links it to messaging).
     *
     * @param order   the delivered order; not null
     * @param channel the channel it goes out on; not null
     * @return the survey, stored
     * @throws NoSuchCustomerException if the order's customer is not a customer of the tenant
     */
    public SatisfactionSurvey sendAfterDelivery(DeliveredOrder order, Channel channel) {
        Objects.requireNonNull(order, "order must not be null");
        SatisfactionSurvey fresh = SatisfactionSurvey.afterDelivery(new SurveyId(ids.next()), tenant, order, channel,
                clock.instant());
        return sendOnce(fresh, s -> {
            requireCustomer(s, order.customerId());
            return find(s, RecordQuery.all().where("orderId", order.orderId().toString()), SurveyTrigger.DELIVERY);
        });
    }

    /** Same as {@link #sendAfterService(WorkOrderId, Channel)} on the default channel. */
    public SatisfactionSurvey sendAfterService(WorkOrderId workOrder) {
        return sendAfterService(workOrder, defaultChannel);
    }

    /**
     * Sends (records) a survey about a resolved or closed work order, carrying its customer, order
     * and campaign. Idempotent: if a survey about this work order exists, it is returned unchanged.
     *
     * @throws ValidationException on {@code workOrderId} if the tenant has no such work order, or it
     *                             is neither resolved nor closed
     */
    public SatisfactionSurvey sendAfterService(WorkOrderId workOrder, Channel channel) {
        Objects.requireNonNull(workOrder, "workOrder must not be null");
        Objects.requireNonNull(channel, "channel must not be null");
        SurveyId id = new SurveyId(ids.next());
        Instant now = clock.instant();
        SatisfactionSurvey[] created = new SatisfactionSurvey[1];
        SatisfactionSurvey survey = storage.inTransaction(tenant.value(), s -> {
            WorkOrder w = s.records(WorkOrderRecord.KIND).find(workOrder.value())
                    .map(r -> Stores.restore(r, WorkOrder::restore, "work order"))
                    .orElseThrow(() -> Stores.notFound("workOrderId", "a work order", tenant, workOrder));
            Optional<SatisfactionSurvey> existing = find(s,
                    RecordQuery.all().where("workOrderId", workOrder.toString()), SurveyTrigger.SERVICE);
            if (existing.isPresent()) {
                return existing.get();
            }
            created[0] = SatisfactionSurvey.afterService(id, tenant, w, channel, now);
            s.records(SatisfactionSurveyRecord.KIND).insert(created[0].toRecord());
            return created[0];
        });
        return committed(survey);
    }

    /**
     * Records the customer's answer on the survey and on the customer's timeline, in one unit of work.
     *
     * @param id      the survey; not null
     * @param score   1 (very dissatisfied) to 5 (very satisfied)
     * @param comment what the customer wrote; may be null
     * @return the survey as stored
     * @throws ValidationException        on {@code score} if it is outside 1..5, on {@code surveyId}
     *                                    if the tenant has no such survey; nothing is written
     * @throws IllegalTransitionException if the survey is answered or expired; nothing is written
     */
    public SatisfactionSurvey answer(SurveyId id, int score, String comment) {
        Objects.requireNonNull(id, "id must not be null");
        Instant now = clock.instant();
        UUID entryId = ids.next();
        SatisfactionSurvey answered = storage.inTransaction(tenant.value(), s -> {
            SatisfactionSurvey survey = load(s, id)
                    .orElseThrow(() -> Stores.notFound("surveyId", "a satisfaction survey", tenant, id));
            survey.answer(score, comment, now);
            s.records(SatisfactionSurveyRecord.KIND).update(survey.toRecord());
            s.timeline().append(timelineEntry(entryId, survey));
            return survey;
        });
        return committed(answered);
    }

    /**
     * Records that no answer came in time; the survey accepts no answer afterwards.
     *
     * @throws IllegalTransitionException if it is answered or expired already
     */
    public SatisfactionSurvey expire(SurveyId id) {
        Objects.requireNonNull(id, "id must not be null");
        Instant now = clock.instant();
        SatisfactionSurvey expired = storage.inTransaction(tenant.value(), s -> {
            SatisfactionSurvey survey = load(s, id)
                    .orElseThrow(() -> Stores.notFound("surveyId", "a satisfaction survey", tenant, id));
            survey.expire(now);
            s.records(SatisfactionSurveyRecord.KIND).update(survey.toRecord());
            return survey;
        });
        return committed(expired);
    }

    /** @return the survey with that id in this tenant, or empty */
    public Optional<SatisfactionSurvey> find(SurveyId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> load(s, id));
    }

    /**
     * @return the survey with that id
     * @throws ValidationException on {@code surveyId} if the tenant has no such survey
     */
    public SatisfactionSurvey get(SurveyId id) {
        return find(id).orElseThrow(() -> Stores.notFound("surveyId", "a satisfaction survey", tenant, id));
    }

    /** @return a customer's surveys, answered or not, in id order */
    public List<SatisfactionSurvey> forCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return query(RecordQuery.all().where("customerId", customer.toString()));
    }

    /** @return the surveys about an order (after its delivery and after its work orders), in id order */
    public List<SatisfactionSurvey> forOrder(OrderId order) {
        Objects.requireNonNull(order, "order must not be null");
        return query(RecordQuery.all().where("orderId", order.toString()));
    }

    // ------------------------------------------------------------------ internals

    private SatisfactionSurvey sendOnce(SatisfactionSurvey fresh,
                                        Function<StorageSession, Optional<SatisfactionSurvey>> existing) {
        SatisfactionSurvey survey = storage.inTransaction(tenant.value(), s -> {
            Optional<SatisfactionSurvey> found = existing.apply(s);
            if (found.isPresent()) {
                return found.get();
            }
            s.records(SatisfactionSurveyRecord.KIND).insert(fresh.toRecord());
            return fresh;
        });
        return committed(survey);
    }

    private Optional<SatisfactionSurvey> find(StorageSession s, RecordQuery query, SurveyTrigger trigger) {
        return Stores.all(s.records(SatisfactionSurveyRecord.KIND), query).stream()
                .filter(r -> r.trigger().equals(trigger.name()))
                .findFirst()
                .map(r -> Stores.restore(r, SatisfactionSurvey::restore, SatisfactionSurvey.AGGREGATE));
    }

    private List<SatisfactionSurvey> query(RecordQuery query) {
        return storage.inTransaction(tenant.value(), s -> Stores.all(s.records(SatisfactionSurveyRecord.KIND), query)
                .stream().map(r -> Stores.restore(r, SatisfactionSurvey::restore, SatisfactionSurvey.AGGREGATE))
                .toList());
    }

    private Optional<SatisfactionSurvey> load(StorageSession s, SurveyId id) {
        return s.records(SatisfactionSurveyRecord.KIND).find(id.value())
                .map(r -> Stores.restore(r, SatisfactionSurvey::restore, SatisfactionSurvey.AGGREGATE));
    }

    private void requireCustomer(StorageSession s, CustomerId customer) {
        if (s.customers().find(customer.value()).isEmpty()) {
            throw new NoSuchCustomerException(tenant, customer);
        }
    }

    private TimelineEntryRecord timelineEntry(UUID entryId, SatisfactionSurvey survey) {
        SurveyAnswer a = survey.answer().orElseThrow();
        String about = survey.trigger() == SurveyTrigger.DELIVERY
                ? "the delivery of order " + survey.orderId().map(OrderId::toString).orElse("?")
                : "work order " + survey.workOrderId().map(WorkOrderId::toString).orElse("?");
        String summary = "Satisfaction survey " + survey.id() + " about " + about + " answered: " + a.score() + " of "
                + SurveyAnswer.MAX_SCORE + a.remark().map(c -> ". Comment: " + c).orElse("");
        return new TimelineEntryRecord(entryId, tenant.value(), survey.customerId().value(), a.answeredAt(),
                TimelineKind.INTERACTION.name(), survey.channel().name(), null, DEPARTMENT, summary,
                "satisfaction " + a.score() + "/" + SurveyAnswer.MAX_SCORE);
    }

    private SatisfactionSurvey committed(SatisfactionSurvey survey) {
        List<SurveyEvent> events = List.copyOf(survey.recordedEvents());
        if (survey.hasChanges()) {
            survey.markStored();
        }
        events.forEach(publisher::on);
        return survey;
    }
}
