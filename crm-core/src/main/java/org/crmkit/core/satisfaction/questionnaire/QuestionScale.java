package org.crmkit.core.satisfaction.questionnaire;

import java.util.Optional;

import org.crmkit.core.satisfaction.scoring.RatingScale;

/**
 * How a question is answered.
 *
 * @since 0.1
 */
public enum QuestionScale {
    /** A score from 1 (very dissatisfied) to 5 (very satisfied), as CSAT asks. */
    CSAT_1_5(RatingScale.CSAT),
    /** A score from 0 (not at all likely) to 10 (extremely likely), as the NPS question asks. */
    NPS_0_10(RatingScale.NPS),
    /** An expectation and a perception, each from 1 (strongly disagree) to 7 (strongly agree), as SERVQUAL asks. */
    SERVQUAL_1_7(RatingScale.SERVQUAL),
    /** Yes or no. */
    YES_NO(null),
    /** Free text, at most {@value Answer#MAX_TEXT} characters. */
    FREE_TEXT(null);

    private final RatingScale rating;

    QuestionScale(RatingScale rating) {
        this.rating = rating;
    }

    /** @return the numeric scale of the score or of both halves of a pair; empty for yes/no and free text */
    public Optional<RatingScale> ratingScale() {
        return Optional.ofNullable(rating);
    }

    /** @return whether an answer is one score ({@link #CSAT_1_5}, {@link #NPS_0_10}) */
    public boolean isScore() {
        return this == CSAT_1_5 || this == NPS_0_10;
    }

    /** @return whether an answer is an expectation and a perception ({@link #SERVQUAL_1_7}) */
    public boolean isPair() {
        return this == SERVQUAL_1_7;
    }
}
