package org.crmkit.core.service.complaint;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * The customer's satisfaction with how their complaint was handled (domain §10, step 5), asked
 * after the answer. Immutable.
 *
 * @param at      when the customer said it; not null
 * @param by      the staff member who asked; null when the customer answered alone (a web form)
 * @param score   1 (very dissatisfied) to 5 (very satisfied)
 * @param comment the customer's words, at most 4000 characters; may be null (stripped; blank refused)
 * @since 0.1
 */
public record HandlingFollowUp(Instant at, StaffId by, int score, String comment) {

    /** The lowest score. */
    public static final int MIN_SCORE = 1;
    /** The highest score. */
    public static final int MAX_SCORE = 5;

    public HandlingFollowUp {
        Checks.notNull(at, "at");
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new ValidationException("score", "must be between " + MIN_SCORE + " and " + MAX_SCORE, score);
        }
        comment = Checks.optional(comment, "comment", Checks.TEXT_MAX);
    }

    /** @return the customer's comment, if any */
    public Optional<String> commentText() {
        return Optional.ofNullable(comment);
    }

    /** @return whether the customer is satisfied: a score of 4 or 5 */
    public boolean satisfied() {
        return score >= 4;
    }
}
