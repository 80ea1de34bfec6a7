package org.crmkit.core.loyalty;

import java.util.Set;

/**
 * The state of a club membership: {@code ACTIVE → LEFT} when the customer leaves, and
 * {@code LEFT → ACTIVE} when they join again (keeping their card and ledger).
 *
 * @since 0.1
 */
public enum MembershipStatus {
    /** A member: earns and redeems points. */
    ACTIVE,
    /** Left the club: posts nothing until joining again. */
    LEFT;

    /** @return the states this one may move to; unmodifiable */
    public Set<MembershipStatus> successors() {
        return this == ACTIVE ? Set.of(LEFT) : Set.of(ACTIVE);
    }

    /** @return whether a membership in this state may move to {@code next} */
    public boolean canTransitionTo(MembershipStatus next) {
        return next != null && successors().contains(next);
    }
}
