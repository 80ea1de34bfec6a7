package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.crmkit.core.common.Enums;
import org.crmkit.core.common.IllegalTransitionException;
import org.crmkit.core.common.TenantId;
import org.crmkit.core.customer.CustomerId;
import org.crmkit.core.sales.OrderId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.service.ClubMembershipRecord;
import org.crmkit.spi.service.PointsEntryRecord;

/**
 * A customer's membership of the customer club (domain §8): a member card and a points ledger.
 *
 * <p><b>Ledger.</b> The balance is always the sum of the entries and never negative. Every
 * posting carries an idempotency key ({@code "earn:<orderId>"}, {@code "reverse:<orderId>"},
 * {@code "redeem:<key>"}); posting with a key the ledger has posts nothing and reports
 * {@link PointsPosting.Status#ALREADY_POSTED}. Postings that cannot be made (a member who left, a
 * balance too low) are outcomes ({@link PointsPosting}), not exceptions.
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
    private static final int KEY_MAX = 200;

    private final MembershipId id;
    private final TenantId tenant;
    private long version;
    private final CustomerId customerId;
    private final CardNumber cardNumber;
    private MembershipStatus status;
    private Instant joinedAt;
    private Instant leftAt;
    private final List<PointsEntry> entries;
    private long balance;
    private final List<MembershipEvent> events = new ArrayList<>();

    private ClubMembership(MembershipId id, TenantId tenant, long version, CustomerId customerId, CardNumber cardNumber,
                           MembershipStatus status, Instant joinedAt, Instant leftAt, List<PointsEntry> entries) {
        this.id = id;
        this.tenant = tenant;
        this.version = version;
        this.customerId = customerId;
        this.cardNumber = cardNumber;
        this.status = status;
        this.joinedAt = joinedAt;
        this.leftAt = leftAt;
        this.entries = new ArrayList<>(entries);
        this.balance = checkLedger(entries);
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
                List.of());
        m.events.add(new MembershipEvent.Joined(tenant, id, at, customerId, cardNumber));
        return m;
    }

    /**
     * Rebuilds a stored membership.
     *
     * @throws ValidationException if the record breaks a rule of the model (a negative balance, a
     *                             repeated idempotency key, an entry of the wrong sign)
     */
    public static ClubMembership restore(ClubMembershipRecord r) {
        Objects.requireNonNull(r, "record must not be null");
        MembershipStatus status = Enums.parse(MembershipStatus.class, r.status(), "status");
        if ((status == MembershipStatus.LEFT) != (r.leftAt() != null)) {
            throw new ValidationException("leftAt", "must be set exactly when the member left", r.leftAt());
        }
        List<PointsEntry> entries = r.entries().stream()
                .map(e -> new PointsEntry(e.id(), Enums.parse(PointsEntryKind.class, e.kind(), "entry.kind"),
                        e.points(), e.orderId() == null ? null : OrderId.of(e.orderId()), e.idempotencyKey(), e.at(),
                        e.note()))
                .toList();
        return new ClubMembership(MembershipId.of(r.id()), TenantId.of(r.tenant()), r.version(),
                CustomerId.of(r.customerId()), new CardNumber(r.cardNumber()), status, r.joinedAt(), r.leftAt(),
                entries);
    }

    /** @return the record of this membership at its next version, for storing */
    public ClubMembershipRecord toRecord() {
        return new ClubMembershipRecord(id.value(), tenant.value(), version + 1, customerId.value(), cardNumber.value(),
                status.name(), joinedAt, leftAt, entries.stream()
                .map(e -> new PointsEntryRecord(e.id(), e.kind().name(), e.points(),
                        e.orderId() == null ? null : e.orderId().value(), e.idempotencyKey(), e.at(), e.note()))
                .toList());
    }

    // ------------------------------------------------------------------ state

    /**
     * The member leaves the club: {@code ACTIVE → LEFT}. The ledger is kept.
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
     * Posts the points an order earned, once per order (key {@code "earn:<orderId>"}).
     *
     * @param order   the order; not null
     * @param points  the points; 0 or more (0 posts nothing: {@link PointsPosting.Status#NO_POINTS})
     * @param entryId the id for the new entry; not null
     * @return the outcome
     */
    public PointsPosting earn(OrderId order, long points, UUID entryId, Instant at) {
        notNull(order, "orderId");
        if (points < 0) {
            throw new ValidationException("points", "must not be negative", points);
        }
        return post(PointsEntryKind.EARN, points, order, earnKey(order), entryId, at, null);
    }

    /**
     * Redeems points (for cash, a voucher), once per key (stored as {@code "redeem:<key>"}).
     *
     * @param points         how many; at least 1
     * @param idempotencyKey the caller's key for this redemption; not blank
     * @param note           what they were redeemed for; may be null
     * @return the outcome; {@link PointsPosting.Status#INSUFFICIENT_BALANCE} if the balance is lower than {@code points}
     */
    public PointsPosting redeem(long points, String idempotencyKey, UUID entryId, String note, Instant at) {
        if (points < 1) {
            throw new ValidationException("points", "must be at least 1", points);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new ValidationException("idempotencyKey", "must not be blank", idempotencyKey);
        }
        return post(PointsEntryKind.REDEEM, -points, null, "redeem:" + idempotencyKey.strip(), entryId, at, note);
    }

    /**
     * Takes back what an order earned (a returned order), once per order (key {@code "reverse:<orderId>"}).
     *
     * @return the outcome; {@link PointsPosting.Status#NOTHING_TO_REVERSE} if the order earned nothing
     *         here, {@link PointsPosting.Status#INSUFFICIENT_BALANCE} if the points were spent already
     */
    public PointsPosting reverse(OrderId order, UUID entryId, Instant at) {
        notNull(order, "orderId");
        Optional<PointsEntry> earned = entry(earnKey(order));
        String key = "reverse:" + order;
        if (earned.isEmpty() && entry(key).isEmpty()) {
            return PointsPosting.refused(PointsPosting.Status.NOTHING_TO_REVERSE, balance);
        }
        long points = earned.map(PointsEntry::points).orElse(0L);
        return post(PointsEntryKind.REVERSE, -points, order, key, entryId, at, null);
    }

    private PointsPosting post(PointsEntryKind kind, long points, OrderId order, String key, UUID entryId,
                               Instant at, String note) {
        notNull(entryId, "entryId");
        notNull(at, "at");
        if (key.length() > KEY_MAX) {
            throw new ValidationException("idempotencyKey", "must be at most " + KEY_MAX + " characters", key);
        }
        Optional<PointsEntry> before = entry(key);
        if (before.isPresent()) {
            return new PointsPosting(PointsPosting.Status.ALREADY_POSTED, before, balance);
        }
        if (status != MembershipStatus.ACTIVE) {
            return PointsPosting.refused(PointsPosting.Status.MEMBERSHIP_LEFT, balance);
        }
        if (points == 0) {
            return PointsPosting.refused(PointsPosting.Status.NO_POINTS, balance);
        }
        if (balance + points < 0) {
            return PointsPosting.refused(PointsPosting.Status.INSUFFICIENT_BALANCE, balance);
        }
        PointsEntry entry = new PointsEntry(entryId, kind, points, order, key, at, note);
        long after = Math.addExact(balance, points);
        entries.add(entry);
        balance = after;
        events.add(new MembershipEvent.PointsPosted(tenant, id, at, entryId, kind, points, order, after));
        return new PointsPosting(PointsPosting.Status.POSTED, Optional.of(entry), after);
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
        return balance;
    }

    /** @return the events recorded on this working copy and not yet published; unmodifiable */
    public List<MembershipEvent> recordedEvents() {
        return Collections.unmodifiableList(events);
    }

    @Override
    public String toString() {
        return "ClubMembership[" + id + ", " + cardNumber + ", " + status + ", " + balance + " points, v" + version + "]";
    }

    boolean hasChanges() {
        return !events.isEmpty();
    }

    void markStored() {
        version++;
        events.clear();
    }

    // ------------------------------------------------------------------ internals

    private Optional<PointsEntry> entry(String key) {
        return entries.stream().filter(e -> e.idempotencyKey().equals(key)).findFirst();
    }

    private static String earnKey(OrderId order) {
        return "earn:" + order;
    }

    private void check(MembershipStatus next, String move) {
        if (!status.canTransitionTo(next)) {
            throw new IllegalTransitionException(AGGREGATE, id.value(), status.name(),
                    move + " (allowed: " + status.successors() + ")");
        }
    }

    /** @return the balance; refuses a ledger whose running balance goes negative or repeats a key */
    private static long checkLedger(List<PointsEntry> entries) {
        long sum = 0;
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PointsEntry e = entries.get(i);
            if (!keys.add(e.idempotencyKey())) {
                throw new ValidationException("entries[" + i + "].idempotencyKey", "must be unique in the ledger",
                        e.idempotencyKey());
            }
            sum = Math.addExact(sum, e.points());
            if (sum < 0) {
                throw new ValidationException("entries[" + i + "]", "must not take the balance below zero", sum);
            }
        }
        return sum;
    }

    private static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must not be null");
        }
        return value;
    }
}
