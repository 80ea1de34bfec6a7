package org.crmkit.core.feedback;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

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
import org.crmkit.spi.service.FeedbackRecord;
import org.crmkit.spi.service.SatisfactionSurveyRecord;
import org.crmkit.spi.service.SelfServiceSessionRecord;
import org.crmkit.spi.service.WorkOrderRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;

/**
 * Customer feedback of one tenant (domain §9, §10): comments, complaints and product ideas,
 * recorded with their source and traced to the campaign that started the loop, so that marketing
 * sees what its campaign caused ({@link #forCampaign}) and can target the next one on it
 * ({@link #customersFor}).
 *
 * <p>Feedback from a survey, a work order or a self-service session takes its campaign and order
 * from that source when the command leaves them out; the source must belong to the same customer.
 * An {@link FeedbackSourceKind#ORDER} source is taken as given: after-sales does not read the order
 * aggregate, so the caller passes the order's campaign (see {@link RecordFeedback#aboutOrder}).
 *
 * <p>Every method is one unit of work; events are published only after the commit. Changes use
 * optimistic locking ({@link StaleWriteException}). Thread-safe.
 *
 * @since 0.1
 */
public final class FeedbackService {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;

    /**
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where everything is kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     */
    public FeedbackService(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
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

    /**
     * Records feedback. Campaign and order left out of the command are taken from a survey, work
     * order or self-service source.
     *
     * @return the stored feedback, version 1, state {@code RECORDED}
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     * @throws ValidationException     on {@code source.id} if the source names no record of the tenant,
     *                                 on {@code customerId}, {@code campaignId} or {@code orderId} if the
     *                                 command contradicts its source; nothing is stored
     */
    public Feedback record(RecordFeedback command) {
        Objects.requireNonNull(command, "command must not be null");
        FeedbackId id = new FeedbackId(ids.next());
        Instant now = clock.instant();
        Feedback feedback = storage.inTransaction(tenant.value(), s -> {
            if (s.customers().find(command.customerId().value()).isEmpty()) {
                throw new NoSuchCustomerException(tenant, command.customerId());
            }
            Feedback f = Feedback.record(id, tenant, fromSource(s, command), now);
            s.records(FeedbackRecord.KIND).insert(f.toRecord());
            return f;
        });
        return committed(feedback);
    }

    /**
     * Someone read the feedback and answered the customer.
     *
     * @throws IllegalTransitionException if it is not {@code RECORDED}
     */
    public Feedback acknowledge(FeedbackId id, StaffId by) {
        return change(id, f -> f.acknowledge(by, clock.instant()));
    }

    /**
     * Hands acknowledged feedback to marketing.
     *
     * @throws IllegalTransitionException if it is not {@code ACKNOWLEDGED}
     */
    public Feedback routeToMarketing(FeedbackId id, StaffId by) {
        return change(id, f -> f.routeToMarketing(by, clock.instant()));
    }

    /** @return the feedback with that id in this tenant, or empty */
    public Optional<Feedback> find(FeedbackId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> load(s, id));
    }

    /**
     * @return the feedback with that id
     * @throws ValidationException on {@code feedbackId} if the tenant has no such feedback
     */
    public Feedback get(FeedbackId id) {
        return find(id).orElseThrow(() -> Stores.notFound("feedbackId", "feedback", tenant, id));
    }

    /** @return the feedback a campaign caused, in id order */
    public List<Feedback> forCampaign(CampaignId campaign) {
        Objects.requireNonNull(campaign, "campaign must not be null");
        return query(RecordQuery.all().where("campaignId", campaign.toString()));
    }

    /** @return the feedback of one kind a campaign caused, in id order */
    public List<Feedback> forCampaign(CampaignId campaign, FeedbackKind kind) {
        Objects.requireNonNull(campaign, "campaign must not be null");
        Objects.requireNonNull(kind, "kind must not be null");
        return query(RecordQuery.all().where("campaignId", campaign.toString()).where("kind", kind.name()));
    }

    /**
     * The customers who gave feedback of one kind on a campaign: the audience of the next
     * campaign (win back the complainers, invite the ones with ideas).
     *
     * @return the distinct customers, in the order of their first such feedback
     */
    public List<CustomerId> customersFor(CampaignId campaign, FeedbackKind kind) {
        return List.copyOf(new LinkedHashSet<>(forCampaign(campaign, kind).stream().map(Feedback::customerId)
                .toList()));
    }

    /** @return a customer's feedback, in id order */
    public List<Feedback> forCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return query(RecordQuery.all().where("customerId", customer.toString()));
    }

    /** @return the feedback about an order, in id order */
    public List<Feedback> forOrder(OrderId order) {
        Objects.requireNonNull(order, "order must not be null");
        return query(RecordQuery.all().where("orderId", order.toString()));
    }

    // ------------------------------------------------------------------ internals

    /** The source's customer, campaign and order, as far as storage knows them. */
    private record Origin(UUID customerId, UUID campaignId, UUID orderId) {
    }

    private RecordFeedback fromSource(StorageSession s, RecordFeedback command) {
        FeedbackSource source = command.source();
        Optional<Origin> origin = switch (source.kind()) {
            case SURVEY -> s.records(SatisfactionSurveyRecord.KIND).find(source.id())
                    .map(r -> new Origin(r.customerId(), r.campaignId(), r.orderId()));
            case WORK_ORDER -> s.records(WorkOrderRecord.KIND).find(source.id())
                    .map(r -> new Origin(r.customerId(), r.campaignId(), r.orderId()));
            case SELF_SERVICE -> s.records(SelfServiceSessionRecord.KIND).find(source.id())
                    .map(r -> new Origin(r.customerId(), r.campaignId(), r.orderId()));
            case ORDER, DIRECT -> Optional.of(new Origin(null, null, null));
        };
        Origin o = origin.orElseThrow(() -> new ValidationException("source.id",
                "must name a " + source.kind() + " record of tenant '" + tenant + "'", source.id()));
        if (o.customerId() != null && !o.customerId().equals(command.customerId().value())) {
            throw new ValidationException("customerId", "must be the customer of the " + source.kind()
                    + " the feedback came from", command.customerId());
        }
        RecordFeedback resolved = command;
        if (o.campaignId() != null) {
            if (command.campaignId() != null && !command.campaignId().value().equals(o.campaignId())) {
                throw new ValidationException("campaignId", "must be the campaign of the " + source.kind()
                        + " the feedback came from", command.campaignId());
            }
            resolved = resolved.withCampaign(new CampaignId(o.campaignId()));
        }
        if (o.orderId() != null) {
            if (command.orderId() != null && !command.orderId().value().equals(o.orderId())) {
                throw new ValidationException("orderId", "must be the order of the " + source.kind()
                        + " the feedback came from", command.orderId());
            }
            resolved = resolved.withOrder(OrderId.of(o.orderId()));
        }
        return resolved;
    }

    private Feedback change(FeedbackId id, Consumer<Feedback> verb) {
        Objects.requireNonNull(id, "id must not be null");
        Feedback changed = storage.inTransaction(tenant.value(), s -> {
            Feedback f = load(s, id).orElseThrow(() -> Stores.notFound("feedbackId", "feedback", tenant, id));
            verb.accept(f);
            if (f.hasChanges()) {
                s.records(FeedbackRecord.KIND).update(f.toRecord());
            }
            return f;
        });
        return committed(changed);
    }

    private List<Feedback> query(RecordQuery query) {
        return storage.inTransaction(tenant.value(), s -> Stores.all(s.records(FeedbackRecord.KIND), query).stream()
                .map(r -> Stores.restore(r, Feedback::restore, Feedback.AGGREGATE)).toList());
    }

    private Optional<Feedback> load(StorageSession s, FeedbackId id) {
        return s.records(FeedbackRecord.KIND).find(id.value())
                .map(r -> Stores.restore(r, Feedback::restore, Feedback.AGGREGATE));
    }

    private Feedback committed(Feedback f) {
        List<FeedbackEvent> events = List.copyOf(f.recordedEvents());
        if (f.hasChanges()) {
            f.markStored();
        }
        events.forEach(publisher::on);
        return f;
    }
}
