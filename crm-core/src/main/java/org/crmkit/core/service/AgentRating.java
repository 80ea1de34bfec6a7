package org.crmkit.core.service;

import java.util.Collection;
import java.util.Optional;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;

/**
 * How satisfied customers are with a service agent (domain §7: "ratings of the staff who served";
 * domain §10: dispatch prefers staff with high satisfaction), from the 1-5 answers of the
 * satisfaction surveys sent after the work orders the agent handled (the work order's assignee).
 *
 * <p>The rule, a Bayesian average: {@code rating = (PRIOR_WEIGHT × PRIOR_MEAN + sum of scores) /
 * (PRIOR_WEIGHT + answers)}, with {@link #PRIOR_MEAN} 3 (the neutral middle of the 1-5 scale) and
 * {@link #PRIOR_WEIGHT} 5 imagined neutral answers. An agent with no answers yet is rated exactly 3:
 * neither preferred to nor passed over for an agent with an average record. A few answers move the
 * rating only part of the way toward their mean (one 5 gives 3.33), many answers almost all the way,
 * so a new agent with one lucky answer does not beat an agent with fifty good ones.
 *
 * <p>Immutable and thread-safe.
 *
 * @param agent    the agent; not null
 * @param answers  how many answered surveys count; at least 0
 * @param scoreSum the sum of their scores; between {@code answers} and {@code 5 × answers}
 * @since 0.1
 */
public record AgentRating(StaffId agent, int answers, long scoreSum) implements Comparable<AgentRating> {

    /** The prior mean: the neutral middle of the 1-5 satisfaction scale. */
    public static final int PRIOR_MEAN = 3;
    /** The prior weight: how many neutral answers every agent starts with. */
    public static final int PRIOR_WEIGHT = 5;

    public AgentRating {
        Args.notNull(agent, "agent");
        if (answers < 0) {
            throw new ValidationException("answers", "must be at least 0", answers);
        }
        if (scoreSum < answers || scoreSum > 5L * answers) {
            throw new ValidationException("scoreSum", "must be between answers and 5 × answers", scoreSum);
        }
    }

    /** @return the rating of an agent from those 1-5 scores */
    public static AgentRating of(StaffId agent, Collection<Integer> scores) {
        Args.notNull(scores, "scores");
        long sum = 0;
        for (Integer s : scores) {
            if (s == null || s < 1 || s > 5) {
                throw new ValidationException("scores", "must each be between 1 and 5", s);
            }
            sum += s;
        }
        return new AgentRating(agent, scores.size(), sum);
    }

    /** @return the rating of an agent nobody has rated yet: {@link #PRIOR_MEAN} */
    public static AgentRating unrated(StaffId agent) {
        return new AgentRating(agent, 0, 0);
    }

    /** @return the Bayesian average described on the class, between 1 and 5 */
    public double rating() {
        return (double) (PRIOR_WEIGHT * PRIOR_MEAN + scoreSum) / (PRIOR_WEIGHT + answers);
    }

    /** @return the plain mean of the answers, if there are any */
    public Optional<Double> mean() {
        return answers == 0 ? Optional.empty() : Optional.of((double) scoreSum / answers);
    }

    /** Compares by {@link #rating()}, exactly (cross-multiplied, no rounding). */
    @Override
    public int compareTo(AgentRating o) {
        long left = (PRIOR_WEIGHT * PRIOR_MEAN + scoreSum) * (long) (PRIOR_WEIGHT + o.answers);
        long right = (PRIOR_WEIGHT * PRIOR_MEAN + o.scoreSum) * (long) (PRIOR_WEIGHT + answers);
        return Long.compare(left, right);
    }

    /** @return the rating with two decimals, and how many answers it rests on, e.g. {@code "3.33 (1 answer)"} */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "%.2f (%d answer%s)", rating(), answers, answers == 1 ? "" : "s");
    }
}
