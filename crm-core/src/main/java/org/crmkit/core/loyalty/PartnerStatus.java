package org.crmkit.core.loyalty;

import java.util.Set;

/**
 * The state of a partnership: {@code ACTIVE → ENDED}; an ended partnership stays ended (register
 * the partner again under a new code).
 *
 * @since 0.1
 */
public enum PartnerStatus {
    /** Members earn (and, if allowed, redeem) points there. */
    ACTIVE,
    /** The partnership ended: no more postings there. */
    ENDED;

    /** @return the states this one may move to; unmodifiable */
    public Set<PartnerStatus> successors() {
        return this == ACTIVE ? Set.of(ENDED) : Set.of();
    }

    /** @return whether a partner in this state may move to {@code next} */
    public boolean canTransitionTo(PartnerStatus next) {
        return next != null && successors().contains(next);
    }
}
