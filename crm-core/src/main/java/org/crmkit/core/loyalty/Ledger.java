package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.spi.ValidationException;

/**
 * The replay of a points ledger into lots: every earning is a lot, and every other entry takes
 * points out of lots. Restoring a membership and posting to it run the same {@link #apply}, so a
 * ledger that could not have been posted cannot be restored. Not API; not thread-safe.
 *
 * <p>Which lots an entry takes from:
 * <ul>
 *   <li>a redemption at {@code t}: the lots not expired at {@code t}, oldest earning first (FIFO);</li>
 *   <li>an expiry: exactly its lot, which must have expired at the expiry's time;</li>
 *   <li>a reversal at {@code t}: what its earning gave less what of it expired already; taken from
 *       what is left of its own lot first (expired or not: those are the order's own points), then
 *       from the other lots not expired at {@code t}, oldest first; what could not be taken is its
 *       shortfall.</li>
 * </ul>
 */
final class Ledger {

    /** An earning and what is left of it. */
    static final class Lot {
        final PointsEntry earning;
        long remaining;
        long expired;

        Lot(PointsEntry earning) {
            this.earning = earning;
            this.remaining = earning.points();
        }

        boolean usableAt(Instant t) {
            return remaining > 0 && !earning.expiredAt(t);
        }
    }

    private final Map<UUID, Lot> lots = new LinkedHashMap<>();
    private final Map<String, PointsEntry> byKey = new HashMap<>();
    private final Map<UUID, PointsEntry> reversals = new HashMap<>();
    private long balance;

    /**
     * @return the replayed ledger
     * @throws ValidationException naming {@code entries[i]...} at the first entry that could not have been posted
     */
    static Ledger replay(List<PointsEntry> entries) {
        Ledger ledger = new Ledger();
        for (int i = 0; i < entries.size(); i++) {
            String field = "entries[" + i + "]";
            PointsEntry e = entries.get(i);
            Problem problem = ledger.problemWith(e);
            if (problem != null) {
                throw new ValidationException(field + problem.field(), problem.rule(), e.idempotencyKey());
            }
            ledger.apply(e);
        }
        return ledger;
    }

    /** Why an entry cannot be appended: the field below the entry ("" for the entry) and the rule. */
    record Problem(String field, String rule) {
        Problem(String rule) {
            this("", rule);
        }
    }

    /** @return why {@code e} cannot be appended, or null if it can */
    Problem problemWith(PointsEntry e) {
        if (byKey.containsKey(e.idempotencyKey())) {
            return new Problem(".idempotencyKey", "must be unique in the ledger");
        }
        long take = -e.points();
        switch (e.kind()) {
            case EARN -> {
                if (lots.containsKey(e.id())) {
                    return new Problem("must have an id unique in the ledger");
                }
            }
            case REDEEM -> {
                if (take > available(e.at())) {
                    return new Problem("must not take more than the unexpired points");
                }
            }
            case EXPIRE -> {
                Lot lot = lots.get(e.lotId());
                if (lot == null || !lot.earning.expiredAt(e.at()) || take > lot.remaining) {
                    return new Problem("must expire at most what is left of an expired earning");
                }
            }
            case REVERSE -> {
                Lot lot = lots.get(e.lotId());
                if (lot == null || reversals.containsKey(e.lotId())) {
                    return new Problem("must reverse an earning of the ledger once");
                }
                if (take + e.shortfall() != reversible(lot) || take > takeable(lot, e.at())) {
                    return new Problem(
                            "must take back what the earning gave, less a shortfall, from unexpired points");
                }
            }
            default -> throw new IllegalStateException("unknown kind " + e.kind());
        }
        if (balance - take < 0) {
            return new Problem("must not take the balance below zero");
        }
        return null;
    }

    /** Appends {@code e}, which {@link #problemWith} accepted. */
    void apply(PointsEntry e) {
        long take = -e.points();
        switch (e.kind()) {
            case EARN -> lots.put(e.id(), new Lot(e));
            case REDEEM -> takeOldestFirst(take, e.at(), null);
            case EXPIRE -> {
                Lot lot = lots.get(e.lotId());
                lot.remaining -= take;
                lot.expired += take;
            }
            case REVERSE -> {
                reversals.put(e.lotId(), e);
                takeOldestFirst(take, e.at(), lots.get(e.lotId()));
            }
            default -> throw new IllegalStateException("unknown kind " + e.kind());
        }
        byKey.put(e.idempotencyKey(), e);
        balance = Math.addExact(balance, e.points());
    }

    private void takeOldestFirst(long points, Instant at, Lot first) {
        long left = points;
        if (first != null) {
            long t = Math.min(left, first.remaining);
            first.remaining -= t;
            left -= t;
        }
        for (Lot lot : lots.values()) {
            if (left == 0) {
                break;
            }
            if (lot.usableAt(at)) {
                long t = Math.min(left, lot.remaining);
                lot.remaining -= t;
                left -= t;
            }
        }
        if (left != 0) {
            throw new IllegalStateException("the ledger was checked before taking " + points + " points");
        }
    }

    /** @return what a reversal of {@code lot} must take back: what it gave, less what of it expired */
    long reversible(Lot lot) {
        return lot.earning.points() - lot.expired;
    }

    /** @return what a reversal of {@code lot} at {@code at} can take: what is left of it, and the other unexpired points */
    long takeable(Lot lot, Instant at) {
        return lot.remaining + available(at) - (lot.usableAt(at) ? lot.remaining : 0);
    }

    Optional<Lot> lot(UUID earningId) {
        return Optional.ofNullable(lots.get(earningId));
    }

    /** @return the points of the lots not expired at {@code at} */
    long available(Instant at) {
        long sum = 0;
        for (Lot lot : lots.values()) {
            if (lot.usableAt(at)) {
                sum += lot.remaining;
            }
        }
        return sum;
    }

    /** @return the lots expired at {@code asOf} with points left, oldest first */
    List<Lot> expiredAt(Instant asOf) {
        List<Lot> out = new ArrayList<>();
        for (Lot lot : lots.values()) {
            if (lot.remaining > 0 && lot.earning.expiredAt(asOf)) {
                out.add(lot);
            }
        }
        return out;
    }

    long balance() {
        return balance;
    }

    Optional<PointsEntry> byKey(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Optional<PointsEntry> reversalOf(UUID lotId) {
        return Optional.ofNullable(reversals.get(lotId));
    }

    /** @return what is left of each earning, by the earning's id, oldest first; unmodifiable */
    Map<UUID, Long> remainingByLot() {
        Map<UUID, Long> out = new LinkedHashMap<>();
        lots.forEach((id, lot) -> out.put(id, lot.remaining));
        return Collections.unmodifiableMap(out);
    }
}
