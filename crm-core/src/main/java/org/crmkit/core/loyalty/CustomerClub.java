package org.crmkit.core.loyalty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.crmkit.core.common.DomainEvent;
import org.crmkit.core.common.DomainEventListener;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.customer.NoSuchCustomerException;
import org.crmkit.core.sales.OrderId;
import org.crmkit.core.service.DeliveredOrder;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.OfferRecord;
import org.crmkit.spi.service.PartnerMerchantRecord;
import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.spi.storage.RecordQuery;
import org.crmkit.spi.storage.StaleWriteException;
import org.crmkit.spi.storage.StorageSession;

/**
 * The customer club of one tenant (domain §8, §9): enrolment with one member card used across
 * every store and channel, points earned from orders and at partner merchants and redeemed as
 * cash, tiers with their benefits, member-only offers, and the partner merchants.
 *
 * <p><b>One membership per customer.</b> {@link #join} returns the customer's membership if they
 * already have an active one (nothing is written), and reactivates it if they left. Two joins of
 * the same customer racing in different units of work are not prevented by the storage SPI (it has
 * no unique keys); the later-found one is ignored by {@link #findByCustomer}, which takes the
 * membership with the lowest id.
 *
 * <p><b>Points.</b> The ledger rules (FIFO lots, expiry, reversal with shortfall, idempotency) are
 * those of {@link ClubMembership}; this service adds the {@link LoyaltyProgram}: an order earns
 * {@code tierBenefits.multiply(earnRule.pointsFor(order))}, with the tier the member had just
 * before the posting; earned points expire {@link LoyaltyProgram#pointsValidity()} after they were
 * posted; cash is redeemed at the {@link LoyaltyProgram#redemptionRate()}. Posting the same order or
 * key again reports {@link PointsPosting.Status#ALREADY_POSTED} and writes nothing. Every posting
 * that changes the ledger reviews the tier ({@link ClubMembership#reviewTier}) in the same unit of
 * work. Concurrent postings to one membership are serialised by optimistic locking: the loser fails
 * with {@link StaleWriteException} and may simply retry (idempotency makes the retry safe).
 *
 * <p><b>Refusals.</b> Expected refusals are {@link PointsPosting} outcomes (not a member, unknown
 * card, balance too low, unknown partner) and write nothing; malformed arguments throw
 * {@link ValidationException} naming the field and write nothing.
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
    private final LoyaltyProgram program;

    /** A club with the {@linkplain LoyaltyProgram#standard() standard} program. */
    public CustomerClub(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                        DomainEventListener publisher) {
        this(tenant, storage, clock, ids, publisher, LoyaltyProgram.standard());
    }

    /** A club with the standard program but {@code earnRule}. */
    public CustomerClub(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                        DomainEventListener publisher, EarnRule earnRule) {
        this(tenant, storage, clock, ids, publisher, LoyaltyProgram.standard().withEarnRule(earnRule));
    }

    /**
     * @param tenant    the tenant every call is confined to; not null
     * @param storage   where everything is kept; not null
     * @param clock     the source of time; not null
     * @param ids       the source of new ids; not null
     * @param publisher receives the committed events; not null
     * @param program   the club's rules; not null
     */
    public CustomerClub(TenantId tenant, CrmStorage storage, Clock clock, IdGenerator ids,
                        DomainEventListener publisher, LoyaltyProgram program) {
        this.tenant = Objects.requireNonNull(tenant, "tenant must not be null");
        this.storage = Objects.requireNonNull(storage, "storage must not be null");
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.ids = Objects.requireNonNull(ids, "ids must not be null");
        this.publisher = Objects.requireNonNull(publisher, "publisher must not be null");
        this.program = Objects.requireNonNull(program, "program must not be null");
    }

    /** @return the tenant this service is confined to */
    public TenantId tenant() {
        return tenant;
    }

    /** @return the club's rules */
    public LoyaltyProgram program() {
        return program;
    }

    // ------------------------------------------------------------------ enrolment

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
        return committed(m, m.recordedEvents(), m.hasChanges(), m::markStored);
    }

    /**
     * A member leaves the club; the card and the ledger are kept.
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
        });
    }

    // ------------------------------------------------------------------ points

    /** Same as {@code earnFromOrder(order, Touchpoint.unknown())}. */
    public PointsPosting earnFromOrder(DeliveredOrder order) {
        return earnFromOrder(order, Touchpoint.unknown());
    }

    /**
     * Posts the points a delivered order earns to its customer's ledger, once per order, recording
     * where the card was used and the order's total as spend.
     *
     * @param where where the card was used; not null
     * @return the outcome: {@code POSTED}; {@code ALREADY_POSTED} if this order was posted before;
     *         {@code NOT_A_MEMBER}, {@code MEMBERSHIP_LEFT} or {@code NO_POINTS} if nothing could be posted
     */
    public PointsPosting earnFromOrder(DeliveredOrder order, Touchpoint where) {
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(where, "where must not be null");
        long base = earnRule(order);
        UUID entryId = ids.next();
        Instant now = clock.instant();
        Instant expiresAt = program.expiryOf(now).orElse(null);
        return post(s -> loadByCustomer(s, order.customerId()), PointsPosting.Status.NOT_A_MEMBER, m -> {
            long points = m.tier(program.tiers(), now).benefits().multiply(base);
            return m.earn(order.orderId(), points, order.total(), where, expiresAt, entryId, now);
        });
    }

    /**
     * The member shows their card for a purchase (in a store, on the web, in the app): posts what
     * the purchase earns, once per order, as {@link #earnFromOrder(DeliveredOrder, Touchpoint)} does.
     *
     * @param card  the member card; not null
     * @param order the id of the card holder's order or till receipt; not null; an order earns once
     * @param total what the purchase was worth; not null
     * @param where where the card was used; not null
     * @return the outcome; {@code UNKNOWN_CARD} if no membership has the card
     */
    public PointsPosting earnWithCard(CardNumber card, OrderId order, Money total, Touchpoint where) {
        Objects.requireNonNull(card, "card must not be null");
        Objects.requireNonNull(order, "order must not be null");
        Objects.requireNonNull(total, "total must not be null");
        Objects.requireNonNull(where, "where must not be null");
        UUID entryId = ids.next();
        Instant now = clock.instant();
        Instant expiresAt = program.expiryOf(now).orElse(null);
        return post(s -> loadByCard(s, card), PointsPosting.Status.UNKNOWN_CARD, m -> {
            long base = earnRule(new DeliveredOrder(order, m.customerId(), null, total, now));
            long points = m.tier(program.tiers(), now).benefits().multiply(base);
            return m.earn(order, points, total, where, expiresAt, entryId, now);
        });
    }

    /**
     * The member shows their card at a partner merchant: posts the partner's points for the spend
     * ({@link PartnerMerchant#pointsFor}, times the tier's multiplier), once per receipt of that partner.
     *
     * @param receipt the partner's receipt reference; not blank
     * @return the outcome; {@code UNKNOWN_CARD}, or {@code UNKNOWN_PARTNER} if no active partner has the code
     */
    public PointsPosting earnAtPartner(CardNumber card, PartnerCode partner, String receipt, Money spend) {
        Objects.requireNonNull(card, "card must not be null");
        Objects.requireNonNull(partner, "partner must not be null");
        Objects.requireNonNull(spend, "spend must not be null");
        UUID entryId = ids.next();
        Instant now = clock.instant();
        Instant expiresAt = program.expiryOf(now).orElse(null);
        return post(s -> loadByCard(s, card), PointsPosting.Status.UNKNOWN_CARD, (s, m) -> {
            Optional<PartnerMerchant> p = activePartner(s, partner);
            if (p.isEmpty()) {
                return PointsPosting.refused(PointsPosting.Status.UNKNOWN_PARTNER, m.balance());
            }
            long points = m.tier(program.tiers(), now).benefits().multiply(p.get().pointsFor(spend));
            return m.earnAtPartner(partner, receipt, points, spend, expiresAt, entryId, now);
        });
    }

    /**
     * Redeems points, once per idempotency key, taking them from the oldest unexpired points.
     *
     * @param points         how many; at least 1
     * @param idempotencyKey the caller's key for this redemption (a voucher number); not blank
     * @param note           what they were redeemed for; may be null
     * @return the outcome; {@code INSUFFICIENT_BALANCE} if fewer points are redeemable
     */
    public PointsPosting redeem(CustomerId customer, long points, String idempotencyKey, String note) {
        Objects.requireNonNull(customer, "customer must not be null");
        UUID entryId = ids.next();
        Instant now = clock.instant();
        return post(s -> loadByCustomer(s, customer), PointsPosting.Status.NOT_A_MEMBER,
                m -> m.redeem(points, idempotencyKey, null, Touchpoint.unknown(), note, entryId, now));
    }

    /**
     * Redeems points as cash (paid out or taken off a bill) at the program's
     * {@linkplain LoyaltyProgram#redemptionRate() rate}, once per idempotency key: the points are
     * {@link RedemptionRate#pointsFor(Money) cash × points / value}, rounded up to whole points.
     * At a partner merchant ({@link Touchpoint#partner()} set), the partner must be active and take points.
     *
     * @param cash           the cash wanted; positive
     * @param idempotencyKey the caller's key (a till receipt); not blank
     * @param where          where the card was used; not null
     * @return the outcome, with {@link PointsPosting#cashValue()}; {@code UNKNOWN_CARD},
     *         {@code INSUFFICIENT_BALANCE}, {@code UNKNOWN_PARTNER} or {@code PARTNER_DOES_NOT_REDEEM}
     *         if nothing was posted
     * @throws ValidationException on {@code cash} if it is not positive
     */
    public PointsPosting redeemAsCash(CardNumber card, Money cash, String idempotencyKey, Touchpoint where) {
        Objects.requireNonNull(card, "card must not be null");
        Objects.requireNonNull(where, "where must not be null");
        long points = program.redemptionRate().pointsFor(cash);
        UUID entryId = ids.next();
        Instant now = clock.instant();
        return post(s -> loadByCard(s, card), PointsPosting.Status.UNKNOWN_CARD, (s, m) -> {
            if (where.partner() != null) {
                Optional<PartnerMerchant> p = activePartner(s, where.partner());
                if (p.isEmpty()) {
                    return PointsPosting.refused(PointsPosting.Status.UNKNOWN_PARTNER, m.balance());
                }
                if (!p.get().redeemAllowed()) {
                    return PointsPosting.refused(PointsPosting.Status.PARTNER_DOES_NOT_REDEEM, m.balance());
                }
            }
            return m.redeem(points, idempotencyKey, cash, where, "cash " + cash, entryId, now);
        });
    }

    /**
     * Takes back what an order earned (a cancelled or returned order), once per order; what the
     * balance cannot cover is recorded as the entry's shortfall (see {@link ClubMembership}).
     *
     * @return the outcome; {@code NOTHING_TO_REVERSE} if the order earned nothing
     */
    public PointsPosting reverseOrder(CustomerId customer, OrderId order) {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(order, "order must not be null");
        UUID entryId = ids.next();
        Instant now = clock.instant();
        return post(s -> loadByCustomer(s, customer), PointsPosting.Status.NOT_A_MEMBER,
                m -> m.reverse(order, Touchpoint.unknown(), entryId, now));
    }

    /**
     * Writes off the member's expired points now (see {@link ClubMembership#expire}).
     *
     * @return the entries posted; empty if nothing expired or the customer is not a member
     */
    public List<PointsEntry> expirePoints(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        Instant now = clock.instant();
        Changed<List<PointsEntry>> c = storage.inTransaction(tenant.value(), s -> {
            Optional<ClubMembership> member = loadByCustomer(s, customer);
            if (member.isEmpty()) {
                return new Changed<>(null, List.<PointsEntry>of());
            }
            ClubMembership m = member.get();
            List<PointsEntry> expired = m.expire(now, ids);
            if (!expired.isEmpty()) {
                m.reviewTier(program.tiers(), now);
            }
            store(s, m);
            return new Changed<>(m, expired);
        });
        committedMembership(c.membership());
        return c.result();
    }

    /**
     * Writes off the expired points of every member of the tenant now: one unit of work per member
     * with something to expire (a batch job, for example nightly).
     *
     * @return how many entries were posted
     */
    public int expireAll() {
        int posted = 0;
        for (CustomerId c : memberIds()) {
            posted += expirePoints(c).size();
        }
        return posted;
    }

    /** @return the customer's points balance; 0 if they are not a member */
    public long balance(CustomerId customer) {
        return findByCustomer(customer).map(ClubMembership::balance).orElse(0L);
    }

    /** @return the points the customer can redeem now (unexpired); 0 if they are not a member */
    public long redeemable(CustomerId customer) {
        Instant now = clock.instant();
        return findByCustomer(customer).map(m -> m.redeemable(now)).orElse(0L);
    }

    // ------------------------------------------------------------------ tiers

    /** @return the member's tier now, derived from their ledger; empty if they are not a member */
    public Optional<Tier> tierOf(CustomerId customer) {
        Instant now = clock.instant();
        return findByCustomer(customer).map(m -> m.tier(program.tiers(), now));
    }

    /**
     * The service level code of the member's tier now ({@link TierBenefits#serviceLevel()}), read in a
     * unit of work another service has open; for example the service desk gives a work order the
     * targets of the customer's tier.
     *
     * @param session  an open unit of work of this club's tenant; not null
     * @param customer the customer; not null
     * @return the code, or empty if the customer is not an active member
     */
    public Optional<String> serviceLevelWithin(StorageSession session, CustomerId customer) {
        Objects.requireNonNull(session, "session must not be null");
        Objects.requireNonNull(customer, "customer must not be null");
        Instant now = clock.instant();
        return loadByCustomer(session, customer).filter(m -> m.status() == MembershipStatus.ACTIVE)
                .map(m -> m.tier(program.tiers(), now).benefits().serviceLevel());
    }

    /**
     * @param listPrice the list price; not null
     * @return the price the customer pays: the member price of their tier if they are an active
     *         member, otherwise the list price
     */
    public Money memberPrice(CustomerId customer, Money listPrice) {
        Objects.requireNonNull(listPrice, "listPrice must not be null");
        Instant now = clock.instant();
        return findByCustomer(customer).filter(m -> m.status() == MembershipStatus.ACTIVE)
                .map(m -> m.tier(program.tiers(), now).benefits().memberPrice(listPrice)).orElse(listPrice);
    }

    /**
     * Reviews the member's tier now (tiers on rolling spend can fall as time passes) and records a
     * change if it moved.
     *
     * @return the change, if any; empty too if the customer is not a member
     */
    public Optional<TierChange> reviewTier(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        Instant now = clock.instant();
        Changed<Optional<TierChange>> c = storage.inTransaction(tenant.value(), s -> {
            Optional<ClubMembership> member = loadByCustomer(s, customer);
            if (member.isEmpty()) {
                return new Changed<>(null, Optional.<TierChange>empty());
            }
            ClubMembership m = member.get();
            Optional<TierChange> change = m.reviewTier(program.tiers(), now);
            store(s, m);
            return new Changed<>(m, change);
        });
        committedMembership(c.membership());
        return c.result();
    }

    /**
     * Reviews the tier of every member of the tenant now: one unit of work per member (a batch job,
     * for example nightly, for tiers on rolling spend).
     *
     * @return how many tier changes were recorded
     */
    public int reviewAllTiers() {
        int changes = 0;
        for (CustomerId c : memberIds()) {
            if (reviewTier(c).isPresent()) {
                changes++;
            }
        }
        return changes;
    }

    // ------------------------------------------------------------------ finding members

    /** @return the customer's membership (active or left), or empty if they never joined */
    public Optional<ClubMembership> findByCustomer(CustomerId customer) {
        Objects.requireNonNull(customer, "customer must not be null");
        return storage.inTransaction(tenant.value(), s -> loadByCustomer(s, customer));
    }

    /** @return the membership with that card (one card across every store and channel), or empty */
    public Optional<ClubMembership> findByCard(CardNumber card) {
        Objects.requireNonNull(card, "card must not be null");
        return storage.inTransaction(tenant.value(), s -> loadByCard(s, card));
    }

    /** @return the membership with that id, or empty */
    public Optional<ClubMembership> find(MembershipId id) {
        Objects.requireNonNull(id, "id must not be null");
        return storage.inTransaction(tenant.value(), s -> s.records(ClubMembershipRecord.KIND).find(id.value())
                .map(r -> Stores.restore(r, ClubMembership::restore, ClubMembership.AGGREGATE)));
    }

    // ------------------------------------------------------------------ partners

    /**
     * A merchant becomes a partner of the club.
     *
     * @return the partner, as stored
     * @throws ValidationException on {@code partner} if a partner (active or ended) has the code
     *                             already, or naming another field if an argument is invalid
     */
    public PartnerMerchant registerPartner(PartnerCode code, String name, long pointsPerUnit, boolean redeemAllowed) {
        Objects.requireNonNull(code, "code must not be null");
        PartnerId id = new PartnerId(ids.next());
        Instant now = clock.instant();
        PartnerMerchant p = PartnerMerchant.register(id, tenant, code, name, pointsPerUnit, redeemAllowed, now);
        storage.inTransaction(tenant.value(), s -> {
            if (loadPartner(s, code).isPresent()) {
                throw new ValidationException("partner", "must be unique in the tenant", code.value());
            }
            s.records(PartnerMerchantRecord.KIND).insert(p.toRecord());
            return p;
        });
        return committed(p, p.recordedEvents(), p.hasChanges(), p::markStored);
    }

    /**
     * The partnership ends; points earned there are kept.
     *
     * @throws ValidationException        on {@code partner} if no partner has the code
     * @throws IllegalTransitionException if it ended already
     */
    public PartnerMerchant endPartnership(PartnerCode code) {
        Objects.requireNonNull(code, "code must not be null");
        Instant now = clock.instant();
        PartnerMerchant p = storage.inTransaction(tenant.value(), s -> {
            PartnerMerchant found = loadPartner(s, code)
                    .orElseThrow(() -> Stores.notFound("partner", "a partner merchant", tenant, code));
            found.end(now);
            s.records(PartnerMerchantRecord.KIND).update(found.toRecord());
            return found;
        });
        return committed(p, p.recordedEvents(), p.hasChanges(), p::markStored);
    }

    /** @return the partner with that code (active or ended), or empty */
    public Optional<PartnerMerchant> findPartner(PartnerCode code) {
        Objects.requireNonNull(code, "code must not be null");
        return storage.inTransaction(tenant.value(), s -> loadPartner(s, code));
    }

    /** @return the active partners, by code */
    public List<PartnerMerchant> partners() {
        return storage.inTransaction(tenant.value(), s -> Stores.all(s.records(PartnerMerchantRecord.KIND),
                        RecordQuery.all().where("status", PartnerStatus.ACTIVE.name())).stream()
                .map(r -> Stores.restore(r, PartnerMerchant::restore, PartnerMerchant.AGGREGATE))
                .sorted(Comparator.comparing(p -> p.code().value())).toList());
    }

    // ------------------------------------------------------------------ offers

    /**
     * Publishes a member-only offer.
     *
     * @param tiers   the names of the tiers it is for, each a tier of the program's policy; empty for every member
     * @param partner the partner merchant offering it, which must be an active partner; may be null
     * @return the offer, as stored
     * @throws ValidationException on {@code tiers} for a tier the policy does not have, on {@code partner}
     *                             for an unknown or ended partner, or naming another invalid argument
     */
    public Offer publishOffer(String title, String description, Set<String> tiers, LocalDate validFrom,
                              LocalDate validTo, PartnerCode partner) {
        Objects.requireNonNull(tiers, "tiers must not be null");
        for (String t : tiers) {
            if (program.tiers().tier(t).isEmpty()) {
                throw new ValidationException("tiers", "must name tiers of the policy "
                        + program.tiers().tiers().stream().map(Tier::name).toList(), t);
            }
        }
        OfferId id = new OfferId(ids.next());
        Instant now = clock.instant();
        Offer o = Offer.publish(id, tenant, title, description, tiers, validFrom, validTo, partner, now);
        storage.inTransaction(tenant.value(), s -> {
            if (partner != null && activePartner(s, partner).isEmpty()) {
                throw new ValidationException("partner", "must name an active partner merchant of tenant '"
                        + tenant + "'", partner.value());
            }
            s.records(OfferRecord.KIND).insert(o.toRecord());
            return o;
        });
        return committed(o, o.recordedEvents(), o.hasChanges(), o::markStored);
    }

    /**
     * Withdraws an offer.
     *
     * @throws ValidationException        on {@code offerId} if the tenant has no such offer
     * @throws IllegalTransitionException if it was withdrawn already
     */
    public Offer withdrawOffer(OfferId offer) {
        Objects.requireNonNull(offer, "offer must not be null");
        Instant now = clock.instant();
        Offer o = storage.inTransaction(tenant.value(), s -> {
            Offer found = s.records(OfferRecord.KIND).find(offer.value())
                    .map(r -> Stores.restore(r, Offer::restore, Offer.AGGREGATE))
                    .orElseThrow(() -> Stores.notFound("offerId", "a club offer", tenant, offer));
            found.withdraw(now);
            s.records(OfferRecord.KIND).update(found.toRecord());
            return found;
        });
        return committed(o, o.recordedEvents(), o.hasChanges(), o::markStored);
    }

    /**
     * The member-only offers a customer may take on {@code date}: none unless they are an active
     * member; otherwise the active offers valid that day for every tier or for the member's tier now.
     *
     * @return the offers, soonest ending first; empty for a non-member
     */
    public List<Offer> offersFor(CustomerId customer, LocalDate date) {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(date, "date must not be null");
        Instant now = clock.instant();
        return storage.inTransaction(tenant.value(), s -> {
            Optional<ClubMembership> m = loadByCustomer(s, customer)
                    .filter(x -> x.status() == MembershipStatus.ACTIVE);
            if (m.isEmpty()) {
                return List.<Offer>of();
            }
            Tier tier = m.get().tier(program.tiers(), now);
            return Stores.all(s.records(OfferRecord.KIND), RecordQuery.all().where("status", OfferStatus.ACTIVE.name()))
                    .stream().map(r -> Stores.restore(r, Offer::restore, Offer.AGGREGATE))
                    .filter(o -> o.isFor(tier, date))
                    .sorted(Comparator.comparing(Offer::validTo).thenComparing(o -> o.id().value()))
                    .toList();
        });
    }

    // ------------------------------------------------------------------ internals

    private record Changed<T>(ClubMembership membership, T result) {
    }

    /** A posting that may also read the session (partners). */
    @FunctionalInterface
    private interface SessionPosting {
        PointsPosting apply(StorageSession s, ClubMembership m);
    }

    private List<CustomerId> memberIds() {
        return storage.inTransaction(tenant.value(), s -> Stores.all(s.records(ClubMembershipRecord.KIND),
                RecordQuery.all()).stream().map(r -> CustomerId.of(r.customerId())).distinct().toList());
    }

    private long earnRule(DeliveredOrder order) {
        long points = program.earnRule().pointsFor(order);
        if (points < 0) {
            throw new IllegalStateException("the earn rule gave negative points for order " + order.orderId());
        }
        return points;
    }

    private PointsPosting post(Function<StorageSession, Optional<ClubMembership>> load,
                               PointsPosting.Status missing, Function<ClubMembership, PointsPosting> posting) {
        return post(load, missing, (s, m) -> posting.apply(m));
    }

    private PointsPosting post(Function<StorageSession, Optional<ClubMembership>> load,
                               PointsPosting.Status missing, SessionPosting posting) {
        Changed<PointsPosting> c = storage.inTransaction(tenant.value(), s -> {
            Optional<ClubMembership> member = load.apply(s);
            if (member.isEmpty()) {
                return new Changed<>(null, PointsPosting.refused(missing, 0));
            }
            ClubMembership m = member.get();
            PointsPosting result = posting.apply(s, m);
            if (result.posted()) {
                m.reviewTier(program.tiers(), result.entry().orElseThrow().at());
            }
            store(s, m);
            return new Changed<>(m, result);
        });
        committedMembership(c.membership());
        return c.result();
    }

    private <T> T change(CustomerId customer, Function<ClubMembership, T> verb) {
        Changed<T> c = storage.inTransaction(tenant.value(), s -> {
            ClubMembership m = loadByCustomer(s, customer)
                    .orElseThrow(() -> Stores.notFound("customerId", "a club member", tenant, customer));
            T result = verb.apply(m);
            store(s, m);
            return new Changed<>(m, result);
        });
        committedMembership(c.membership());
        return c.result();
    }

    private static void store(StorageSession s, ClubMembership m) {
        if (m.hasChanges()) {
            s.records(ClubMembershipRecord.KIND).update(m.toRecord());
        }
    }

    private Optional<ClubMembership> loadByCustomer(StorageSession s, CustomerId customer) {
        return first(s, RecordQuery.all().where("customerId", customer.toString()));
    }

    private Optional<ClubMembership> loadByCard(StorageSession s, CardNumber card) {
        return first(s, RecordQuery.all().where("cardNumber", card.value()));
    }

    private static Optional<ClubMembership> first(StorageSession s, RecordQuery query) {
        return Stores.all(s.records(ClubMembershipRecord.KIND), query).stream().findFirst()
                .map(r -> Stores.restore(r, ClubMembership::restore, ClubMembership.AGGREGATE));
    }

    private static Optional<PartnerMerchant> loadPartner(StorageSession s, PartnerCode code) {
        return Stores.all(s.records(PartnerMerchantRecord.KIND), RecordQuery.all().where("code", code.value()))
                .stream().findFirst()
                .map(r -> Stores.restore(r, PartnerMerchant::restore, PartnerMerchant.AGGREGATE));
    }

    private static Optional<PartnerMerchant> activePartner(StorageSession s, PartnerCode code) {
        return loadPartner(s, code).filter(p -> p.status() == PartnerStatus.ACTIVE);
    }

    private void committedMembership(ClubMembership m) {
        if (m != null) {
            committed(m, m.recordedEvents(), m.hasChanges(), m::markStored);
        }
    }

    private <A> A committed(A aggregate, List<? extends DomainEvent> recorded, boolean changed, Runnable markStored) {
        List<DomainEvent> events = List.copyOf(recorded);
        if (changed) {
            markStored.run();
        }
        events.forEach(publisher::on);
        return aggregate;
    }
}
