package org.crmkit.core.satisfaction;

import java.util.Set;

/**
 * The state of a satisfaction survey: {@code SENT → ANSWERED} or {@code SENT → EXPIRED}; both final.
 *
 * @since 0.1
 */
public enum SurveyStatus {
    /** Sent, waiting for the customer's answer. */
    SENT,
    /** The customer answered. */
    ANSWERED,
    /** No answer came in time; no answer is accepted any more. */
    EXPIRED;

    /** @return the states this one may move to; unmodifiable */
    public Set<SurveyStatus> successors() {
        return this == SENT ? Set.of(ANSWERED, EXPIRED) : Set.of();
    }

    /** @return whether a survey in this state may move to {@code next} */
    public boolean canTransitionTo(SurveyStatus next) {
        return next != null && successors().contains(next);
    }
}
