package org.crmkit.core.feedback;

import java.util.Set;

/**
 * Where a piece of feedback is in its handling: {@code RECORDED → ACKNOWLEDGED →
 * ROUTED_TO_MARKETING} (final). Routing to marketing closes the loop of domain §9.
 *
 * @since 0.1
 */
public enum FeedbackStatus {
    /** Recorded, nobody has looked at it. */
    RECORDED,
    /** Someone read it and answered the customer. */
    ACKNOWLEDGED,
    /** Handed to marketing, for the next campaign; final. */
    ROUTED_TO_MARKETING;

    /** @return the states this one may move to; unmodifiable */
    public Set<FeedbackStatus> successors() {
        return switch (this) {
            case RECORDED -> Set.of(ACKNOWLEDGED);
            case ACKNOWLEDGED -> Set.of(ROUTED_TO_MARKETING);
            case ROUTED_TO_MARKETING -> Set.of();
        };
    }

    /** @return whether feedback in this state may move to {@code next} */
    public boolean canTransitionTo(FeedbackStatus next) {
        return next != null && successors().contains(next);
    }
}
