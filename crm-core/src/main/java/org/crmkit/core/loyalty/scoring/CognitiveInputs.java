package org.crmkit.core.loyalty.scoring;

import java.util.List;

import org.crmkit.core.satisfaction.scoring.RatingScale;

/**
 * What the customer intends: the inputs of the cognitive side of the loyalty score (domain §8,
 * conscious loyalty), as answers to "will you buy from us again?". Immutable and thread-safe.
 *
 * @param intentionAnswers the answers, each on {@code scale}; not null, may be empty
 * @param scale            the answer scale, for example 1..5 (5 = certainly); not null
 * @since 0.1
 */
public record CognitiveInputs(List<Integer> intentionAnswers, RatingScale scale) {

    /** The default intention scale, 1 (certainly not) to 5 (certainly). */
    public static final RatingScale DEFAULT_SCALE = RatingScale.CSAT;

    /**
     * @throws org.crmkit.spi.ValidationException on {@code scale} if null, on {@code intentionAnswers[i]}
     *                                            for an answer off the scale
     */
    public CognitiveInputs {
        Checks.notNull("scale", scale);
        intentionAnswers = Checks.answers("intentionAnswers", intentionAnswers, scale);
    }

    /** @return answers on the default 1..5 scale */
    public static CognitiveInputs onFivePointScale(List<Integer> answers) {
        return new CognitiveInputs(answers, DEFAULT_SCALE);
    }

    /** @return no answers: the side has no data */
    public static CognitiveInputs none() {
        return new CognitiveInputs(List.of(), DEFAULT_SCALE);
    }

    /** @return whether there is at least one answer */
    public boolean hasData() {
        return !intentionAnswers.isEmpty();
    }
}
