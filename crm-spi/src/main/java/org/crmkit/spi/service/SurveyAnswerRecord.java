package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.micros;
import static org.crmkit.spi.internal.Checks.notNull;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

import java.time.Instant;

import org.crmkit.spi.ValidationException;

/**
 * A customer's answer to a satisfaction survey.
 *
 * @param score      1 (very dissatisfied) to 5 (very satisfied)
 * @param comment    what the customer wrote; may be null
 * @param answeredAt when the answer came in; not null
 * @since 0.1
 */
public record SurveyAnswerRecord(int score, String comment, Instant answeredAt) {

    public SurveyAnswerRecord {
        if (score < 1 || score > 5) {
            throw new ValidationException("score", "must be between 1 and 5", score);
        }
        nullOrNotBlank(comment, "comment");
        answeredAt = micros(notNull(answeredAt, "answeredAt"));
    }
}
