package org.crmkit.core.satisfaction.scoring;

import java.util.Collection;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * The customer satisfaction score (CSAT) of a set of answers on the 1..5 scale: the percentage of
 * answers that are 4 ("satisfied") or 5 ("very satisfied"), the usual "top-two-box" share.
 *
 * <p>{@link #csat()} is {@code 100 × satisfied / responses}, computed exactly and rounded once to the
 * nearest double. Immutable and thread-safe.
 *
 * @param satisfied answers of 4 or 5; in [0, responses]
 * @param responses all answers; positive
 * @param csat      the score, a percentage in [0, 100]
 * @since 0.1
 */
public record CustomerSatisfactionScore(long satisfied, long responses, double csat) {

    /**
     * @throws ValidationException when the counts are impossible or {@code csat} is not their score
     */
    public CustomerSatisfactionScore {
        if (responses < 1) {
            throw new ValidationException("responses", "must be at least one answer", responses);
        }
        if (satisfied < 0 || satisfied > responses) {
            throw new ValidationException("satisfied", "must be between 0 and responses " + responses, satisfied);
        }
        if (Double.compare(csat, score(satisfied, responses)) != 0) {
            throw new ValidationException("csat", "must be 100 × satisfied / responses", csat);
        }
    }

    /**
     * The score of the given counts.
     *
     * @param satisfied answers of 4 or 5
     * @param responses all answers
     * @return the score; never null
     * @throws ValidationException when the counts are impossible
     */
    public static CustomerSatisfactionScore ofCounts(long satisfied, long responses) {
        if (responses < 1) {
            throw new ValidationException("responses", "must be at least one answer", responses);
        }
        if (satisfied < 0 || satisfied > responses) {
            throw new ValidationException("satisfied", "must be between 0 and responses " + responses, satisfied);
        }
        return new CustomerSatisfactionScore(satisfied, responses, score(satisfied, responses));
    }

    /**
     * The score of the given answers.
     *
     * @param answers answers on the 1..5 scale; not null, not empty, no null element
     * @return the score; never null
     * @throws ValidationException on "score" for an answer outside 1..5, on "responses" when empty
     */
    public static CustomerSatisfactionScore of(Collection<Integer> answers) {
        Objects.requireNonNull(answers, "answers must not be null");
        long satisfied = 0;
        for (Integer answer : answers) {
            if (RatingScale.CSAT.check("score", Objects.requireNonNull(answer, "answer must not be null")) >= 4) {
                satisfied++;
            }
        }
        return ofCounts(satisfied, answers.size());
    }

    private static double score(long satisfied, long responses) {
        return Fraction.of(100 * satisfied, responses).toDouble();
    }
}
