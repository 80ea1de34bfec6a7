package org.crmkit.core.service;

import java.util.Set;

/**
 * The state of a self-service session: {@code OFFERED → SOLVED} (the article deflected a work
 * order) or {@code OFFERED → NOT_SOLVED} (escalated to a work order). Both outcomes are final.
 *
 * @since 0.1
 */
public enum SelfServiceStatus {
    /** An article was offered; the customer has not said whether it helped. */
    OFFERED,
    /** The article solved the problem: no work order was needed. */
    SOLVED,
    /** The article did not solve the problem; a work order was opened. */
    NOT_SOLVED;

    /** @return the states this one may move to; unmodifiable */
    public Set<SelfServiceStatus> successors() {
        return this == OFFERED ? Set.of(SOLVED, NOT_SOLVED) : Set.of();
    }

    /** @return whether a session in this state may move to {@code next} */
    public boolean canTransitionTo(SelfServiceStatus next) {
        return next != null && successors().contains(next);
    }
}
