package org.crmkit.core.memory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.fulfillment.FulfillmentCancellation;
import org.crmkit.spi.fulfillment.FulfillmentException;
import org.crmkit.spi.fulfillment.FulfillmentReceipt;
import org.crmkit.spi.fulfillment.FulfillmentRequest;
import org.crmkit.spi.fulfillment.FulfillmentUpdate;
import org.crmkit.spi.fulfillment.OrderFulfillment;

/**
 * A back office in memory, for tests, demos and labs: it takes every order, answers with
 * references {@code "ERP-000001"}, {@code "ERP-000002"}, ..., remembers what it was given, and lets
 * the test or demo play the warehouse by pushing updates back with {@link #confirm},
 * {@link #ship}, {@link #deliver} and {@link #cancelInBackOffice}.
 *
 * <p>Updates go to the sink given to {@link #connect(Consumer)}, normally the orders service:
 * <pre>{@code
 * InMemoryOrderFulfillment erp = InMemoryOrderFulfillment.create(clock);
 * Orders orders = new Orders(tenant, storage, clock, ids, publisher, erp);
 * erp.connect(orders::applyUpdate);
 * Order order = orders.placeFromQuote(quoteId);
 * erp.confirm(order.tenant().value(), order.id().value());   // the order is now CONFIRMED
 * }</pre>
 * Without a sink the updates are only recorded ({@link #updates()}), for the caller to apply.
 *
 * <p>Like a real back office it is idempotent: a second submission of an order (same tenant and
 * order id) answers with the first receipt and records nothing new, and a second cancellation is a
 * no-op. It refuses to cancel an order it has shipped. To test failure handling, make the next
 * submissions fail with {@link #refuseNextSubmissions(int)} (the order is not taken) or
 * {@link #loseNextAnswers(int)} (the order is taken but the caller gets an exception instead of
 * the receipt).
 *
 * <p>Thread-safe: every method may be called from any thread. The sink is called outside the
 * back office's lock, on the thread that pushed the update.
 *
 * @since 0.1
 */
public final class InMemoryOrderFulfillment implements OrderFulfillment {

    private final Clock clock;
    private final Map<Key, Entry> orders = new LinkedHashMap<>();
    private final List<FulfillmentRequest> submissions = new ArrayList<>();
    private final List<FulfillmentCancellation> cancellations = new ArrayList<>();
    private final List<FulfillmentUpdate> updates = new ArrayList<>();
    private Consumer<FulfillmentUpdate> sink;
    private int refusals;
    private int lostAnswers;
    private long sequence;

    private InMemoryOrderFulfillment(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param clock the source of the back office's time (receipts and updates); not null
     * @return an empty back office with no sink
     */
    public static InMemoryOrderFulfillment create(Clock clock) {
        return new InMemoryOrderFulfillment(Objects.requireNonNull(clock, "clock must not be null"));
    }

    /**
     * Sends every update pushed from now on to {@code sink} as well as recording it.
     *
     * @param sink receives updates, normally {@code orders::applyUpdate}; null to stop sending
     * @return this back office
     */
    public synchronized InMemoryOrderFulfillment connect(Consumer<? super FulfillmentUpdate> sink) {
        this.sink = sink == null ? null : sink::accept;
        return this;
    }

    @Override
    public FulfillmentReceipt submit(FulfillmentRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        synchronized (this) {
            if (refusals > 0) {
                refusals--;
                throw new FulfillmentException("the in-memory back office refused order " + request.orderId()
                        + " as told (refuseNextSubmissions)");
            }
            Key key = new Key(request.tenant(), request.orderId());
            Entry entry = orders.get(key);
            if (entry == null) {
                sequence++;
                entry = new Entry(new FulfillmentReceipt(String.format("ERP-%06d", sequence),
                        clock.instant()));
                orders.put(key, entry);
                submissions.add(request);
            }
            if (lostAnswers > 0) {
                lostAnswers--;
                throw new FulfillmentException("the in-memory back office took order " + request.orderId()
                        + " but the answer was lost, as told (loseNextAnswers)");
            }
            return entry.receipt;
        }
    }

    /**
     * Records the cancellation; a no-op for an order already cancelled or never received.
     *
     * @throws FulfillmentException if the order was shipped or delivered; nothing is recorded
     */
    @Override
    public synchronized void cancel(FulfillmentCancellation cancellation) {
        Objects.requireNonNull(cancellation, "cancellation must not be null");
        Entry entry = orders.get(new Key(cancellation.tenant(), cancellation.orderId()));
        if (entry == null || entry.status.equals(FulfillmentUpdate.CANCELLED)) {
            return;
        }
        if (entry.status.equals(FulfillmentUpdate.SHIPPED) || entry.status.equals(FulfillmentUpdate.DELIVERED)) {
            throw new FulfillmentException("order " + cancellation.orderId() + " (" + entry.receipt.backOfficeReference()
                    + ") is already " + entry.status + " and can no longer be cancelled");
        }
        entry.status = FulfillmentUpdate.CANCELLED;
        cancellations.add(cancellation);
    }

    /** Makes the next {@code count} submissions fail without taking the order. */
    public synchronized void refuseNextSubmissions(int count) {
        requireCount(count);
        refusals = count;
    }

    /** Makes the next {@code count} submissions take the order but throw instead of answering. */
    public synchronized void loseNextAnswers(int count) {
        requireCount(count);
        lostAnswers = count;
    }

    /**
     * The back office confirms an order it took.
     *
     * @return the update, already recorded and sent to the sink
     * @throws ValidationException on {@code orderId} if the back office never took the order
     */
    public FulfillmentUpdate confirm(String tenant, UUID orderId) {
        return push(tenant, orderId, FulfillmentUpdate.CONFIRMED, null, null, null);
    }

    /**
     * The back office ships an order, with the carrier's tracking.
     *
     * @param carrier        the carrier; may be null exactly when {@code trackingNumber} is null
     * @param trackingNumber the tracking number; may be null exactly when {@code carrier} is null
     * @return the update, already recorded and sent to the sink
     * @throws ValidationException on {@code orderId} if the back office never took the order
     */
    public FulfillmentUpdate ship(String tenant, UUID orderId, String carrier, String trackingNumber) {
        return push(tenant, orderId, FulfillmentUpdate.SHIPPED, carrier, trackingNumber, null);
    }

    /**
     * The carrier delivered an order.
     *
     * @return the update, already recorded and sent to the sink
     * @throws ValidationException on {@code orderId} if the back office never took the order
     */
    public FulfillmentUpdate deliver(String tenant, UUID orderId) {
        return push(tenant, orderId, FulfillmentUpdate.DELIVERED, null, null, null);
    }

    /**
     * The back office cancels an order on its own side (out of stock, say).
     *
     * @param note why; may be null, not blank
     * @return the update, already recorded and sent to the sink
     * @throws ValidationException on {@code orderId} if the back office never took the order
     */
    public FulfillmentUpdate cancelInBackOffice(String tenant, UUID orderId, String note) {
        return push(tenant, orderId, FulfillmentUpdate.CANCELLED, null, null, note);
    }

    /**
     * Sends an update again, as a back office that delivers at least once would.
     *
     * @param update a recorded update; not null
     */
    public void redeliver(FulfillmentUpdate update) {
        Objects.requireNonNull(update, "update must not be null");
        Consumer<FulfillmentUpdate> target;
        synchronized (this) {
            updates.add(update);
            target = sink;
        }
        if (target != null) {
            target.accept(update);
        }
    }

    /** @return every order the back office took, each once, in the order taken */
    public synchronized List<FulfillmentRequest> submissions() {
        return List.copyOf(submissions);
    }

    /** @return the receipt given for an order, if the back office took it */
    public synchronized Optional<FulfillmentReceipt> receiptFor(String tenant, UUID orderId) {
        return Optional.ofNullable(orders.get(new Key(tenant, orderId))).map(e -> e.receipt);
    }

    /** @return every cancellation the CRM asked for and the back office accepted, oldest first */
    public synchronized List<FulfillmentCancellation> cancellations() {
        return List.copyOf(cancellations);
    }

    /** @return every update pushed or redelivered, oldest first */
    public synchronized List<FulfillmentUpdate> updates() {
        return List.copyOf(updates);
    }

    private FulfillmentUpdate push(String tenant, UUID orderId, String kind, String carrier, String number,
                                   String note) {
        FulfillmentUpdate update;
        Consumer<FulfillmentUpdate> target;
        synchronized (this) {
            Entry entry = orders.get(new Key(tenant, orderId));
            if (entry == null) {
                throw new ValidationException("orderId", "must name an order the back office took", orderId);
            }
            update = new FulfillmentUpdate(tenant, orderId, entry.receipt.backOfficeReference(), kind, clock.instant(),
                    carrier, number, note);
            entry.status = kind;
            updates.add(update);
            target = sink;
        }
        if (target != null) {
            target.accept(update);
        }
        return update;
    }

    private static void requireCount(int count) {
        if (count < 0) {
            throw new ValidationException("count", "must not be negative", count);
        }
    }

    private record Key(String tenant, UUID orderId) {
    }

    private static final class Entry {
        final FulfillmentReceipt receipt;
        String status = "SUBMITTED";

        Entry(FulfillmentReceipt receipt) {
            this.receipt = receipt;
        }
    }
}
