package org.crmkit.core.sales.quote;

/**
 * Where a quote stands. The state machine lives here: {@link #canTransitionTo} is the only table
 * of allowed moves.
 *
 * <pre>
 * from \ to         DRAFT  PENDING  APPROVED  SENT  ACCEPTED  REJECTED  EXPIRED  SUPERSEDED
 * DRAFT               -       x                 x                          x         x
 * PENDING_APPROVAL    x       -        x                                   x         x
 * APPROVED            x                -        x                          x         x
 * SENT                                          -      x         x         x         x
 * ACCEPTED            (frozen: no move)
 * REJECTED                                                       -                   x
 * EXPIRED                                                                  -         x
 * SUPERSEDED          (terminal: no move)
 * </pre>
 *
 * Editing lines or discounts is allowed in {@link #DRAFT} and {@link #APPROVED}; an edit of an
 * approved quote takes it back to {@code DRAFT} and drops the approval. A quote whose discounts
 * exceed the threshold reaches {@code SENT} only through {@code PENDING_APPROVAL → APPROVED}.
 *
 * @since 0.1
 */
public enum QuoteStatus {
    /** Being prepared; lines and discounts may change. */
    DRAFT,
    /** A discount above the threshold waits for a manager's decision; nothing may change. */
    PENDING_APPROVAL,
    /** The discounts were approved; the quote may be sent (an edit returns it to {@code DRAFT}). */
    APPROVED,
    /** Sent to the customer, who may accept or reject it until its validity ends. */
    SENT,
    /** The customer accepted it; frozen, nothing may change ever again. */
    ACCEPTED,
    /** The customer rejected it; it can still be revised. */
    REJECTED,
    /** Its validity ended before the customer accepted it; it can still be revised. */
    EXPIRED,
    /** A revision replaced it; kept unchanged for the record. */
    SUPERSEDED;

    /**
     * @param next the state to move to; not null
     * @return true if a quote in this state may move to {@code next}
     */
    public boolean canTransitionTo(QuoteStatus next) {
        return switch (this) {
            case DRAFT -> next == PENDING_APPROVAL || next == SENT || next == EXPIRED || next == SUPERSEDED;
            case PENDING_APPROVAL -> next == APPROVED || next == DRAFT || next == EXPIRED || next == SUPERSEDED;
            case APPROVED -> next == DRAFT || next == SENT || next == EXPIRED || next == SUPERSEDED;
            case SENT -> next == ACCEPTED || next == REJECTED || next == EXPIRED || next == SUPERSEDED;
            case REJECTED, EXPIRED -> next == SUPERSEDED;
            case ACCEPTED, SUPERSEDED -> false;
        };
    }

    /** @return true if lines, quantities and discounts may be changed in this state */
    public boolean isEditable() {
        return this == DRAFT || this == APPROVED;
    }

    /** @return true for {@link #ACCEPTED}: the quote is frozen */
    public boolean isFrozen() {
        return this == ACCEPTED;
    }

    /** @return true if no move leaves this state ({@link #ACCEPTED}, {@link #SUPERSEDED}) */
    public boolean isTerminal() {
        return this == ACCEPTED || this == SUPERSEDED;
    }
}
