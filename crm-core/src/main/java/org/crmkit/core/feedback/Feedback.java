package org.crmkit.core.feedback;

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
import org.crmkit.spi.service.FeedbackRecord;

/**
 * A comment, complaint or product idea from a customer, with where it came from and the campaign
 * that started the loop (domain §9: what customers say flows back into marketing and changes the
 * next campaign).
 *
 * <p>Its {@link FeedbackStatus} moves {@code RECORDED → ACKNOWLEDGED → ROUTED_TO_MARKETING}; a
 * refused move throws {@link IllegalTransitionException} and changes nothing.
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain feedback through {@link FeedbackService}.
 *
 * @since 0.1
 */
public final class Feedback {

    static final String AGGREGATE = "feedback";
    private static final int TEXT_MAX = 8000;

    private final FeedbackId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final FeedbackKind kind;
    private final String text;
    private final FeedbackSource source;
    private final CampaignId campaignId;
    private final OrderId orderId;
    private FeedbackStatus status;
    private final Instant recordedAt;
    private final StaffId recordedBy;
    private Instant updatedAt;
    private final List<FeedbackEvent> events = new ArrayList<>();

    private Feedback(FeedbackId id, TenantId tenant, long version, CustomerId customerId, FeedbackKind kind, String text,
                     FeedbackSource source, CampaignId campaignId, OrderId orderId, FeedbackStatus status,
                     Instant recordedAt, StaffId recordedBy, Instant updatedAt) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.kind = kind;
        this.text = text;
        this.source = source;
        this.campaignId = campaignId;
        this.orderId = orderId;
        this.status = status;
        this.recordedAt = recordedAt;
        this.recordedBy = recordedBy;
        this.updatedAt = updatedAt;
    }

    /**
     * Records feedback in state {@code RECORDED}. The command's campaign and order are taken as given.
     *
     * @throws ValidationException naming the field if the command breaks a rule
     */
    public static Feedback record(FeedbackId id, TenantId tenant, RecordFeedback command, Instant at) {
        notNull(id, "feedbackId");
        notNull(tenant, "tenant");
        notNull(command, "command");
        notNull(at, "at");
        String text = text(command.text());
        if (command.source().kind() == FeedbackSourceKind.ORDER && command.orderId() != null
                && !command.orderId().value().equals(command.source().id())) {
            throw new ValidationException("orderId", "must be the order the feedback came from",
                    command.orderId());
        }
        OrderId order = command.orderId() != null || command.source().kind() != FeedbackSourceKind.ORDER
                ? command.orderId() : OrderId.of(command.source().id());
        Feedback f = new Feedback(id, tenant, 0, command.customerId(), command.kind(), text, command.source(),
                command.campaignId(), order, FeedbackStatus.RECORDED, at, command.recordedBy(), at);
        f.events.add(new FeedbackEvent.Recorded(tenant, id, at, command.customerId(), command.kind(), command.source(),
                command.campaignId(), command.recordedBy()));
        return f;
    }

    /** Rebuilds stored feedback. @throws ValidationException if the record breaks a rule of the model */
    public static Feedback restore(FeedbackRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        return new Feedback(FeedbackId.of(r.id()), TenantId.of(r.tenant()), r.version(), CustomerId.of(r.customerId()),
                Enums.parse(FeedbackKind.class, r.kind(), "kind"), text(r.text()),
                new FeedbackSource(Enums.parse(FeedbackSourceKind.class, r.sourceKind(), "sourceKind"), r.sourceId()),
                r.campaignId() == null ? null : new CampaignId(r.campaignId()),
                r.orderId() == null ? null : OrderId.of(r.orderId()),
                Enums.parse(FeedbackStatus.class, r.status(), "status"), r.recordedAt(),
                r.recordedBy() == null ? null : StaffId.of(r.recordedBy()), r.updatedAt());
    }

    /** @return the record of this feedback at its next version, for storing */
    public FeedbackRecord toRecord() {
        return new FeedbackRecord(id.value(), tenant.value(), version + 1, customerId.value(), kind.name(), text,
                source.kind().name(), source.id(), campaignId == null ? null : campaignId.value(),
                orderId == null ? null : orderId.value(), status.name(), recordedAt,
                recordedBy == null ? null : recordedBy.value(), updatedAt);
    }

    /**
     * Someone read the feedback and answered the customer: {@code RECORDED → ACKNOWLEDGED}.
     *
     * @throws IllegalTransitionException if it is not {@code RECORDED}
     */
    public void acknowledge(StaffId by, Instant at) {
        notNull(at, "at");
        check(FeedbackStatus.ACKNOWLEDGED, "acknowledge");
        status = FeedbackStatus.ACKNOWLEDGED;
        updatedAt = at;
        events.add(new FeedbackEvent.Acknowledged(tenant, id, at, by));
    }

    /**
     * Hands the feedback to marketing for the next campaign: {@code ACKNOWLEDGED → ROUTED_TO_MARKETING}.
     *
     * @throws IllegalTransitionException if it is not {@code ACKNOWLEDGED}
     */
    public void routeToMarketing(StaffId by, Instant at) {
        notNull(at, "at");
        check(FeedbackStatus.ROUTED_TO_MARKETING, "route to marketing");
        status = FeedbackStatus.ROUTED_TO_MARKETING;
        updatedAt = at;
        events.add(new FeedbackEvent.RoutedToMarketing(tenant, id, at, campaignId, by));
    }

    /** @return the id */
    public FeedbackId id() {
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

    /** @return comment, complaint or product idea */
    public FeedbackKind kind() {
        return kind;
    }

    /** @return what the customer said */
    public String text() {
        return text;
    }

    /** @return where it came from */
    public FeedbackSource source() {
        return source;
    }

    /** @return the campaign that started the loop, if known */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the order it is about, if any */
    public Optional<OrderId> orderId() {
        return Optional.ofNullable(orderId);
    }

    /** @return where it is in its handling */
    public FeedbackStatus status() {
        return status;
    }

    /** @return when it was recorded */
    public Instant recordedAt() {
        return recordedAt;
    }

    /** @return the staff member who recorded it, if one did */
    public Optional<StaffId> recordedBy() {
        return Optional.ofNullable(recordedBy);
    }

    /** @return when its status last changed (its recording time at first) */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<FeedbackEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "Feedback[" + id + ", " + kind + ", " + status + ", v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    private void check(FeedbackStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    move + " (allowed: " + status.successors() + ")");
        }
    }

    private static String text(String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException("text", "must not be blank", value);
        }
        String s = value.strip();
        if (s.codePointCount(0, s.length()) > TEXT_MAX) {
            throw new ValidationException("text", "must be at most " + TEXT_MAX + " characters", value);
        }
        return s;
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
