package org.crmkit.core.sales.order;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.sales.OrderId;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.quote.NoSuchQuoteException;
import org.crmkit.core.sales.quote.Quote;
import org.crmkit.core.sales.QuoteId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentCancellation;
import org.crmkit.spi.fulfillment.FulfillmentException;
import org.crmkit.spi.fulfillment.FulfillmentReceipt;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.fulfillment.OrderFulfillment;
import org.crmkit.spi.sales.OrderRecord;
import org.crmkit.spi.sales.QuoteRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.DuplicateRecordException;
import org.crmkit.spi.storage.Page;
import org.crmkit.spi.storage.PageRequest;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The orders of one tenant: place them from accepted quotes, hand them to the back office, apply
 * the back office's news, cancel them, and find them.
 *
 * <p><b>Units of work and the back office.</b> Every change of an order is one unit of work, and
 * its events are published only after it committed. Calls to the back office
 * ({@link OrderFulfillment}) are made <em>between</em> units of work, never inside one, so that
 * no transaction is held open during a remote call and a failing back office can never leave an
 * order half-written: {@link #placeFromQuote} first stores the order as {@link OrderStatus#CREATED}
 * (one unit of work), then submits it, then stores it as {@link OrderStatus#SUBMITTED} with the
 * back office's reference (a second unit of work). If the submission fails, the order stays
 * {@code CREATED} and {@link OrderSubmissionException} says so; {@link #submit(OrderId)} retries,
 * and {@link #awaitingSubmission(PageRequest)} lists the orders that need it. Because the back
 * office is idempotent by order id, a retry after a lost answer makes no second order there.
 *
 * <p><b>One order per quote.</b> An order's id is derived from its quote's id, so a quote can
 * never have two orders, not even when two callers place it at the same moment (the second insert
 * fails, and is reported as the quote being ordered already).
 *
 * <p>Concurrent changes of the same order are refused with {@link StaleWriteException}
 * (optimistic locking), except in {@link #applyUpdate}, which re-reads and re-applies the update,
 * since updates are idempotent. Thread-safe.
 *
 * @since 0.1
 */
public final class Orders {

    private static final int UPDATE_ATTEMPTS = 8;

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final OrderFulfillment fulfillment;

    /**
     * Normally called by {@code Crm}; public so that a host can assemble the services itself.
     *
     * @param tenant      the tenant every call is confined to; not null
     * @param storage     where orders (and the quotes they are made from) are kept; not null
     * @param clock       the source of time; not null
     * @param ids         the source of new ids, like every service's (an order's own id is derived
     *                    from its quote's, see the class comment); not null
     * @param publisher   receives the committed events; not null
     * @param fulfillment the back office that fulfils the orders; not null
     */
    public Orders(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids, DomainEventListener publisher,
                  OrderFulfillment fulfillment) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.fulfillment = Objects.requireNonNull(fulfillment, "fulfillment must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * Same as {@link #placeFromQuote(QuoteId, String)} without a delivery address: the back office
     * delivers to the address it keeps for the customer.
     */
    public Order placeFromQuote(QuoteId quoteId) {
        return placeFromQuote(quoteId, null);
    }

    /**
     * Makes an order from an accepted quote, stores it, and hands it to the back office.
     *
     * @param quoteId         the quote; it must be {@code ACCEPTED} and not ordered before; not null
     * @param deliveryAddress where to deliver, free text; null for the back office's address of the customer
     * @return the stored order, {@link OrderStatus#SUBMITTED} with the back office's reference
     * @throws NoSuchQuoteException        if this tenant has no such quote; nothing is stored
     * @throws IllegalTransitionException  naming the quote, its id and its status if the quote is not
     *                                     accepted; nothing is stored
     * @throws ValidationException         on {@code quoteId} if the quote has an order already, or on
     *                                     {@code deliveryAddress} if it is blank; nothing is stored
     * @throws OrderSubmissionException    if the back office did not take the order: the order is
     *                                     stored as {@link OrderStatus#CREATED}, and
     *                                     {@link #submit(OrderId)} retries
     */
    public Order placeFromQuote(QuoteId quoteId, String deliveryAddress) {
        Objects.requireNonNull(quoteId, "quoteId must not be null");
        OrderId id = orderIdOf(quoteId);
        Order placed;
        try {
            placed = storage.inTransaction(tenant.value(), session -> {
                QuoteRecord record = session.records(QuoteRecord.KIND).find(quoteId.value())
                        .orElseThrow(() -> new NoSuchQuoteException(tenant, quoteId));
                Quote quote = restoreQuote(record);
                Order order = Order.fromAcceptedQuote(id, quote, deliveryAddress, clock);
                if (session.records(OrderRecord.KIND).count(RecordQuery.all().where("quoteId", quoteId.toString())) > 0
                        || session.records(OrderRecord.KIND).find(id.value()).isPresent()) {
                    throw alreadyOrdered(quoteId, id);
                }
                session.records(OrderRecord.KIND).insert(order.toRecord());
                return order;
            });
        } catch (DuplicateRecordException e) {
            if (id.value().equals(e.id())) {
                throw alreadyOrdered(quoteId, id);
            }
            throw e;
        }
        publish(placed);
        return submitCreated(id);
    }

    /**
     * Hands an order that is still {@link OrderStatus#CREATED} to the back office (again), for
     * example after an {@link OrderSubmissionException}. Idempotent: an order the back office has
     * already taken is returned as it is.
     *
     * @param id the order; not null
     * @return the order as stored: {@code SUBMITTED} or later
     * @throws NoSuchOrderException       if this tenant has no such order
     * @throws IllegalTransitionException if the order was cancelled
     * @throws OrderSubmissionException   if the back office did not take it; the order stays {@code CREATED}
     */
    public Order submit(OrderId id) {
        Order order = get(id);
        if (order.status() == OrderStatus.CANCELLED) {
            throw new IllegalTransitionException("order", id.value(), order.status().name(),
                    "submit to the back office");
        }
        if (order.status() != OrderStatus.CREATED) {
            return order;
        }
        return submitCreated(id);
    }

    /**
     * Applies news from the back office to the order it names, in one unit of work. An update that
     * repeats the order's current status, or names a status the order went through before, changes
     * nothing and is reported as such; back offices deliver at least once and not always in order.
     * If the order is changed concurrently, the update is read and applied again (up to eight times).
     * An update for an order that is still {@link OrderStatus#CREATED} (the back office took it but
     * its answer was lost) is refused as a skipped step: {@link #submit(OrderId)} it, which gets the
     * reference again, and apply the update again.
     *
     * @param update the news; not null
     * @return what the update did and the order as stored afterwards; never null
     * @throws ValidationException        on {@code tenant} if the update is for another tenant, or on
     *                                    {@code backOfficeReference} if it does not match the order's
     * @throws NoSuchOrderException       if this tenant has no such order
     * @throws IllegalTransitionException if the update skips a step (a delivery of an order that was
     *                                    not shipped) or goes where the status table does not allow; nothing
     *                                    is changed
     * @throws StaleWriteException        if the order kept changing concurrently through every attempt
     */
    public UpdateResult applyUpdate(FulfillmentUpdate update) {
        Objects.requireNonNull(update, "update must not be null");
        if (!update.tenant().equals(tenant.value())) {
            throw new ValidationException("tenant", "must be the tenant of this service '" + tenant + "'",
                    update.tenant());
        }
        OrderId id = OrderId.of(update.orderId());
        StaleWriteException last = null;
        for (int attempt = 0; attempt < UPDATE_ATTEMPTS; attempt++) {
            try {
                return applyOnce(id, update);
            } catch (StaleWriteException e) {
                last = e;
            }
        }
        throw last;
    }

    private UpdateResult applyOnce(OrderId id, FulfillmentUpdate update) {
        Order[] working = new Order[1];
        UpdateResult result = storage.inTransaction(tenant.value(), session -> {
            Order order = load(session, id).orElseThrow(() -> new NoSuchOrderException(tenant, id));
            UpdateOutcome outcome = order.apply(update);
            working[0] = order;
            return new UpdateResult(outcome, outcome.changed() ? store(session, order) : order);
        });
        publish(working[0]);
        return result;
    }

    /**
     * Cancels an order that has not shipped. An order the back office has been given
     * ({@link OrderStatus#SUBMITTED} or {@link OrderStatus#CONFIRMED}) is cancelled there first,
     * through {@link OrderFulfillment#cancel}, outside any unit of work; only if the back office
     * agrees is the order stored as cancelled. A {@link OrderStatus#CREATED} order is cancelled
     * at once, without asking the back office. (If an earlier submission of it failed after the
     * back office took it, a lost answer, the back office may hold it: where that matters,
     * {@link #submit(OrderId)} it first, which is idempotent, and then cancel it.)
     *
     * @param id     the order; not null
     * @param reason why; not blank
     * @return the order as stored, {@link OrderStatus#CANCELLED}
     * @throws ValidationException        on {@code reason} if it is blank
     * @throws NoSuchOrderException       if this tenant has no such order
     * @throws IllegalTransitionException if the order was shipped, delivered or cancelled already
     * @throws FulfillmentException       if the back office did not agree (or could not be asked); the
     *                                    order is unchanged
     */
    public Order cancel(OrderId id, String reason) {
        Objects.requireNonNull(id, "id must not be null");
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("reason", "must not be blank", reason);
        }
        Order current = get(id);
        Order trial = Order.restore(current.toRecord());
        trial.cancel(clock.instant(), reason);
        if (current.status() != OrderStatus.CREATED) {
            fulfillment.cancel(new FulfillmentCancellation(tenant.value(), id.value(),
                    current.backOfficeReference().orElse(null), reason));
        }
        Order[] working = new Order[1];
        Order stored = storage.inTransaction(tenant.value(), session -> {
            Order order = load(session, id).orElseThrow(() -> new NoSuchOrderException(tenant, id));
            if (order.status() == OrderStatus.CANCELLED && current.status() != OrderStatus.CREATED) {
                return order;
            }
            if (current.status() == OrderStatus.CREATED && order.status() != OrderStatus.CREATED) {
                // Submitted meanwhile: the back office must be asked first; the caller reads again.
                throw new StaleWriteException("order", id.value(), current.version(), order.version());
            }
            order.cancel(clock.instant(), reason);
            working[0] = order;
            return store(session, order);
        });
        if (working[0] != null) {
            publish(working[0]);
        }
        return stored;
    }

    /** @return the order with that id in this tenant, or empty */
    public Optional<Order> find(OrderId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), session -> load(session, id));
    }

    /**
     * @return the order with that id
     * @throws NoSuchOrderException if this tenant has no such order
     */
    public Order get(OrderId id) {
        return find(id).orElseThrow(() -> new NoSuchOrderException(tenant, id));
    }

    /** @return the order made from that quote, if it has one */
    public Optional<Order> findByQuote(QuoteId quoteId) {
        Objects.requireNonNull(quoteId, "quoteId must not be null");
        return first(RecordQuery.all().where("quoteId", quoteId.toString()));
    }

    /** @return the order the back office knows by that reference, if there is one */
    public Optional<Order> findByBackOfficeReference(String backOfficeReference) {
        if (backOfficeReference == null || backOfficeReference.isBlank()) {
            throw new ValidationException("backOfficeReference", "must not be blank", backOfficeReference);
        }
        return first(RecordQuery.all().where("backOfficeReference", backOfficeReference));
    }

    /**
     * A customer's orders, a page at a time, in id order.
     *
     * @param customerId the customer; not null
     * @param page       which page; not null
     * @return the page; never null
     */
    public Page<Order> listByCustomer(CustomerId customerId, PageRequest page) {
        Objects.requireNonNull(customerId, "customerId must not be null");
        return list(RecordQuery.all().where("customerId", customerId.toString()), page);
    }

    /**
     * The orders in a status, a page at a time, in id order.
     *
     * @param status the status; not null
     * @param page   which page; not null
     * @return the page; never null
     */
    public Page<Order> listByStatus(OrderStatus status, PageRequest page) {
        Objects.requireNonNull(status, "status must not be null");
        return list(RecordQuery.all().where("status", status.name()), page);
    }

    /**
     * The orders stored but not yet taken by the back office ({@link OrderStatus#CREATED}), for a
     * host's retry job to {@link #submit(OrderId)}.
     *
     * @param page which page; not null
     * @return the page; never null
     */
    public Page<Order> awaitingSubmission(PageRequest page) {
        return listByStatus(OrderStatus.CREATED, page);
    }

    /** @return how many orders are in {@code status} */
    public long count(OrderStatus status) {
        Objects.requireNonNull(status, "status must not be null");
        return storage.inTransaction(tenant.value(),
                session -> session.records(OrderRecord.KIND).count(RecordQuery.all().where("status", status.name())));
    }

    // ---------------------------------------------------------------------------------- helpers

    /** Submits a stored order outside any unit of work, then stores SUBMITTED in a unit of its own. */
    private Order submitCreated(OrderId id) {
        Order order = get(id);
        FulfillmentReceipt receipt;
        try {
            receipt = fulfillment.submit(order.toFulfillmentRequest());
            if (receipt == null) {
                throw new FulfillmentException("the back office answered the submission of order " + id
                        + " with no receipt");
            }
        } catch (RuntimeException e) {
            throw new OrderSubmissionException(id, e);
        }
        Order[] working = new Order[1];
        Order stored = storage.inTransaction(tenant.value(), session -> {
            Order current = load(session, id).orElseThrow(() -> new NoSuchOrderException(tenant, id));
            if (current.status() != OrderStatus.CREATED) {
                // Submitted concurrently (the back office answered both alike), or cancelled meanwhile.
                return current;
            }
            current.markSubmitted(receipt.backOfficeReference(), clock.instant());
            working[0] = current;
            return store(session, current);
        });
        if (working[0] != null) {
            publish(working[0]);
        }
        return stored;
    }

    /** The id of the order of a quote: a name-based UUID of the quote's id, the same every time. */
    static OrderId orderIdOf(QuoteId quoteId) {
        return OrderId.of(UUID.nameUUIDFromBytes(("crmkit:order-of-quote:" + quoteId.value())
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static ValidationException alreadyOrdered(QuoteId quoteId, OrderId orderId) {
        return new ValidationException("quoteId", "must not have been ordered already (it is order " + orderId + ")",
                quoteId);
    }

    /** Stores a changed working copy and returns it as stored (a fresh copy at the new version). */
    private Order store(StorageSession session, Order order) {
        OrderRecord record = order.toRecord();
        if (record.version() == 1) {
            session.records(OrderRecord.KIND).insert(record);
        } else {
            session.records(OrderRecord.KIND).update(record);
        }
        return Order.restore(record);
    }

    private void publish(Order order) {
        order.recordedEvents().forEach(publisher::on);
    }

    private Optional<Order> first(RecordQuery query) {
        return list(query, PageRequest.first(1)).items().stream().findFirst();
    }

    private Page<Order> list(RecordQuery query, PageRequest page) {
        Objects.requireNonNull(page, "page must not be null");
        Page<OrderRecord> records = storage.inTransaction(tenant.value(),
                session -> session.records(OrderRecord.KIND).query(query, page));
        List<Order> orders = records.items().stream().map(this::restore).toList();
        return new Page<>(orders, records.next());
    }

    private Optional<Order> load(StorageSession session, OrderId id) {
        return session.records(OrderRecord.KIND).find(id.value()).map(this::restore);
    }

    /** Rebuilds a stored order; a record that breaks a rule of the model is a storage failure. */
    private Order restore(OrderRecord record) {
        try {
            return Order.restore(record);
        } catch (ValidationException e) {
            throw new StorageException("order " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }

    private static Quote restoreQuote(QuoteRecord record) {
        try {
            return Quote.restore(record);
        } catch (ValidationException e) {
            throw new StorageException("quote " + record.id() + " as stored breaks a rule of the model: "
                    + e.getMessage(), null, e);
        }
    }
}
