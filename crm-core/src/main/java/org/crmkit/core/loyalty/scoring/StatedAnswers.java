package org.crmkit.core.loyalty.scoring;

import java.util.List;
import java.util.OptionalDouble;

import org.crmkit.core.satisfaction.scoring.RatingScale;

/**
 * What the caller knows about a customer beyond crmkit's stored records: recommendation answers (NPS
 * scale), extra satisfaction answers, intention answers and, if known, the share of wallet. Added to
 * what {@link LoyaltyScoring} gathers from storage. Immutable and thread-safe.
 *
 * @param recommendationAnswers answers on 0..10; not null, may be empty
 * @param satisfactionAnswers   answers on 1..5, added to the stored survey answers; not null, may be empty
 * @param intention             intention-to-buy-again answers; not null, may be empty
 * @param shareOfWallet         the share of the customer's category spending that goes to the company, in
 *                              [0, 1]; empty when unknown
 * @since 0.1
 */
public record StatedAnswers(List<Integer> recommendationAnswers, List<Integer> satisfactionAnswers,
                            CognitiveInputs intention, OptionalDouble shareOfWallet) {

    /** @throws org.crmkit.spi.ValidationException naming the answer off its scale or the null field */
    public StatedAnswers {
        recommendationAnswers = Checks.answers("recommendationAnswers", recommendationAnswers, RatingScale.NPS);
        satisfactionAnswers = Checks.answers("satisfactionAnswers", satisfactionAnswers, RatingScale.CSAT);
        Checks.notNull("intention", intention);
        Checks.notNull("shareOfWallet", shareOfWallet);
        if (shareOfWallet.isPresent()) {
            Checks.between("shareOfWallet", shareOfWallet.getAsDouble(), 0.0, 1.0);
        }
    }

    /** @return nothing stated */
    public static StatedAnswers none() {
        return new StatedAnswers(List.of(), List.of(), CognitiveInputs.none(), OptionalDouble.empty());
    }

    /** @return these answers with recommendation answers on 0..10 */
    public StatedAnswers withRecommendation(List<Integer> answers) {
        return new StatedAnswers(answers, satisfactionAnswers, intention, shareOfWallet);
    }

    /** @return these answers with extra satisfaction answers on 1..5 */
    public StatedAnswers withSatisfaction(List<Integer> answers) {
        return new StatedAnswers(recommendationAnswers, answers, intention, shareOfWallet);
    }

    /** @return these answers with intention answers */
    public StatedAnswers withIntention(CognitiveInputs answers) {
        return new StatedAnswers(recommendationAnswers, satisfactionAnswers, answers, shareOfWallet);
    }

    /** @return these answers with a known share of wallet in [0, 1] */
    public StatedAnswers withShareOfWallet(double share) {
        return new StatedAnswers(recommendationAnswers, satisfactionAnswers, intention, OptionalDouble.of(share));
    }
}
