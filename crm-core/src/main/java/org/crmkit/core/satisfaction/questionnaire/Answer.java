package org.crmkit.core.satisfaction.questionnaire;

import org.crmkit.spi.ValidationException;

/**
 * One answer in a survey response. Exactly the parts that fit the question's scale are set: a
 * {@code score} (1-5 or 0-10), an {@code expectation} and a {@code perception} (SERVQUAL, 1-7), a
 * {@code yes} or a {@code text}; the questionnaire checks them when the response is submitted.
 * Immutable and thread-safe.
 *
 * @param question    the question's code; not blank
 * @param score       the score; may be null
 * @param expectation the expectation of a pair; may be null
 * @param perception  the perception of a pair; may be null
 * @param yes         the yes/no answer; may be null
 * @param text        the free text; null or not blank, at most {@value #MAX_TEXT} characters
 * @since 0.1
 */
public record Answer(String question, Integer score, Integer expectation, Integer perception, Boolean yes,
                     String text) {

    /** The longest free-text answer kept. */
    public static final int MAX_TEXT = 4000;

    /** @throws ValidationException on {@code question} when blank, on {@code text} when blank or too long */
    public Answer {
        if (question == null || question.isBlank()) {
            throw new ValidationException("question", "must not be blank", question);
        }
        if (text != null && text.isBlank()) {
            throw new ValidationException("text", "must not be blank", text);
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new ValidationException("text", "must be at most " + MAX_TEXT + " characters", text.length());
        }
    }

    /** @return a score on a 1-5 or 0-10 question */
    public static Answer score(String question, int score) {
        return new Answer(question, score, null, null, null, null);
    }

    /** @return an expectation and a perception on a SERVQUAL question */
    public static Answer pair(String question, int expectation, int perception) {
        return new Answer(question, null, expectation, perception, null, null);
    }

    /** @return a yes or no */
    public static Answer yesNo(String question, boolean yes) {
        return new Answer(question, null, null, null, yes, null);
    }

    /** @return a free-text answer */
    public static Answer text(String question, String text) {
        return new Answer(question, null, null, null, null, text);
    }
}
