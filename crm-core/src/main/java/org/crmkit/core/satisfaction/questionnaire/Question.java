package org.crmkit.core.satisfaction.questionnaire;

import java.util.regex.Pattern;

import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.spi.ValidationException;

/**
 * One question of a questionnaire: its code, its text, how it is answered and what it measures.
 * Immutable and thread-safe.
 *
 * @param code     unique within the questionnaire: a letter or digit, then up to 39 letters, digits,
 *                 {@code _}, {@code -} or {@code .}
 * @param text     the question as the customer reads it; not blank, at most 500 characters
 * @param scale    how it is answered; not null
 * @param measure  what it measures; not null, and {@linkplain Measure#fits fitting} the scale
 * @param required whether every response must answer it
 * @since 0.1
 */
public record Question(String code, String text, QuestionScale scale, Measure measure, boolean required) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,39}");

    /** @throws ValidationException naming the field that breaks its rule */
    public Question {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new ValidationException("code", "must be a letter or digit, then up to 39 letters, digits, "
                    + "'_', '-' or '.'", code);
        }
        if (text == null || text.isBlank()) {
            throw new ValidationException("text", "must not be blank", text);
        }
        if (text.length() > 500) {
            throw new ValidationException("text", "must be at most 500 characters", text.length());
        }
        if (scale == null) {
            throw new ValidationException("scale", "must not be null");
        }
        if (measure == null) {
            throw new ValidationException("measure", "must not be null");
        }
        if (!measure.fits(scale)) {
            throw new ValidationException("measure", "a " + measure.kind() + " question cannot be asked on scale "
                    + scale, measure);
        }
    }

    /** @return a required question */
    public static Question required(String code, String text, QuestionScale scale, Measure measure) {
        return new Question(code, text, scale, measure, true);
    }

    /** @return a question a response may leave out */
    public static Question optional(String code, String text, QuestionScale scale, Measure measure) {
        return new Question(code, text, scale, measure, false);
    }

    /**
     * Checks that an answer fits this question's scale.
     *
     * @throws ValidationException naming the answer's field ({@code score}, {@code expectation},
     *                             {@code perception}, {@code yes} or {@code text}) and the rule
     */
    void check(Answer a) {
        RatingScale rating = scale.ratingScale().orElse(null);
        if (scale.isScore()) {
            rating.check("score", present(a.score(), "score"));
        } else {
            absent(a.score(), "score");
        }
        if (scale.isPair()) {
            rating.check("expectation", present(a.expectation(), "expectation"));
            rating.check("perception", present(a.perception(), "perception"));
        } else {
            absent(a.expectation(), "expectation");
            absent(a.perception(), "perception");
        }
        if (scale == QuestionScale.YES_NO) {
            present(a.yes(), "yes");
        } else {
            absent(a.yes(), "yes");
        }
        if (scale == QuestionScale.FREE_TEXT) {
            present(a.text(), "text");
        } else {
            absent(a.text(), "text");
        }
    }

    private <T> T present(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "must be given for question '" + code + "' on scale " + scale);
        }
        return value;
    }

    private void absent(Object value, String field) {
        if (value != null) {
            throw new ValidationException(field, "must not be given for question '" + code + "' on scale " + scale,
                    value);
        }
    }
}
