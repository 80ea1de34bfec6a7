package org.crmkit.core.satisfaction;

import java.time.Instant;
import java.util.Optional;

import org.crmkit.spi.ValidationException;

/**
 * A customer's answer to a satisfaction survey: a score and an optional comment. Immutable and
 * thread-safe.
 *
 * @param score      from {@value #MIN_SCORE} (very dissatisfied) to {@value #MAX_SCORE} (very satisfied)
 * @param comment    what the customer wrote, stripped, at most 4000 characters; may be null
 * @param answeredAt when; not null
 * @since 0.1
 */
public record SurveyAnswer(int score, String comment, Instant answeredAt) {

    /** The lowest score. */
    public static final int MIN_SCORE = 1;
    /** The highest score. */
    public static final int MAX_SCORE = 5;
    private static final int COMMENT_MAX = 4000;

    public SurveyAnswer {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new ValidationException("score", "must be between " + MIN_SCORE + " and " + MAX_SCORE, score);
        }
        if (comment != null) {
            String c = comment.strip();
            if (c.isEmpty()) {
                c = null;
            } else if (c.codePointCount(0, c.length()) > COMMENT_MAX) {
                throw new ValidationException("comment", "must be at most " + COMMENT_MAX + " characters", comment);
            }
            comment = c;
        }
        if (answeredAt == null) {
            throw new ValidationException("answeredAt", "must not be null");
        }
    }

    /** @return the comment, if the customer wrote one */
    public Optional<String> remark() {
        return Optional.ofNullable(comment);
    }
}
