package org.crmkit.core.service.complaint;

import java.util.Set;

/**
 * The state of a complaint and the moves between states (domain §10, step 6: the
 * complaint-handling system):
 *
 * <pre>
 * RECEIVED ──expectation / action──▶ UNDER_INVESTIGATION ──answer──▶ ANSWERED ──follow-up──▶ FOLLOWED_UP
 *    └───────────────answer (a quick answer)──────────────────────────▶ ANSWERED
 * ANSWERED, FOLLOWED_UP ──close──▶ CLOSED (final)
 * ANSWERED, FOLLOWED_UP ──reopen──▶ UNDER_INVESTIGATION (the customer is not satisfied)
 * </pre>
 *
 * A complaint is closed only once it has been answered, and a closed complaint is never reopened:
 * a customer who comes back files a new complaint, which the repeat rule flags.
 *
 * @since 0.1
 */
public enum ComplaintStatus {
    /** Recorded and acknowledged; nobody has looked into it yet. */
    RECEIVED,
    /** Someone is finding the expectation behind it and acting on it. */
    UNDER_INVESTIGATION,
    /** The customer has been given an answer with a solution. */
    ANSWERED,
    /** The customer said how satisfied they are with the handling. */
    FOLLOWED_UP,
    /** Done; final. */
    CLOSED;

    /** @return the states this one may move to; unmodifiable */
    public Set<ComplaintStatus> successors() {
        return switch (this) {
            case RECEIVED -> Set.of(UNDER_INVESTIGATION, ANSWERED);
            case UNDER_INVESTIGATION -> Set.of(ANSWERED);
            case ANSWERED -> Set.of(FOLLOWED_UP, CLOSED, UNDER_INVESTIGATION);
            case FOLLOWED_UP -> Set.of(CLOSED, UNDER_INVESTIGATION);
            case CLOSED -> Set.of();
        };
    }

    /** @return whether a complaint in this state may move to {@code next} */
    public boolean canTransitionTo(ComplaintStatus next) {
        return next != null && successors().contains(next);
    }

    /** @return whether the complaint is still open: every state but {@link #CLOSED} */
    public boolean isOpen() {
        return this != CLOSED;
    }

    /** @return whether the complaint waits for an answer: {@link #RECEIVED} or {@link #UNDER_INVESTIGATION} */
    public boolean awaitsAnswer() {
        return this == RECEIVED || this == UNDER_INVESTIGATION;
    }

    /** @return whether the expectation may be recorded or revised: while it waits for an answer */
    public boolean acceptsExpectation() {
        return awaitsAnswer();
    }

    /** @return whether actions may be recorded: while the complaint is open */
    public boolean acceptsActions() {
        return isOpen();
    }
}
