package org.crmkit.core.loyalty.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.crmkit.core.satisfaction.scoring.RatingScale;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** The loyalty score against examples computed by hand from the formulas in docs/loyalty.md. */
class LoyaltyScoreTest {

    private static final double EPS = 1e-9;

    @Test
    void threeSidesWithEqualWeightsAverageTheSideValues() {
        // behavioural: repeat 0.75 -> 75; 1 a month (the reference) -> 50; 365 days (the reference) -> 50;
        //              side (75 + 50 + 50) / 3 = 58.333...
        // attitudinal: recommendation mean 9.5 -> 95; satisfaction mean 4.5 -> 25 * 3.5 = 87.5; side 91.25
        // cognitive:   intention 4 on 1..5 -> 100 * 3 / 4 = 75
        // score (58.333... + 91.25 + 75) / 3 = 74.8611...
        LoyaltyInputs inputs = LoyaltyInputs.none()
                .withBehavioural(BehaviouralInputs.of(0.75, 1.0, 365.0))
                .withAttitudinal(new AttitudinalInputs(List.of(9, 10), List.of(4, 5)))
                .withCognitive(CognitiveInputs.onFivePointScale(List.of(4)));
        LoyaltyScore score = LoyaltyScore.of(inputs);

        assertThat(score.value()).isCloseTo((175.0 / 3 + 91.25 + 75.0) / 3, within(EPS));
        assertThat(score.value()).isCloseTo(74.8611, within(1e-4));
        assertThat(score.side(LoyaltySide.BEHAVIOURAL).getAsDouble()).isCloseTo(175.0 / 3, within(EPS));
        assertThat(score.side(LoyaltySide.ATTITUDINAL).getAsDouble()).isCloseTo(91.25, within(EPS));
        assertThat(score.side(LoyaltySide.COGNITIVE).getAsDouble()).isCloseTo(75.0, within(EPS));
        assertThat(score.missingSides()).isEmpty();
        assertThat(score.explanation().weightsRenormalised()).isFalse();

        List<LoyaltyComponent> c = score.explanation().components();
        assertThat(c).extracting(LoyaltyComponent::indicator).containsExactly(
                LoyaltyIndicator.REPEAT_PURCHASE_RATE, LoyaltyIndicator.PURCHASE_FREQUENCY, LoyaltyIndicator.TENURE,
                LoyaltyIndicator.RECOMMENDATION, LoyaltyIndicator.SATISFACTION,
                LoyaltyIndicator.INTENTION_TO_REPURCHASE);
        // each behavioural indicator weighs 1/3 / 3 = 1/9, each attitudinal 1/3 / 2 = 1/6, intention 1/3
        assertThat(c.get(0).rawValue()).isEqualTo(0.75);
        assertThat(c.get(0).normalised()).isCloseTo(75.0, within(EPS));
        assertThat(c.get(0).weight()).isCloseTo(1.0 / 9, within(EPS));
        assertThat(c.get(0).contribution()).isCloseTo(75.0 / 9, within(EPS));
        assertThat(c.get(3).rawValue()).isEqualTo(9.5);
        assertThat(c.get(3).weight()).isCloseTo(1.0 / 6, within(EPS));
        assertThat(c.get(3).contribution()).isCloseTo(95.0 / 6, within(EPS));
        assertThat(c.get(5).contribution()).isCloseTo(25.0, within(EPS));
        assertThat(score.explanation().totalContribution()).isCloseTo(score.value(), within(EPS));
        assertThat(score.explanation().lines()).first().asString()
                .isEqualTo("BEHAVIOURAL REPEAT_PURCHASE_RATE raw 0.7500 -> 75.0 x 0.111 = 8.33");

        // attitude (91.25 + 75) / 2 = 83.125 and patronage 58.3 are both at least 50
        assertThat(score.relativeAttitude().getAsDouble()).isCloseTo(83.125, within(EPS));
        assertThat(score.repeatPatronage().getAsDouble()).isCloseTo(175.0 / 3, within(EPS));
        assertThat(score.loyaltyClass()).contains(LoyaltyClass.TRUE_LOYALTY);
    }

    @Test
    void onlyTheRatiosOfTheWeightsMatterEvenForHugeWeights() {
        // finite positive weights are accepted; before the fix their sum overflowed to infinity and the
        // score came out 0 (and the relative attitude NaN)
        LoyaltyInputs inputs = LoyaltyInputs.none()
                .withBehavioural(BehaviouralInputs.of(0.75, 1.0, 365.0))
                .withAttitudinal(new AttitudinalInputs(List.of(9, 10), List.of(4, 5)))
                .withCognitive(CognitiveInputs.onFivePointScale(List.of(4)));
        LoyaltyScore huge = LoyaltyScore.of(inputs,
                LoyaltyScoreSettings.standard().withWeights(new LoyaltyWeights(1e308, 1e308, 1e308)));
        LoyaltyScore thirds = LoyaltyScore.of(inputs);

        assertThat(huge.value()).isCloseTo(thirds.value(), within(EPS));
        assertThat(huge.relativeAttitude().getAsDouble()).isCloseTo(83.125, within(EPS));
        assertThat(huge.explanation().totalContribution()).isCloseTo(huge.value(), within(EPS));
    }

    @Test
    void aHugeFrequencyAtAHugeReferenceScoresFiftyNotNaN() {
        // 100 x / (x + x0) overflowed in both parts for x = x0 = 1e308: NaN instead of 50
        LoyaltyScore score = LoyaltyScore.of(
                LoyaltyInputs.none().withBehavioural(BehaviouralInputs.of(0.0, 1e308, 0.0)),
                LoyaltyScoreSettings.standard().withFrequency(org.crmkit.core.analytics.transactions.PeriodUnit.MONTH,
                        1e308));
        // behavioural side: (0 + 50 + 0) / 3
        assertThat(score.value()).isCloseTo(50.0 / 3, within(EPS));
    }

    @Test
    void aSideWithoutDataIsReportedAndItsWeightGoesToTheOthers() {
        // behavioural: 0, 0, 0 and share of wallet 0.4 -> 40; side 10. attitudinal: satisfaction mean 2 -> 25.
        // weights 2 : 1 : 1, cognitive missing -> 2/3 and 1/3: score 2/3 * 10 + 1/3 * 25 = 15
        LoyaltyInputs inputs = LoyaltyInputs.none()
                .withBehavioural(BehaviouralInputs.of(0.0, 0.0, 0.0).withShareOfWallet(0.4))
                .withAttitudinal(new AttitudinalInputs(List.of(), List.of(1, 3)));
        LoyaltyScore score = LoyaltyScore.of(inputs,
                LoyaltyScoreSettings.standard().withWeights(new LoyaltyWeights(2, 1, 1)));

        assertThat(score.value()).isCloseTo(15.0, within(EPS));
        assertThat(score.missingSides()).containsExactly(LoyaltySide.COGNITIVE);
        assertThat(score.side(LoyaltySide.COGNITIVE)).isEmpty();
        assertThat(score.explanation().weightsRenormalised()).isTrue();
        assertThat(score.explanation().sides()).extracting(SideScore::effectiveWeight)
                .containsExactly(2.0 / 3, 1.0 / 3);
        assertThat(score.explanation().sides()).extracting(SideScore::configuredWeight).containsExactly(2.0, 1.0);
        assertThat(score.explanation().components()).extracting(LoyaltyComponent::indicator)
                .contains(LoyaltyIndicator.SHARE_OF_WALLET).doesNotContain(LoyaltyIndicator.RECOMMENDATION);
        assertThat(score.explanation().lines()).last().asString().startsWith("COGNITIVE no data");
        assertThat(score.loyaltyClass()).contains(LoyaltyClass.NO_LOYALTY);
    }

    @Test
    void attitudeAloneScoresButHasNoClass() {
        LoyaltyScore score = LoyaltyScore.of(LoyaltyInputs.none()
                .withAttitudinal(new AttitudinalInputs(List.of(10), List.of())));
        assertThat(score.value()).isEqualTo(100.0);
        assertThat(score.missingSides()).containsExactly(LoyaltySide.BEHAVIOURAL, LoyaltySide.COGNITIVE);
        assertThat(score.repeatPatronage()).isEmpty();
        assertThat(score.loyaltyClass()).isEmpty();
    }

    @Test
    void intentionOnASevenPointScaleIsNormalisedToItsOwnRange() {
        // mean of 7 and 1 is 4, the midpoint of 1..7 -> 50
        LoyaltyScore score = LoyaltyScore.of(LoyaltyInputs.none()
                .withCognitive(new CognitiveInputs(List.of(7, 1), RatingScale.SERVQUAL)));
        assertThat(score.value()).isCloseTo(50.0, within(EPS));
    }

    @Test
    void saturatingIndicatorsScoreFiftyAtTheirReference() {
        // frequency 3 a week with reference 3 -> 50; tenure 60 days with reference 30 -> 100 * 60 / 90
        LoyaltyScoreSettings settings = LoyaltyScoreSettings.standard()
                .withFrequency(org.crmkit.core.analytics.transactions.PeriodUnit.WEEK, 3.0)
                .withReferenceTenureDays(30.0);
        LoyaltyScore score = LoyaltyScore.of(LoyaltyInputs.none().withBehavioural(BehaviouralInputs.of(0, 3, 60)),
                settings);
        assertThat(score.explanation().components().get(1).normalised()).isCloseTo(50.0, within(EPS));
        assertThat(score.explanation().components().get(2).normalised()).isCloseTo(200.0 / 3, within(EPS));
        assertThat(score.value()).isCloseTo((0 + 50 + 200.0 / 3) / 3, within(EPS));
    }

    @Test
    void theFourDickAndBasuCellsSplitAtTheThresholds() {
        assertThat(LoyaltyClass.of(50, 50, 50, 50)).isEqualTo(LoyaltyClass.TRUE_LOYALTY);
        assertThat(LoyaltyClass.of(80, 49.9, 50, 50)).isEqualTo(LoyaltyClass.LATENT_LOYALTY);
        assertThat(LoyaltyClass.of(20, 90, 50, 50)).isEqualTo(LoyaltyClass.SPURIOUS_LOYALTY);
        assertThat(LoyaltyClass.of(20, 10, 50, 50)).isEqualTo(LoyaltyClass.NO_LOYALTY);
        assertThat(LoyaltyClass.of(60, 60, 70, 50)).isEqualTo(LoyaltyClass.SPURIOUS_LOYALTY);
    }

    @Test
    void aCustomerWhoBuysOftenButDislikesUsIsSpuriouslyLoyal() {
        LoyaltyScore score = LoyaltyScore.of(LoyaltyInputs.none()
                .withBehavioural(BehaviouralInputs.of(0.9, 4, 1000))
                .withAttitudinal(new AttitudinalInputs(List.of(3), List.of(2)))
                .withCognitive(CognitiveInputs.onFivePointScale(List.of(2))));
        assertThat(score.loyaltyClass()).contains(LoyaltyClass.SPURIOUS_LOYALTY);
    }

    @Test
    void noDataOnAnySideIsRefused() {
        assertThatThrownBy(() -> LoyaltyScore.of(LoyaltyInputs.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("inputs"));
    }

    @Test
    void theRepeatRateOfOccasionsIsTheShareOfRepeatOccasions() {
        assertThat(BehaviouralInputs.repeatRate(0)).isZero();
        assertThat(BehaviouralInputs.repeatRate(1)).isZero();
        assertThat(BehaviouralInputs.repeatRate(4)).isEqualTo(0.75);
    }
}
