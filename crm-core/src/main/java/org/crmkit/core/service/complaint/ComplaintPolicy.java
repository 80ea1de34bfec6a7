package org.crmkit.core.service.complaint;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

import org.crmkit.core.customer.CustomerId;
import org.crmkit.spi.ValidationException;

/**
 * The rules of a tenant's complaint-handling system (domain §10, step 6) that a host may tune.
 * Immutable and thread-safe.
 *
 * <p><b>Repeat rule.</b> A new complaint repeats an earlier one when the same customer complained
 * in the same category no more than {@code repeatWindow} before it (the bounds included), whatever
 * the earlier one's state. It is flagged when it is received, with the latest such complaint as
 * {@link Complaint#repeatOf()}; the flag is not recomputed when the window is changed later.
 *
 * <p><b>Answer target.</b> A complaint that waits for an answer is overdue once more than
 * {@code answerTarget} has passed since it was received (or last reopened).
 *
 * @param repeatWindow how far back an earlier complaint makes a new one a repeat; positive
 * @param answerTarget how long an answer may take; positive
 * @since 0.1
 */
public record ComplaintPolicy(Duration repeatWindow, Duration answerTarget) {

    /** The default repeat window: 90 days. */
    public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofDays(90);
    /** The default answer target: 48 hours. */
    public static final Duration DEFAULT_ANSWER_TARGET = Duration.ofHours(48);

    public ComplaintPolicy {
        positive(repeatWindow, "repeatWindow");
        positive(answerTarget, "answerTarget");
    }

    /** @return a repeat window of 90 days and an answer target of 48 hours */
    public static ComplaintPolicy defaults() {
        return new ComplaintPolicy(DEFAULT_REPEAT_WINDOW, DEFAULT_ANSWER_TARGET);
    }

    /** @return this policy with another repeat window */
    public ComplaintPolicy withRepeatWindow(Duration window) {
        return new ComplaintPolicy(window, answerTarget);
    }

    /** @return this policy with another answer target */
    public ComplaintPolicy withAnswerTarget(Duration target) {
        return new ComplaintPolicy(repeatWindow, target);
    }

    /**
     * Applies the repeat rule.
     *
     * @param earlier    complaints recorded before the new one; those of another customer or
     *                   category are ignored; not null
     * @param customer   the new complaint's customer; not null
     * @param category   the new complaint's category; not null
     * @param receivedAt when the new complaint is received; not null
     * @return the latest earlier complaint it repeats, or empty if it is not a repeat
     */
    public Optional<Complaint> repeatOf(Collection<Complaint> earlier, CustomerId customer,
                                        ComplaintCategory category, Instant receivedAt) {
        Objects.requireNonNull(earlier, "earlier must not be null");
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(category, "category must not be null");
        Objects.requireNonNull(receivedAt, "receivedAt must not be null");
        Instant from = receivedAt.minus(repeatWindow);
        return earlier.stream()
                .filter(c -> c.customerId().equals(customer) && c.category() == category)
                .filter(c -> !c.receivedAt().isBefore(from) && !c.receivedAt().isAfter(receivedAt))
                .max(Comparator.comparing(Complaint::receivedAt).thenComparing(c -> c.id().value()));
    }

    private static void positive(Duration d, String field) {
        if (d == null) {
            throw new ValidationException(field, "must not be null");
        }
        if (d.isNegative() || d.isZero()) {
            throw new ValidationException(field, "must be positive", d);
        }
    }
}
