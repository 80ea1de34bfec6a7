package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IdGenerator;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.Money;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.sales.MoneyRecord;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.PointsEntryRecord;
import org.crmkit.spi.service.TierChangeRecord;

/**
 * A customer's membership of the customer club (domain §8): one member card, used across every
 * store and channel, a points ledger, and the history of the member's tier.
 *
 * <p><b>Ledger.</b> Every entry is kept; nothing is changed or deleted. The balance is always the
 * sum of the entries and never negative. Every posting carries an idempotency key
 * ({@code "earn:<orderId>"}, {@code "partner:<code>:<receipt>"}, {@code "redeem:<key>"},
 * {@code "reverse:<orderId>"}, {@code "expire:<earningId>"}); posting with a key the ledger has
 * posts nothing and reports {@link PointsPosting.Status#ALREADY_POSTED}. Postings that cannot be
 * made (a member who left, a balance too low) are outcomes ({@link PointsPosting}), not exceptions,
 * and change nothing; malformed arguments (negative points, a blank key) throw
 * {@link ValidationException} naming the field, and change nothing either.
 *
 * <p><b>Lots and expiry (FIFO).</b> Every earning is a lot, with an optional expiry instant
 * ({@link PointsEntry#expiresAt()}). A redemption at {@code t} takes points from the lots not
 * expired at {@code t}, oldest earning first, so it is refused if it asks for more than those
 * ({@link #redeemable(Instant)}), even when the balance still counts expired points not yet
 * written off. {@link #expire(Instant, IdGenerator)} writes off, for every lot expired at
 * {@code asOf}, exactly what is left of it, as one {@code EXPIRE} entry per lot (key
 * {@code "expire:<earningId>"}, so each lot expires once). Since redemptions only ever take from
 * unexpired lots and expiry only takes what is left, points that were redeemed are never expired
 * and points that expired are never redeemed.
 *
 * <p><b>Reversal.</b> When an order is cancelled or returned, {@link #reverse} takes back what the
 * order earned, less what of it expired already (expired points gave the member nothing): first
 * what is left of the order's own lot, then, for the part the member spent already, the oldest
 * other unexpired points. What the points cannot cover is not taken (the balance never goes
 * negative) but recorded on the entry as its {@link PointsEntry#shortfall()}. A reversal is posted
 * even when it takes nothing (0 points, with or without a shortfall), so that the order counts as
 * reversed once (also for the tier) and any debt is visible. Example: an order earned 100, the
 * member redeemed 120 of their 140 points; reversing the order takes the 20 left and records a
 * shortfall of 80. Reversals and expiries are posted for members who left too; earning and redeeming need
 * an active member.
 *
 * <p><b>Tier.</b> The tier is not stored: {@link #tier(TierPolicy, Instant)} derives it from the
 * ledger. {@link #reviewTier} compares it with the last announced tier and, if it moved, records a
 * {@link TierChange} and a {@link MembershipEvent.TierChanged} event.
 *
 * <p><b>State.</b> {@code ACTIVE → LEFT → ACTIVE} (see {@link MembershipStatus}); a refused move
 * throws {@link IllegalTransitionException} and changes nothing.
 *
 * <p>Not thread-safe: a working copy for one unit of work. Obtain memberships through {@link CustomerClub}.
 *
 * @since 0.1
 */
public final class ClubMembership {

    static final String AGGREGATE = "club membership";

    private final MembershipId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final CardNumber cardNumber;
    private MembershipStatus status;
    private Instant joinedAt;
    private Instant leftAt;
    private final List<PointsEntry> entries;
    private final Ledger ledger;
    private final List<TierChange> tierChanges;
    private final List<MembershipEvent> events = new ArrayList<>();

    private ClubMembership(MembershipId id, TenantId tenant, long version, CustomerId customerId, CardNumber cardNumber,
                           MembershipStatus status, Instant joinedAt, Instant leftAt, List<PointsEntry> entries,
                           List<TierChange> tierChanges) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.cardNumber = cardNumber;
        this.status = status;
        this.joinedAt = joinedAt;
        this.leftAt = leftAt;
        this.ledger = Ledger.replay(entries);
        this.entries = new ArrayList<>(entries);
        this.tierChanges = new ArrayList<>(tierChanges);
    }

    /**
     * A customer joins the club with a new card and an empty ledger.
     *
     * @throws ValidationException naming the field if an argument is missing
     */
    public static ClubMembership join(MembershipId id, TenantId tenant, CustomerId customerId, CardNumber cardNumber,
                                      Instant at) {
        notNull(id, "membershipId");
        notNull(tenant, "tenant");
        notNull(customerId, "customerId");
        notNull(cardNumber, "cardNumber");
        notNull(at, "at");
        ClubMembership m = new ClubMembership(id, tenant, 0, customerId, cardNumber, MembershipStatus.ACTIVE, at, null,
                List.of(), List.of());
        m.events.add(new MembershipEvent.Joined(tenant, id, at, customerId, cardNumber));
        return m;
    }

    /**
     * Rebuilds a stored membership.
     *
     * @throws ValidationException if the record breaks a rule of the model (a ledger that could not
     *                             have been posted: a negative balance, a repeated idempotency key,
     *                             an entry of the wrong sign, points taken from expired lots)
     */
    public static ClubMembership restore(ClubMembershipRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        MembershipStatus status = Enums.parse(MembershipStatus.class, r.status(), "status");
        if ((status == MembershipStatus.LEFT) != (r.leftAt() != null)) {
            throw new ValidationException("leftAt", "must be set exactly when the member left", r.leftAt());
        }
        List<PointsEntry> entries = r.entries().stream().map(ClubMembership::entry).toList();
        List<TierChange> changes = r.tierChanges().stream()
                .map(c -> new TierChange(c.fromTier(), c.toTier(), c.at())).toList();
        return new ClubMembership(MembershipId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                CustomerId.of(r.customerId()), new CardNumber(r.cardNumber()), status, r.joinedAt(), r.leftAt(),
                entries, changes);
    }

    /** @return the record of this membership at its next version, for storing */
    public ClubMembershipRecord toRecord() {
        return new ClubMembershipRecord(id.value(), tenant.value(), version + 1, customerId.value(), cardNumber.value(),
                status.name(), joinedAt, leftAt, entries.stream().map(ClubMembership::record).toList(),
                tierChanges.stream().map(c -> new TierChangeRecord(c.from(), c.to(), c.at())).toList());
    }

    // ------------------------------------------------------------------ state

    /**
     * The member leaves the club: {@code ACTIVE → LEFT}. The card and the ledger are kept.
     *
     * @throws IllegalTransitionException if the member left already
     */
    public void leave(Instant at) {
        notNull(at, "at");
        check(MembershipStatus.LEFT, "leave");
        status = MembershipStatus.LEFT;
        leftAt = at;
        events.add(new MembershipEvent.Left(tenant, id, at));
    }

    /**
     * A former member joins again: {@code LEFT → ACTIVE}, with the same card and ledger.
     *
     * @throws IllegalTransitionException if the membership is active
     */
    public void rejoin(Instant at) {
        notNull(at, "at");
        check(MembershipStatus.ACTIVE, "rejoin");
        status = MembershipStatus.ACTIVE;
        joinedAt = at;
        leftAt = null;
        events.add(new MembershipEvent.Rejoined(tenant, id, at));
    }

    // ------------------------------------------------------------------ ledger

    /**
     * Posts the points an order earned, once per order (key {@code "earn:<orderId>"}), with no
     * spend, no touchpoint and no expiry recorded. Same as
     * {@code earn(order, points, null, Touchpoint.unknown(), null, entryId, at)}.
     */
    public PointsPosting earn(OrderId order, long points, UUID entryId, Instant at) {
        return earn(order, points, null, Touchpoint.unknown(), null, entryId, at);
    }

    /**
     * Posts the points an order earned, once per order (key {@code "earn:<orderId>"}).
     *
     * @param order     the order; not null
     * @param points    the points; 0 or more (0 posts nothing: {@link PointsPosting.Status#NO_POINTS})
     * @param spend     what the order was worth (counts toward spend-based tiers); may be null; not negative
     * @param where     where the card was used; not null
     * @param expiresAt when these points expire; null if they never do; not before {@code at}
     * @param entryId   the id for the new entry; not null
     * @param at        when; not null
     * @return the outcome
     * @throws ValidationException naming the field if an argument is invalid; nothing is changed
     */
    public PointsPosting earn(OrderId order, long points, Money spend, Touchpoint where, Instant expiresAt,
                              UUID entryId, Instant at) {
        notNull(order, "orderId");
        requireNotNegative(points);
        return postEarning(earnKey(order), order, points, spend, where, expiresAt, entryId, at);
    }

    /**
     * Posts the points earned at a partner merchant, once per receipt of that partner (key
     * {@code "partner:<code>:<receipt>"}).
     *
     * @param receipt the partner's receipt or transaction reference; not blank
     * @see #earn(OrderId, long, Money, Touchpoint, Instant, UUID, Instant)
     */
    public PointsPosting earnAtPartner(PartnerCode partner, String receipt, long points, Money spend,
                                       Instant expiresAt, UUID entryId, Instant at) {
        notNull(partner, "partner");
        requireNotNegative(points);
        return postEarning("partner:" + partner + ":" + key(receipt, "receipt"), null, points, spend,
                Touchpoint.partner(partner), expiresAt, entryId, at);
    }

    private PointsPosting postEarning(String key, OrderId order, long points, Money spend, Touchpoint where,
                                      Instant expiresAt, UUID entryId, Instant at) {
        notNull(where, "where");
        notNull(entryId, "entryId");
        notNull(at, "at");
        if (spend != null && spend.signum() < 0) {
            throw new ValidationException("spend", "must not be negative", spend);
        }
        if (expiresAt != null && expiresAt.isBefore(at)) {
            throw new ValidationException("expiresAt", "must not be before the earning", expiresAt);
        }
        Optional<PointsPosting> refused = refusal(key, true);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (points == 0) {
            return PointsPosting.refused(PointsPosting.Status.NO_POINTS, balance());
        }
        return append(new PointsEntry(entryId, PointsEntryKind.EARN, points, order, key, at, null, where, spend,
                expiresAt, null, 0));
    }

    /**
     * Redeems points, once per key (stored as {@code "redeem:<key>"}), with no cash value or touchpoint recorded.
     * Same as {@code redeem(points, idempotencyKey, null, Touchpoint.unknown(), note, entryId, at)}.
     */
    public PointsPosting redeem(long points, String idempotencyKey, UUID entryId, String note, Instant at) {
        return redeem(points, idempotencyKey, null, Touchpoint.unknown(), note, entryId, at);
    }

    /**
     * Redeems points (as cash, for a voucher), once per key (stored as {@code "redeem:<key>"}),
     * taking them from the oldest lots not expired at {@code at}.
     *
     * @param points         how many; at least 1
     * @param idempotencyKey the caller's key for this redemption; not blank
     * @param cashValue      the cash paid out for them; may be null; positive
     * @param where          where the card was used; not null
     * @param note           what they were redeemed for; may be null
     * @return the outcome; {@link PointsPosting.Status#INSUFFICIENT_BALANCE} if fewer than
     *         {@code points} are {@linkplain #redeemable(Instant) redeemable} at {@code at}
     * @throws ValidationException naming the field if an argument is invalid; nothing is changed
     */
    public PointsPosting redeem(long points, String idempotencyKey, Money cashValue, Touchpoint where, String note,
                                UUID entryId, Instant at) {
        if (points < 1) {
            throw new ValidationException("points", "must be at least 1", points);
        }
        String key = "redeem:" + key(idempotencyKey, "idempotencyKey");
        if (cashValue != null && cashValue.signum() <= 0) {
            throw new ValidationException("cashValue", "must be positive", cashValue);
        }
        notNull(where, "where");
        notNull(entryId, "entryId");
        notNull(at, "at");
        Optional<PointsPosting> refused = refusal(key, true);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (points > ledger.available(at)) {
            return PointsPosting.refused(PointsPosting.Status.INSUFFICIENT_BALANCE, balance());
        }
        return append(new PointsEntry(entryId, PointsEntryKind.REDEEM, -points, null, key, at, note, where, cashValue,
                null, null, 0));
    }

    /** Same as {@code reverse(order, Touchpoint.unknown(), entryId, at)}. */
    public PointsPosting reverse(OrderId order, UUID entryId, Instant at) {
        return reverse(order, Touchpoint.unknown(), entryId, at);
    }

    /**
     * Takes back what an order earned (a cancelled or returned order), once per order (key
     * {@code "reverse:<orderId>"}): what is left of the order's lot, then the oldest other unexpired
     * points; what the balance cannot cover is recorded as the entry's shortfall (see the class comment).
     *
     * @return the outcome: {@link PointsPosting.Status#POSTED} (look at the entry's shortfall);
     *         {@link PointsPosting.Status#NOTHING_TO_REVERSE} if the order earned nothing here
     */
    public PointsPosting reverse(OrderId order, Touchpoint where, UUID entryId, Instant at) {
        notNull(order, "orderId");
        notNull(where, "where");
        notNull(entryId, "entryId");
        notNull(at, "at");
        String key = "reverse:" + order;
        Optional<PointsPosting> refused = refusal(key, false);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<PointsEntry> earned = ledger.byKey(earnKey(order));
        if (earned.isEmpty()) {
            return PointsPosting.refused(PointsPosting.Status.NOTHING_TO_REVERSE, balance());
        }
        Ledger.Lot lot = ledger.lot(earned.get().id()).orElseThrow();
        long points = ledger.reversible(lot);
        long take = Math.min(points, ledger.takeable(lot, at));
        return append(new PointsEntry(entryId, PointsEntryKind.REVERSE, -take, order, key, at, null, where, null, null,
                earned.get().id(), points - take));
    }

    /**
     * Writes off what is left of every lot expired at {@code asOf}: one {@code EXPIRE} entry per lot,
     * oldest first, posted at {@code asOf} (see the class comment). Lots expired before are not
     * touched again. Posted for members who left too.
     *
     * @param asOf the moment; not null
     * @param ids  the source of the entries' ids; not null
     * @return the entries posted, oldest lot first; empty if nothing expired
     */
    public List<PointsEntry> expire(Instant asOf, IdGenerator ids) {
        notNull(asOf, "asOf");
        notNull(ids, "ids");
        List<PointsEntry> posted = new ArrayList<>();
        for (Ledger.Lot lot : ledger.expiredAt(asOf)) {
            PointsEntry e = new PointsEntry(ids.next(), PointsEntryKind.EXPIRE, -lot.remaining,
                    lot.earning.orderId(), "expire:" + lot.earning.id(), asOf, null, Touchpoint.unknown(), null,
                    null, lot.earning.id(), 0);
            append(e);
            posted.add(e);
        }
        return List.copyOf(posted);
    }

    /** @return the outcome to report without posting, if any: already posted, or the member left */
    private Optional<PointsPosting> refusal(String key, boolean needsActive) {
        if (key.length() > PointsEntry.KEY_MAX) {
            throw new ValidationException("idempotencyKey", "must be at most " + PointsEntry.KEY_MAX + " characters",
                    key);
        }
        Optional<PointsEntry> before = ledger.byKey(key);
        if (before.isPresent()) {
            return Optional.of(new PointsPosting(PointsPosting.Status.ALREADY_POSTED, before, balance()));
        }
        if (needsActive && status != MembershipStatus.ACTIVE) {
            return Optional.of(PointsPosting.refused(PointsPosting.Status.MEMBERSHIP_LEFT, balance()));
        }
        return Optional.empty();
    }

    private PointsPosting append(PointsEntry entry) {
        Ledger.Problem problem = ledger.problemWith(entry);
        if (problem != null) {
            throw new IllegalStateException("posting " + entry + " breaks the ledger: " + problem.rule());
        }
        ledger.apply(entry);
        entries.add(entry);
        events.add(new MembershipEvent.PointsPosted(tenant, id, entry.at(), entry.id(), entry.kind(), entry.points(),
                entry.orderId(), ledger.balance()));
        return new PointsPosting(PointsPosting.Status.POSTED, Optional.of(entry), ledger.balance());
    }

    // ------------------------------------------------------------------ tier

    /**
     * @param policy the tier policy; not null
     * @param asOf   the moment; not null
     * @return the member's tier at {@code asOf}, derived from the ledger ({@link TierPolicy#tierOf})
     */
    public Tier tier(TierPolicy policy, Instant asOf) {
        notNull(policy, "policy");
        notNull(asOf, "asOf");
        return policy.tierOf(entries, asOf);
    }

    /**
     * Compares the tier at {@code asOf} with the last announced one (the policy's lowest tier if none
     * was announced) and, if it moved, records the change and a {@link MembershipEvent.TierChanged}.
     * Calling it again without a change in the ledger or in time records nothing.
     *
     * @return the change recorded now, if any
     */
    public Optional<TierChange> reviewTier(TierPolicy policy, Instant asOf) {
        Tier now = tier(policy, asOf);
        String announced = announcedTier(policy);
        if (now.name().equals(announced)) {
            return Optional.empty();
        }
        TierChange change = new TierChange(announced, now.name(), asOf);
        tierChanges.add(change);
        events.add(new MembershipEvent.TierChanged(tenant, id, asOf, announced, now.name()));
        return Optional.of(change);
    }

    private String announcedTier(TierPolicy policy) {
        return tierChanges.isEmpty() ? policy.lowest().name() : tierChanges.get(tierChanges.size() - 1).to();
    }

    // ------------------------------------------------------------------ accessors

    /** @return the id */
    public MembershipId id() {
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

    /** @return the member */
    public CustomerId customerId() {
        return customerId;
    }

    /** @return the member card's number */
    public CardNumber cardNumber() {
        return cardNumber;
    }

    /** @return the current state */
    public MembershipStatus status() {
        return status;
    }

    /** @return when the customer (last) joined */
    public Instant joinedAt() {
        return joinedAt;
    }

    /** @return when the customer left, while they are away */
    public Optional<Instant> leftAt() {
        return Optional.ofNullable(leftAt);
    }

    /** @return the ledger, oldest first; unmodifiable */
    public List<PointsEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** @return the points balance: the sum of the entries, never negative */
    public long balance() {
        return ledger.balance();
    }

    /**
     * @return the points that can be redeemed at {@code asOf}: what is left of the lots not expired
     *         then; at most {@link #balance()} (less when expired points are not yet written off)
     */
    public long redeemable(Instant asOf) {
        notNull(asOf, "asOf");
        return ledger.available(asOf);
    }

    /** @return what is left of every earning, by the earning entry's id, oldest first; unmodifiable */
    public Map<UUID, Long> remainingByEarning() {
        return ledger.remainingByLot();
    }

    /** @return the tier changes announced, oldest first; unmodifiable */
    public List<TierChange> tierChanges() {
        return Collections.unmodifiableList(tierChanges);
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<MembershipEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "ClubMembership[" + id + ", " + cardNumber + ", " + status + ", " + balance() + " points, v" + version
                + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    // ------------------------------------------------------------------ internals

    private static String earnKey(OrderId order) {
        return "earn:" + order;
    }

    private static String key(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new ValidationException(field, "must not be blank", text);
        }
        return text.strip();
    }

    private static void requireNotNegative(long points) {
        if (points < 0) {
            throw new ValidationException("points", "must not be negative", points);
        }
    }

    private void check(MembershipStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    move + " (allowed: " + status.successors() + ")");
        }
    }

    private static PointsEntry entry(PointsEntryRecord e) {
        Touchpoint where = e.channel() == null && e.store() == null && e.partner() == null ? Touchpoint.unknown()
                : new Touchpoint(e.channel(), e.store(), e.partner() == null ? null : new PartnerCode(e.partner()));
        return new PointsEntry(e.id(), Enums.parse(PointsEntryKind.class, e.kind(), "entry.kind"), e.points(),
                e.orderId() == null ? null : OrderId.of(e.orderId()), e.idempotencyKey(), e.at(), e.note(), where,
                e.amount() == null ? null : Money.of(e.amount().amount(), e.amount().currency()), e.expiresAt(),
                e.lotId(), e.shortfall());
    }

    private static PointsEntryRecord record(PointsEntry e) {
        Touchpoint w = e.where();
        return new PointsEntryRecord(e.id(), e.kind().name(), e.points(),
                e.orderId() == null ? null : e.orderId().value(), e.idempotencyKey(), e.at(), e.note(), w.channel(),
                w.store(), w.partner() == null ? null : w.partner().value(),
                e.amount() == null ? null : new MoneyRecord(e.amount().amount(), e.amount().currencyCode()),
                e.expiresAt(), e.lotId(), e.shortfall());
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
