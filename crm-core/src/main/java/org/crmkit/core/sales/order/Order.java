package org.crmkit.core.sales.order;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.CampaignId;
import org.crmkit.core.sales.OpportunityId;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.QuoteId;
import org.crmkit.core.sales.quote.QuoteLine;
import org.crmkit.core.sales.quote.QuoteStatus;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentLine;
import org.crmkit.spi.fulfillment.FulfillmentRequest;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.sales.OrderLineRecord;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.OrderStatusChangeRecord;
import org.crmkit.spi.sales.OrderTrackingRecord;
import org.crmkit.spi.storage.IndexKey;

/**
 * An order: made from an accepted quote, handed to the back office (the ERP) for fulfilment, and
 * followed through confirmation, shipment and delivery, or cancellation. Its lines and totals are
 * copied from the quote and never change; what changes is its {@link OrderStatus}, by the moves
 * the status table allows, each recorded in the {@link #history()} and as an {@link OrderEvent}.
 *
 * <p>Every verb checks everything before it changes anything: a refused verb throws and leaves the
 * order as it was. The totals are always the sums of the lines, the history always starts with
 * {@link OrderStatus#CREATED} and follows the table, and its last step is the current status.
 *
 * <p>A working copy, not thread-safe: read it, apply verbs, store it through {@link Orders}.
 *
 * @since 0.1
 */
public final class Order {

    private static final String AGGREGATE = "order";

    private final OrderId id;
    private final TenantId tenant;
    private final long version;
    private final QuoteId quoteId;
    private final CustomerId customerId;
    private final OpportunityId opportunityId;
    private final CampaignId campaignId;
    private final List<OrderLine> lines;
    private final OrderTotals totals;
    private final String deliveryAddress;
    private final Instant createdAt;
    private OrderStatus status;
    private final List<StatusChange> history;
    private String backOfficeReference;
    private Tracking tracking;
    private final List<OrderEvent> events = new ArrayList<>();

    private Order(OrderId id, TenantId tenant, long version, QuoteId quoteId, CustomerId customerId,
                  OpportunityId opportunityId, CampaignId campaignId, List<OrderLine> lines, OrderTotals totals,
                  String deliveryAddress, Instant createdAt, OrderStatus status, List<StatusChange> history,
                  String backOfficeReference, Tracking tracking) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.quoteId = quoteId;
        this.customerId = customerId;
        this.opportunityId = opportunityId;
        this.campaignId = campaignId;
        this.lines = List.copyOf(lines);
        this.totals = totals;
        this.deliveryAddress = deliveryAddress;
        this.createdAt = createdAt;
        this.status = status;
        this.history = new ArrayList<>(history);
        this.backOfficeReference = backOfficeReference;
        this.tracking = tracking;
    }

    /**
     * Makes a new order from an accepted quote, in {@link OrderStatus#CREATED}, and records
     * {@link OrderEvent.Placed}. Not stored yet (version 0). The order takes the quote's customer,
     * opportunity and campaign, and copies its lines (product, SKU, name, options, quantity, unit
     * price, and the net, tax and gross amounts exactly as the quote computed them), so that its
     * totals equal the quote's.
     *
     * <p>A quote that is not {@link QuoteStatus#ACCEPTED} is refused with an
     * {@link IllegalTransitionException} on the <em>quote</em>: its aggregate is {@code "quote"},
     * its id and state are the quote's, and nothing is made. (It is a refused move of the quote's
     * life, not bad input: the same quote can be ordered once it is accepted.)
     *
     * @param id              the new order's id; not null
     * @param quote           the quote; not null
     * @param deliveryAddress where to deliver, free text; null for the back office's address of the customer
     * @param clock           the source of the order's creation time; not null
     * @return the new order
     * @throws IllegalTransitionException if the quote is not accepted
     * @throws ValidationException        on {@code deliveryAddress} if it is blank, or on {@code lines}
     *                                    if the quote has none
     */
    public static Order fromAcceptedQuote(OrderId id, Quote quote, String deliveryAddress, Clock clock) {
        requireNotNull(quote, "quote");
        if (quote.status() != QuoteStatus.ACCEPTED) {
            throw new IllegalTransitionException("quote", quote.id().value(), quote.status().name(),
                    "order: only an ACCEPTED quote can become an order");
        }
        List<OrderLine> lines = new ArrayList<>(quote.lines().size());
        for (QuoteLine l : quote.lines()) {
            lines.add(new OrderLine(l.productId(), l.sku(), l.name(), l.optionCodes(), l.quantity(), l.unitPrice(),
                    l.net(), l.tax(), l.gross()));
        }
        return place(id, quote.tenant(), quote.id(), quote.customerId(), quote.opportunityId(),
                quote.campaignId().orElse(null), lines, deliveryAddress, clock);
    }

    /** Same as {@link #fromAcceptedQuote(OrderId, Quote, String, Clock)} without a delivery address. */
    public static Order fromAcceptedQuote(OrderId id, Quote quote, Clock clock) {
        return fromAcceptedQuote(id, quote, null, clock);
    }

    /**
     * Makes a new order in {@link OrderStatus#CREATED} and records {@link OrderEvent.Placed}. Not
     * stored yet (version 0). Only an accepted quote may become an order; the factory that reads
     * the quote is {@code fromAcceptedQuote}, and this one builds the order from its parts.
     *
     * @throws ValidationException naming the field if a part is missing or the lines are empty or
     *                             mix currencies
     */
    static Order place(OrderId id, TenantId tenant, QuoteId quoteId, CustomerId customerId,
                       OpportunityId opportunityId, CampaignId campaignId, List<OrderLine> lines,
                       String deliveryAddress, Clock clock) {
        requireNotNull(id, "orderId");
        requireNotNull(tenant, "tenant");
        requireNotNull(quoteId, "quoteId");
        requireNotNull(customerId, "customerId");
        requireNotNull(opportunityId, "opportunityId");
        requireNotNull(lines, "lines");
        Objects.requireNonNull(clock, "clock must not be null");
        List<OrderLine> copied = copyLines(lines);
        OrderTotals totals = OrderTotals.of(copied);
        String address = deliveryAddress(deliveryAddress);
        Instant now = clock.instant();
        Order order = new Order(id, tenant, 0, quoteId, customerId, opportunityId, campaignId, copied, totals,
                address, now, OrderStatus.CREATED, List.of(new StatusChange(OrderStatus.CREATED, now, null)), null,
                null);
        order.events.add(new OrderEvent.Placed(tenant, id, now, quoteId, customerId, totals.gross()));
        return order;
    }

    /**
     * Rebuilds a stored order. Records no event.
     *
     * @param record the stored order; not null
     * @return the order, at the record's version
     * @throws ValidationException naming the field if the record breaks a rule of the model (an
     *                             unknown status, totals that are not the sums of the lines, a
     *                             history that is not a path of the status table, tracking that does
     *                             not match the status, ...)
     */
    public static Order restore(OrderRecord record) {
        Objects.requireNonNull(record, "record must not be null");
        List<OrderLine> lines = new ArrayList<>(record.lines().size());
        for (int i = 0; i < record.lines().size(); i++) {
            try {
                lines.add(line(record.lines().get(i)));
            } catch (ValidationException e) {
                throw e.withFieldPrefix("lines[" + i + "].");
            }
        }
        List<OrderLine> copied = copyLines(lines);
        OrderTotals totals = new OrderTotals(money(record.netTotal()), money(record.taxTotal()),
                money(record.grossTotal()));
        OrderTotals sums = OrderTotals.of(copied);
        if (!sums.equals(totals)) {
            throw new ValidationException("totals", "must be the sums of the lines " + sums, totals);
        }
        List<StatusChange> history = new ArrayList<>(record.history().size());
        for (int i = 0; i < record.history().size(); i++) {
            OrderStatusChangeRecord change = record.history().get(i);
            history.add(new StatusChange(status(change.status(), "history[" + i + "].status"), change.at(),
                    change.note()));
        }
        OrderStatus status = status(record.status(), "status");
        requirePath(history, status);
        Tracking tracking = record.tracking() == null ? null : new Tracking(record.tracking().carrier(),
                record.tracking().number(), record.tracking().shippedAt(), record.tracking().deliveredAt());
        boolean shipped = history.stream().anyMatch(c -> c.status() == OrderStatus.SHIPPED);
        if (shipped != (tracking != null)) {
            throw new ValidationException("tracking", shipped ? "must be set once the order was shipped"
                    : "must be absent until the order is shipped", record.tracking());
        }
        if (tracking != null && (status == OrderStatus.DELIVERED) != (tracking.deliveredAt() != null)) {
            throw new ValidationException("tracking.deliveredAt", "must be set exactly when the order is DELIVERED",
                    tracking.deliveredAt());
        }
        boolean submitted = history.stream().anyMatch(c -> c.status() == OrderStatus.SUBMITTED);
        if (submitted && record.backOfficeReference() == null) {
            throw new ValidationException("backOfficeReference", "must be set once the order was submitted");
        }
        return new Order(OrderId.of(record.id()), TenantId.of(record.tenant()), record.version(),
                QuoteId.of(record.quoteId()), CustomerId.of(record.customerId()),
                OpportunityId.of(record.opportunityId()),
                record.campaignId() == null ? null : CampaignId.of(record.campaignId()), copied, totals,
                record.deliveryAddress(), record.createdAt(), status, history, record.backOfficeReference(),
                tracking);
    }

    /**
     * The order as storage keeps it, at the version it will have once this working copy is stored:
     * one more than {@link #version()} (so 1 for a new order).
     *
     * @return the record; never null
     */
    public OrderRecord toRecord() {
        return new OrderRecord(id.value(), tenant.value(), version + 1, quoteId.value(), customerId.value(),
                opportunityId.value(), campaignId == null ? null : campaignId.value(),
                lines.stream().map(Order::lineRecord).toList(), money(totals.net()), money(totals.tax()),
                money(totals.gross()), status.name(),
                history.stream().map(c -> new OrderStatusChangeRecord(c.status().name(), c.at(), c.note())).toList(),
                backOfficeReference,
                tracking == null ? null : new OrderTrackingRecord(tracking.carrier(), tracking.number(),
                        tracking.shippedAt(), tracking.deliveredAt()),
                deliveryAddress, createdAt);
    }

    /**
     * What the back office is asked to fulfil: the lines, the gross total and the delivery address.
     *
     * @return the request; never null
     */
    public FulfillmentRequest toFulfillmentRequest() {
        return new FulfillmentRequest(tenant.value(), id.value(), customerId.value(),
                lines.stream().map(l -> new FulfillmentLine(l.sku(), l.name(), l.options(), l.quantity(),
                        money(l.unitPrice())))
                        .toList(),
                money(totals.gross()), deliveryAddress);
    }

    // ----------------------------------------------------------------------------------- verbs

    /**
     * The back office took the order: {@code CREATED → SUBMITTED}. Records
     * {@link OrderEvent.Submitted}.
     *
     * @param reference the back office's reference for the order; not blank, at most 400 characters
     * @param at        when; not null
     * @throws IllegalTransitionException if the order is not {@link OrderStatus#CREATED}
     * @throws ValidationException        on {@code backOfficeReference} if the reference is blank or too long
     */
    public void markSubmitted(String reference, Instant at) {
        requireReference(reference);
        requireNotNull(at, "at");
        requireMove(OrderStatus.SUBMITTED, "submit to the back office as " + reference);
        backOfficeReference = reference;
        enter(OrderStatus.SUBMITTED, at, null);
        events.add(new OrderEvent.Submitted(tenant, id, at, reference));
    }

    /**
     * The back office confirmed it will fulfil the order: {@code SUBMITTED → CONFIRMED}. Records
     * {@link OrderEvent.Confirmed}.
     *
     * @param at   when; not null
     * @param note what the back office said; may be null, not blank
     * @throws IllegalTransitionException if the order is not {@link OrderStatus#SUBMITTED}
     */
    public void confirm(Instant at, String note) {
        requireNotNull(at, "at");
        requireNote(note, "note");
        requireMove(OrderStatus.CONFIRMED, "confirm");
        enter(OrderStatus.CONFIRMED, at, note);
        events.add(new OrderEvent.Confirmed(tenant, id, at, note));
    }

    /**
     * The goods left the warehouse: {@code CONFIRMED → SHIPPED}, with delivery tracking. Records
     * {@link OrderEvent.Shipped}.
     *
     * @param at             when; not null
     * @param carrier        the carrier; may be null exactly when {@code trackingNumber} is null
     * @param trackingNumber the carrier's tracking number; may be null exactly when {@code carrier} is null
     * @param note           what the back office said; may be null, not blank
     * @throws IllegalTransitionException if the order is not {@link OrderStatus#CONFIRMED}
     * @throws ValidationException        if only one of carrier and tracking number is given
     */
    public void ship(Instant at, String carrier, String trackingNumber, String note) {
        requireNotNull(at, "at");
        requireNote(note, "note");
        Tracking shipped = new Tracking(carrier, trackingNumber, at, null);
        requireMove(OrderStatus.SHIPPED, "ship");
        tracking = shipped;
        enter(OrderStatus.SHIPPED, at, note);
        events.add(new OrderEvent.Shipped(tenant, id, at, carrier, trackingNumber));
    }

    /**
     * The goods reached the customer: {@code SHIPPED → DELIVERED}. An order is never delivered
     * before it is shipped. Records {@link OrderEvent.Delivered}.
     *
     * @param at   when; not null
     * @param note what the back office said; may be null, not blank
     * @throws IllegalTransitionException if the order is not {@link OrderStatus#SHIPPED}
     */
    public void deliver(Instant at, String note) {
        requireNotNull(at, "at");
        requireNote(note, "note");
        requireMove(OrderStatus.DELIVERED, "deliver");
        if (at.isBefore(tracking.shippedAt())) {
            throw new ValidationException("at", "must not be before the shipment at " + tracking.shippedAt(), at);
        }
        tracking = tracking.deliveredAt(at);
        enter(OrderStatus.DELIVERED, at, note);
        events.add(new OrderEvent.Delivered(tenant, id, at));
    }

    /**
     * The order will not be fulfilled: {@code CREATED, SUBMITTED or CONFIRMED → CANCELLED}. Records
     * {@link OrderEvent.Cancelled}.
     *
     * @param at     when; not null
     * @param reason why; not blank
     * @throws IllegalTransitionException if the order was shipped, delivered or already cancelled
     * @throws ValidationException        on {@code reason} if it is blank
     */
    public void cancel(Instant at, String reason) {
        requireNotNull(at, "at");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "must not be blank", reason);
        }
        requireMove(OrderStatus.CANCELLED, "cancel");
        OrderStatus from = status;
        enter(OrderStatus.CANCELLED, at, reason);
        events.add(new OrderEvent.Cancelled(tenant, id, at, from, reason));
    }

    /**
     * Applies news from the back office. An update that repeats the current status, or names a
     * status the order went through before, changes nothing and says so (back offices deliver at
     * least once, not always in order); any other update must be a move the status table allows.
     * The update's time becomes the time of the step.
     *
     * @param update the news; it must be for this order, of this tenant, with this order's
     *               back-office reference (an order without one, never submitted, accepts the
     *               reference of a cancellation); not null
     * @return what the update did; never null
     * @throws ValidationException        on {@code tenant}, {@code orderId} or
     *                                    {@code backOfficeReference} if the update is for another order
     * @throws IllegalTransitionException if the update skips a step or goes where the table does not
     *                                    allow (a delivery of an order not shipped, a shipment of a
     *                                    cancelled order)
     */
    public UpdateOutcome apply(FulfillmentUpdate update) {
        Objects.requireNonNull(update, "update must not be null");
        if (!update.tenant().equals(tenant.value())) {
            throw new ValidationException("tenant", "must be the order's tenant '" + tenant + "'", update.tenant());
        }
        if (!update.orderId().equals(id.value())) {
            throw new ValidationException("orderId", "must be the order's id " + id, update.orderId());
        }
        if (backOfficeReference != null && !backOfficeReference.equals(update.backOfficeReference())) {
            throw new ValidationException("backOfficeReference",
                    "must be the order's back-office reference '" + backOfficeReference + "'",
                    update.backOfficeReference());
        }
        OrderStatus target = OrderStatus.valueOf(update.kind());
        if (target == status) {
            return UpdateOutcome.ALREADY_CURRENT;
        }
        if (history.stream().anyMatch(c -> c.status() == target)) {
            return UpdateOutcome.ALREADY_PASSED;
        }
        switch (target) {
            case CONFIRMED -> confirm(update.at(), update.note());
            case SHIPPED -> ship(update.at(), update.trackingCarrier(), update.trackingNumber(), update.note());
            case DELIVERED -> deliver(update.at(), update.note());
            case CANCELLED -> {
                requireMove(OrderStatus.CANCELLED, "cancel (back office " + update.backOfficeReference() + ")");
                if (backOfficeReference == null) {
                    requireReference(update.backOfficeReference());
                }
                cancel(update.at(), update.note() == null ? "cancelled by the back office" : update.note());
                if (backOfficeReference == null) {
                    backOfficeReference = update.backOfficeReference();
                }
            }
            default -> throw new IllegalStateException("a back-office update cannot move an order to " + target);
        }
        return UpdateOutcome.APPLIED;
    }

    // ---------------------------------------------------------------------------------- reading

    /** @return the order's id; never null */
    public OrderId id() {
        return id;
    }

    /** @return the tenant; never null */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the stored version this working copy was read at; 0 if never stored */
    public long version() {
        return version;
    }

    /** @return the accepted quote the order was made from; never null */
    public QuoteId quoteId() {
        return quoteId;
    }

    /** @return the customer who ordered; never null */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the opportunity the quote belonged to; never null */
    public OpportunityId opportunityId() {
        return opportunityId;
    }

    /** @return the campaign the sale is attributed to, if any */
    public Optional<CampaignId> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the lines, copied from the quote; never empty, unmodifiable */
    public List<OrderLine> lines() {
        return lines;
    }

    /** @return net, tax and gross totals, the sums of the lines; never null */
    public OrderTotals totals() {
        return totals;
    }

    /** @return where to deliver, if the order says (otherwise the back office's address for the customer) */
    public Optional<String> deliveryAddress() {
        return Optional.ofNullable(deliveryAddress);
    }

    /** @return when the order was made; never null */
    public Instant createdAt() {
        return createdAt;
    }

    /** @return the current status; never null */
    public OrderStatus status() {
        return status;
    }

    /** @return every status the order entered, oldest first, the last one current; unmodifiable */
    public List<StatusChange> history() {
        return Collections.unmodifiableList(new ArrayList<>(history));
    }

    /** @return the back office's reference, once it took the order */
    public Optional<String> backOfficeReference() {
        return Optional.ofNullable(backOfficeReference);
    }

    /** @return delivery tracking, once shipped */
    public Optional<Tracking> tracking() {
        return Optional.ofNullable(tracking);
    }

    /** @return the events recorded by this working copy, oldest first; unmodifiable */
    public List<OrderEvent> recordedEvents() {
        return List.copyOf(events);
    }

    /** @return whether this working copy changed since it was read (or is new) */
    boolean hasChanges() {
        return !events.isEmpty();
    }

    @Override
    public String toString() {
        return "Order[" + id + ", " + status + ", " + totals.gross() + ", v" + version + "]";
    }

    // ---------------------------------------------------------------------------------- helpers

    private void requireMove(OrderStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(), move);
        }
    }

    private void enter(OrderStatus next, Instant at, String note) {
        history.add(new StatusChange(next, at, note));
        status = next;
    }

    /** The history must start with CREATED, follow the table step by step, and end in {@code status}. */
    private static void requirePath(List<StatusChange> history, OrderStatus status) {
        if (history.isEmpty() || history.get(0).status() != OrderStatus.CREATED) {
            throw new ValidationException("history", "must start with CREATED");
        }
        for (int i = 1; i < history.size(); i++) {
            OrderStatus from = history.get(i - 1).status();
            OrderStatus to = history.get(i).status();
            if (!from.canTransitionTo(to)) {
                throw new ValidationException("history[" + i + "].status", "must be a move the table allows from "
                        + from, to);
            }
        }
        OrderStatus last = history.get(history.size() - 1).status();
        if (last != status) {
            throw new ValidationException("status", "must be the last status of the history (" + last + ")", status);
        }
    }

    private static void requireReference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new ValidationException("backOfficeReference", "must not be blank", reference);
        }
        if (reference.length() > IndexKey.MAX_VALUE_LENGTH) {
            throw new ValidationException("backOfficeReference",
                    "must be at most " + IndexKey.MAX_VALUE_LENGTH + " characters", reference);
        }
    }

    private static void requireNote(String note, String field) {
        if (note != null && note.isBlank()) {
            throw new ValidationException(field, "must be absent (null) or not blank", note);
        }
    }

    private static void requireNotNull(Object value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
    }

    private static String deliveryAddress(String text) {
        if (text == null) {
            return null;
        }
        if (text.isBlank()) {
            throw new ValidationException("deliveryAddress", "must be absent (null) or not blank", text);
        }
        return text.strip();
    }

    private static List<OrderLine> copyLines(List<OrderLine> lines) {
        if (lines.isEmpty()) {
            throw new ValidationException("lines", "must not be empty");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i) == null) {
                throw new ValidationException("lines[" + i + "]", "must not be null");
            }
            lines.get(0).net().requireSameCurrency(lines.get(i).net());
        }
        return List.copyOf(lines);
    }

    private static OrderStatus status(String name, String field) {
        try {
            return OrderStatus.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be one of " + List.of(OrderStatus.values()), name);
        }
    }

    private static OrderLine line(OrderLineRecord r) {
        return new OrderLine(r.productId(), r.sku(), r.name(), r.options(), r.quantity(), money(r.unitPrice()), money(r.net()),
                money(r.tax()), money(r.gross()));
    }

    private static OrderLineRecord lineRecord(OrderLine l) {
        return new OrderLineRecord(l.productId(), l.sku(), l.name(), l.options(), l.quantity(), money(l.unitPrice()),
                money(l.net()), money(l.tax()), money(l.gross()));
    }

    static Money money(MoneyRecord r) {
        BigDecimal amount = r.amount();
        return Money.of(amount, r.currency());
    }

    static MoneyRecord money(Money m) {
        return new MoneyRecord(m.amount(), m.currencyCode());
    }
}
