package org.crmkit.core.satisfaction.scoring;

import java.util.Collection;
import java.util.Objects;

import org.crmkit.spi.ValidationException;

/**
 * The Net Promoter Score of a set of answers to "how likely is it that you would recommend us to a
 * friend or colleague?" on the 0..10 scale (Reichheld 2003): the percentage of promoters (9 or 10)
 * minus the percentage of detractors (0 to 6); passives (7 or 8) count only in the total.
 *
 * <p>{@link #nps()} is {@code 100 × (promoters − detractors) / responses}, computed exactly and
 * rounded once to the nearest double, so 5 promoters and 2 detractors of 10 answers give exactly 30.
 * Immutable and thread-safe.
 *
 * @param promoters  answers of 9 or 10; not negative
 * @param passives   answers of 7 or 8; not negative
 * @param detractors answers of 0 to 6; not negative
 * @param responses  all answers, the sum of the three; positive
 * @param nps        the score, a percentage in [-100, 100]
 * @since 0.1
 */
public record NetPromoterScore(long promoters, long passives, long detractors, long responses, double nps) {

    /**
     * @throws ValidationException when a count is negative, there is no answer, the counts do not add
     *                             up or {@code nps} is not the score of the counts
     */
    public NetPromoterScore {
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new ValidationException("promoters", "counts must not be negative");
        }
        if (responses < 1) {
            throw new ValidationException("responses", "must be at least one answer", responses);
        }
        if (promoters + passives + detractors != responses) {
            throw new ValidationException("responses", "must be promoters + passives + detractors", responses);
        }
        if (Double.compare(nps, score(promoters, detractors, responses)) != 0) {
            throw new ValidationException("nps", "must be 100 × (promoters − detractors) / responses", nps);
        }
    }

    /**
     * The score of the given counts.
     *
     * @param promoters  answers of 9 or 10
     * @param passives   answers of 7 or 8
     * @param detractors answers of 0 to 6
     * @return the score; never null
     * @throws ValidationException when a count is negative or all are zero
     */
    public static NetPromoterScore ofCounts(long promoters, long passives, long detractors) {
        long responses = promoters + passives + detractors;
        if (promoters < 0 || passives < 0 || detractors < 0) {
            throw new ValidationException("promoters", "counts must not be negative");
        }
        if (responses < 1) {
            throw new ValidationException("responses", "must be at least one answer", responses);
        }
        return new NetPromoterScore(promoters, passives, detractors, responses,
                score(promoters, detractors, responses));
    }

    /**
     * The score of the given answers.
     *
     * @param answers answers on the 0..10 scale; not null, not empty, no null element
     * @return the score; never null
     * @throws ValidationException on "score" for an answer outside 0..10, on "responses" when empty
     */
    public static NetPromoterScore of(Collection<Integer> answers) {
        Objects.requireNonNull(answers, "answers must not be null");
        long promoters = 0;
        long passives = 0;
        long detractors = 0;
        for (Integer answer : answers) {
            int a = RatingScale.NPS.check("score", Objects.requireNonNull(answer, "answer must not be null"));
            if (a >= 9) {
                promoters++;
            } else if (a >= 7) {
                passives++;
            } else {
                detractors++;
            }
        }
        return ofCounts(promoters, passives, detractors);
    }

    /** @return promoters as a percentage of all answers, in [0, 100] */
    public double promoterShare() {
        return Fraction.of(100 * promoters, responses).toDouble();
    }

    /** @return detractors as a percentage of all answers, in [0, 100] */
    public double detractorShare() {
        return Fraction.of(100 * detractors, responses).toDouble();
    }

    private static double score(long promoters, long detractors, long responses) {
        return Fraction.of(promoters - detractors, responses).times(Fraction.of(100, 1)).toDouble();
    }
}
