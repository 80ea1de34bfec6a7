package org.crmkit.core.loyalty;

import java.util.Set;

/**
 * The state of a member-only offer: {@code ACTIVE → WITHDRAWN}; a withdrawn offer stays withdrawn
 * (publish a new one).
 *
 * @since 0.1
 */
public enum OfferStatus {
    /** Shown to eligible members while valid. */
    ACTIVE,
    /** Withdrawn: shown to nobody. */
    WITHDRAWN;

    /** @return the states this one may move to; unmodifiable */
    public Set<OfferStatus> successors() {
        return this == ACTIVE ? Set.of(WITHDRAWN) : Set.of();
    }

    /** @return whether an offer in this state may move to {@code next} */
    public boolean canTransitionTo(OfferStatus next) {
        return next != null && successors().contains(next);
    }
}
