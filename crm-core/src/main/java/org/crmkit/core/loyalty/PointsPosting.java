package org.crmkit.core.loyalty;

import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.common.Money;

/**
 * The outcome of posting points to a member's ledger: posted, or why not. Posting is idempotent,
 * so posting the same thing again is the outcome {@link Status#ALREADY_POSTED}, not an error.
 *
 * @param status  what happened; not null
 * @param entry   the entry posted now, or for {@link Status#ALREADY_POSTED} the entry posted before;
 *                empty otherwise
 * @param balance the member's balance afterwards; 0 for {@link Status#NOT_A_MEMBER} and
 *                {@link Status#UNKNOWN_CARD}
 * @since 0.1
 */
public record PointsPosting(Status status, Optional<PointsEntry> entry, long balance) {

    /** What happened to a posting. */
    public enum Status {
        /** The entry was posted. */
        POSTED,
        /** An entry with the same idempotency key was posted before; nothing was posted now. */
        ALREADY_POSTED,
        /** The customer is not a member of the club; nothing was posted. */
        NOT_A_MEMBER,
        /** The customer left the club; nothing was posted. */
        MEMBERSHIP_LEFT,
        /** The rule gave no points (an order under one currency unit, say); nothing was posted. */
        NO_POINTS,
        /** The balance is too low: the balance never goes negative; nothing was posted. */
        INSUFFICIENT_BALANCE,
        /** A reversal found no earning for the order; nothing was posted. */
        NOTHING_TO_REVERSE,
        /** No membership has the card; nothing was posted. */
        UNKNOWN_CARD,
        /** No active partner merchant has the code; nothing was posted. */
        UNKNOWN_PARTNER,
        /** The partner merchant does not take points; nothing was posted. */
        PARTNER_DOES_NOT_REDEEM
    }

    public PointsPosting {
        Objects.requireNonNull(status, "status must not be null");
        Objects.requireNonNull(entry, "entry must not be null");
    }

    /** @return whether an entry was posted by this call */
    public boolean posted() {
        return status == Status.POSTED;
    }

    /** @return the cash paid out, for a cash redemption posted now or before */
    public Optional<Money> cashValue() {
        return entry.filter(e -> e.kind() == PointsEntryKind.REDEEM).flatMap(PointsEntry::money);
    }

    /** @return for a reversal, the points it could not take back; 0 otherwise */
    public long shortfall() {
        return entry.map(PointsEntry::shortfall).orElse(0L);
    }

    static PointsPosting refused(Status status, long balance) {
        return new PointsPosting(status, Optional.empty(), balance);
    }
}
