package org.crmkit.core.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The customer club of one tenant (domain §8, §9): membership with one card, and points earned
 * from delivered orders and redeemed.
 *
 * <p><b>One membership per customer.</b> {@link #join} returns the customer's membership if they
 * already have an active one (nothing is written), and reactivates it if they left. Two joins of
 * the same customer racing in different units of work are not prevented by the storage SPI (it has
 * no unique keys); the later-found one is ignored by {@link #findByCustomer}, which takes the
 * membership with the lowest id.
 *
 * <p><b>Points.</b> {@link #earnFromOrder} posts {@link EarnRule#pointsFor} once per order: posting
 * the same order again reports {@link PointsPosting.Status#ALREADY_POSTED} and writes nothing.
 * Concurrent postings to one membership are serialised by optimistic locking: the loser fails with
 * {@link StaleWriteException} and may simply retry (idempotency makes the retry safe).
 *
 * <p>Every method is one unit of work; events are published only after the commit. Thread-safe.
 *
 * @since 0.1
 */
public final class CustomerClub {

    private final TenantId tenant;
    private final CrmStorage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final DomainEventListener publisher;
    private final EarnRule earnRule;

    /** A club with the {@linkplain EarnRule#standard() standard} earn rule: one point per whole currency unit. */
    public CustomerClub(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                        DomainEventListener publisher) {
        this(tenant, storage, clock, ids, publisher, EarnRule.standard());
    }

    /**
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where everything is kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     * @param earnRule  how many points an order earns; not null
     */
    public CustomerClub(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                        DomainEventListener publisher, EarnRule earnRule) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.earnRule = Objects.requireNonNull(earnRule, "earnRule must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /**
     * A customer joins the club. If they are an active member already, their membership is returned
     * unchanged; if they left, they join again with the same card and ledger.
     *
     * @return the membership, as stored
     * @throws NoSuchCustomerException if the customer is not a customer of the tenant
     */
    public ClubMembership join(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        MembershipId id = new MembershipId(ids.next());
        CardNumber card = CardNumber.from(ids.next());
        Instant now = clock.instant();
        ClubMembership m = storage.inTransaction(tenant.value(), s -> {
            if (s.customers().find(customer.value()).isEmpty()) {
                throw new NoSuchCustomerException(tenant, customer);
            }
            Optional<ClubMembership> existing = loadByCustomer(s, customer);
            if (existing.isEmpty()) {
                ClubMembership joined = ClubMembership.join(id, tenant, customer, card, now);
                s.records(ClubMembershipRecord.KIND).insert(joined.toRecord());
                return joined;
            }
            ClubMembership member = existing.get();
            if (member.status() == MembershipStatus.LEFT) {
                member.rejoin(now);
                s.records(ClubMembershipRecord.KIND).update(member.toRecord());
            }
            return member;
        });
        return committed(m);
    }

    /**
     * A member leaves the club; the ledger is kept.
     *
     * @throws ValidationException        on {@code customerId} if the customer is not a member
     * @throws IllegalTransitionException if they left already
     */
    public ClubMembership leave(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        Instant now = clock.instant();
        return change(customer, m -> {
            m.leave(now);
            return m;
        }).membership;
    }

    /**
     * Posts the points a delivered order earns to its customer's ledger, once per order.
     *
     * @return the outcome: {@code POSTED}; {@code ALREADY_POSTED} if this order was posted before;
     *         {@code NOT_A_MEMBER}, {@code MEMBERSHIP_LEFT} or {@code NO_POINTS} if nothing could be posted
     */
    public PointsPosting earnFromOrder(DeliveredOrder order) {
        Objects.requireNonNull(order, "order must not be null");
        long points = earnRule.pointsFor(order);
        if (points < 0) {
            throw new IllegalStateException("the earn rule gave negative points for order " + order.orderId());
        }
        UUID entryId = ids.next();
        Instant now = clock.instant();
        return post(order.customerId(), m -> m.earn(order.orderId(), points, entryId, now));
    }

    /**
     * Redeems points, once per idempotency key.
     *
     * @param points         how many; at least 1
     * @param idempotencyKey the caller's key for this redemption (a voucher number); not blank
     * @param note           what they were redeemed for; may be null
     * @return the outcome; {@code INSUFFICIENT_BALANCE} if the balance is lower than {@code points}
     */
    public PointsPosting redeem(CustomerId customer, long points, String idempotencyKey, String note) {
        Objects.requireNonNull(customer, "customer must not be null");
        UUID entryId = ids.next();
        Instant now = clock.instant();
        return post(customer, m -> m.redeem(points, idempotencyKey, entryId, note, now));
    }

    /**
     * Takes back the points an order earned (a returned order), once per order.
     *
     * @return the outcome; {@code NOTHING_TO_REVERSE} if the order earned nothing, {@code INSUFFICIENT_BALANCE}
     *         if the points were spent already
     */
    public PointsPosting reverseOrder(CustomerId customer, OrderId order) {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(order, "order must not be null");
        UUID entryId = ids.next();
        Instant now = clock.instant();
        return post(customer, m -> m.reverse(order, entryId, now));
    }

    /** @return the customer's points balance; 0 if they are not a member */
    public long balance(CustomerId customer) {
        return findByCustomer(customer).map(ClubMembership::balance).orElse(0L);
    }

    /** @return the customer's membership (active or left), or empty if they never joined */
    public Optional<ClubMembership> findByCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return storage.inTransaction(tenant.value(), s -> loadByCustomer(s, customer));
    }

    /** @return the membership with that card, or empty */
    public Optional<ClubMembership> findByCard(CardNumber card) {
        Objects.requireNonNull(card, "card must not be null");
        return storage.inTransaction(tenant.value(), s -> Stores.all(s.records(ClubMembershipRecord.KIND),
                        RecordQuery.all().where("cardNumber", card.value())).stream().findFirst()
                .map(r -> Stores.restore(r, ClubMembership::restore, ClubMembership.AGGREGATE)));
    }

    /** @return the membership with that id, or empty */
    public Optional<ClubMembership> find(MembershipId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> s.records(ClubMembershipRecord.KIND).find(id.value())
                .map(r -> Stores.restore(r, ClubMembership::restore, ClubMembership.AGGREGATE)));
    }

    // ------------------------------------------------------------------ internals

    private record Changed<T>(ClubMembership membership, T result) {
    }

    private PointsPosting post(CustomerId customer, Function<ClubMembership, PointsPosting> posting) {
        Changed<PointsPosting> c = storage.inTransaction(tenant.value(), s -> {
            Optional<ClubMembership> member = loadByCustomer(s, customer);
            if (member.isEmpty()) {
                return new Changed<>(null, PointsPosting.refused(PointsPosting.Status.NOT_A_MEMBER, 0));
            }
            ClubMembership m = member.get();
            PointsPosting result = posting.apply(m);
            if (m.hasChanges()) {
                s.records(ClubMembershipRecord.KIND).update(m.toRecord());
            }
            return new Changed<>(m, result);
        });
        if (c.membership() != null) {
            committed(c.membership());
        }
        return c.result();
    }

    private <T> Changed<T> change(CustomerId customer, Function<ClubMembership, T> verb) {
        Changed<T> c = storage.inTransaction(tenant.value(), s -> {
            ClubMembership m = loadByCustomer(s, customer)
                    .orElseThrow(() -> Stores.notFound("customerId", "a club member", tenant, customer));
            T result = verb.apply(m);
            if (m.hasChanges()) {
                s.records(ClubMembershipRecord.KIND).update(m.toRecord());
            }
            return new Changed<>(m, result);
        });
        committed(c.membership());
        return c;
    }

    private Optional<ClubMembership> loadByCustomer(StorageSession s, CustomerId customer) {
        List<ClubMembershipRecord> found = Stores.all(s.records(ClubMembershipRecord.KIND),
                RecordQuery.all().where("customerId", customer.toString()));
        return found.stream().findFirst()
                .map(r -> Stores.restore(r, ClubMembership::restore, ClubMembership.AGGREGATE));
    }

    private ClubMembership committed(ClubMembership m) {
        List<MembershipEvent> events = List.copyOf(m.recordedEvents());
        if (m.hasChanges()) {
            m.markStored();
        }
        events.forEach(publisher::on);
        return m;
    }
}
