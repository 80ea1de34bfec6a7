package org.crmkit.core.loyalty.scoring;

import java.util.List;

import org.crmkit.core.satisfaction.scoring.RatingScale;

/**
 * What the customer feels: the inputs of the attitudinal (emotional) side of the loyalty score
 * (domain §8, emotional loyalty), as the customer's own answers. Immutable and thread-safe.
 *
 * @param recommendationAnswers answers to "how likely are you to recommend us?" on the 0..10 scale of
 *                              the Net Promoter Score; not null, may be empty
 * @param satisfactionAnswers   satisfaction answers on the 1..5 scale (5 = very satisfied); not null,
 *                              may be empty
 * @since 0.1
 */
public record AttitudinalInputs(List<Integer> recommendationAnswers, List<Integer> satisfactionAnswers) {

    /**
     * @throws org.crmkit.spi.ValidationException on {@code recommendationAnswers[i]} or
     *                                            {@code satisfactionAnswers[i]} for an answer off its scale
     */
    public AttitudinalInputs {
        recommendationAnswers = Checks.answers("recommendationAnswers", recommendationAnswers, RatingScale.NPS);
        satisfactionAnswers = Checks.answers("satisfactionAnswers", satisfactionAnswers, RatingScale.CSAT);
    }

    /** @return no answers: the side has no data */
    public static AttitudinalInputs none() {
        return new AttitudinalInputs(List.of(), List.of());
    }

    /** @return whether there is at least one answer */
    public boolean hasData() {
        return !recommendationAnswers.isEmpty() || !satisfactionAnswers.isEmpty();
    }
}
