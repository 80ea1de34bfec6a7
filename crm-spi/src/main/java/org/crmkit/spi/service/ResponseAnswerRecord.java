package org.crmkit.spi.service;

import static org.crmkit.spi.internal.Checks.notBlank;
import static org.crmkit.spi.internal.Checks.nullOrNotBlank;

/**
 * One answer of a stored survey response. Exactly the components that fit the question's scale are
 * set: {@code score} for a 1-5 or 0-10 scale, {@code expectation} and {@code perception} for a
 * SERVQUAL pair, {@code yes} for a yes/no question, {@code text} for free text.
 *
 * @param question    the question's code; not blank
 * @param score       the score; may be null
 * @param expectation the expectation of a SERVQUAL pair; may be null
 * @param perception  the perception of a SERVQUAL pair; may be null
 * @param yes         the answer to a yes/no question; may be null
 * @param text        a free-text answer; null or not blank
 * @since 0.1
 */
public record ResponseAnswerRecord(String question, Integer score, Integer expectation, Integer perception,
                                   Boolean yes, String text) {

    public ResponseAnswerRecord {
        notBlank(question, "question");
        nullOrNotBlank(text, "text");
    }
}
