package org.crmkit.core.satisfaction.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

/** Worked examples of every score, with the arithmetic in the comments. */
class ScoresTest {

    @Test
    void npsOfTenAnswersWithFivePromotersAndTwoDetractorsIsExactlyThirty() {
        // promoters 10,10,9,9,9 = 5; passives 8,7,7 = 3; detractors 6,0 = 2
        // NPS = 100 × (5 − 2) / 10 = 30
        NetPromoterScore nps = NetPromoterScore.of(List.of(10, 10, 9, 9, 9, 8, 7, 7, 6, 0));

        assertThat(nps.nps()).isEqualTo(30.0);
        assertThat(nps.promoters()).isEqualTo(5);
        assertThat(nps.passives()).isEqualTo(3);
        assertThat(nps.detractors()).isEqualTo(2);
        assertThat(nps.responses()).isEqualTo(10);
        assertThat(nps.promoterShare()).isEqualTo(50.0);
        assertThat(nps.detractorShare()).isEqualTo(20.0);
    }

    @Test
    void npsIsUnroundedWhenTheShareIsNotAWholePercentage() {
        // 1 promoter, 2 passives of 3: 100 × 1 / 3 = 33.333…, the double nearest 100/3
        NetPromoterScore nps = NetPromoterScore.of(List.of(9, 7, 8));

        assertThat(nps.nps()).isEqualTo(100.0 / 3);
    }

    @Test
    void npsRunsFromMinusHundredForAllDetractorsToHundredForAllPromoters() {
        assertThat(NetPromoterScore.of(List.of(0, 6, 3)).nps()).isEqualTo(-100.0);
        assertThat(NetPromoterScore.of(List.of(9, 10)).nps()).isEqualTo(100.0);
        // 7 and 8 are passives: 100 × (0 − 0) / 2 = 0
        assertThat(NetPromoterScore.of(List.of(7, 8)).nps()).isZero();
    }

    @Test
    void refusesAnNpsAnswerOffTheZeroToTenScale() {
        assertThatThrownBy(() -> NetPromoterScore.of(List.of(9, 11)))
                .isInstanceOf(ValidationException.class).hasMessage("score: 11 is outside 0..10");
        assertThatThrownBy(() -> NetPromoterScore.of(List.of(-1)))
                .isInstanceOf(ValidationException.class).hasMessage("score: -1 is outside 0..10");
    }

    @Test
    void refusesAScoreWithoutAnswers() {
        assertThatThrownBy(() -> NetPromoterScore.of(List.of())).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("responses: must be at least one answer");
        assertThatThrownBy(() -> CustomerSatisfactionScore.of(List.of())).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("responses: must be at least one answer");
    }

    @Test
    void refusesAnNpsRecordWhoseScoreDoesNotMatchItsCounts() {
        assertThatThrownBy(() -> new NetPromoterScore(5, 3, 2, 10, 31.0))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("nps:");
        assertThatThrownBy(() -> new NetPromoterScore(5, 3, 2, 11, 30.0))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("responses:");
    }

    @Test
    void csatIsTheShareOfFoursAndFives() {
        // satisfied: 5,5,4,4,4,4,5 = 7 of 10 → 100 × 7 / 10 = 70
        CustomerSatisfactionScore csat = CustomerSatisfactionScore.of(List.of(5, 5, 4, 4, 4, 4, 5, 3, 2, 1));

        assertThat(csat.csat()).isEqualTo(70.0);
        assertThat(csat.satisfied()).isEqualTo(7);
        assertThat(csat.responses()).isEqualTo(10);
    }

    @Test
    void csatOfTwoSatisfiedInThreeIsTheDoubleNearestTwoThirdsOfHundred() {
        // 100 × 2 / 3 = 66.666…
        assertThat(CustomerSatisfactionScore.of(List.of(4, 5, 3)).csat()).isEqualTo(200.0 / 3);
    }

    @Test
    void refusesACsatAnswerOffTheOneToFiveScale() {
        assertThatThrownBy(() -> CustomerSatisfactionScore.of(List.of(4, 6)))
                .isInstanceOf(ValidationException.class).hasMessage("score: 6 is outside 1..5");
        assertThatThrownBy(() -> CustomerSatisfactionScore.of(List.of(0)))
                .isInstanceOf(ValidationException.class).hasMessage("score: 0 is outside 1..5");
    }

    @Test
    void expectationPerceptionGivesSatisfactionPerItemAndOverall() {
        // waiting time: expected (6 + 7) / 2 = 6.5, perceived (4 + 5) / 2 = 4.5, satisfaction −2
        // friendliness: expected 5, perceived 6, satisfaction +1
        // overall: (−2 + 1) / 2 = −0.5
        ExpectationPerception ep = ExpectationPerception.of(RatingScale.SERVQUAL, List.of(
                new ExpectationPerception.Rating("waiting time", 6, 4),
                new ExpectationPerception.Rating("friendliness", 5, 6),
                new ExpectationPerception.Rating("waiting time", 7, 5)));

        assertThat(ep.items()).containsExactly(
                new ExpectationPerception.ItemSatisfaction("waiting time", 2, 6.5, 4.5, -2.0),
                new ExpectationPerception.ItemSatisfaction("friendliness", 1, 5.0, 6.0, 1.0));
        assertThat(ep.overall()).isEqualTo(-0.5);
    }

    @Test
    void expectationPerceptionRefusesARatingOffTheScaleNamingIt() {
        assertThatThrownBy(() -> ExpectationPerception.of(RatingScale.CSAT, List.of(
                new ExpectationPerception.Rating("a", 3, 3), new ExpectationPerception.Rating("b", 3, 9))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("ratings[1].perceived: 9 is outside 1..5");
    }

    /** The SERVQUAL example of docs/satisfaction.md. */
    static List<ServqualRating> example() {
        return List.of(
                ServqualRating.of("r1", ServqualDimension.TANGIBLES, "T1", 6, 5),
                ServqualRating.of("r2", ServqualDimension.TANGIBLES, "T1", 7, 5),
                ServqualRating.of("r1", ServqualDimension.RELIABILITY, "R1", 7, 4),
                ServqualRating.of("r1", ServiceQualityCriterion.COURTESY, "A1", 6, 6),
                ServqualRating.of("r1", ServiceQualityCriterion.COMPETENCE, "A2", 5, 7),
                ServqualRating.of("r1", ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER, "E1", 6, 3));
    }

    @Test
    void servqualAveragesEachDimensionAndFoldsTheCriteriaIntoTheirDimensions() {
        // tangibles:   E (6 + 7) / 2 = 6.5, P (5 + 5) / 2 = 5, gap −1.5
        // reliability: E 7, P 4, gap −3
        // assurance (courtesy + competence): E (6 + 5) / 2 = 5.5, P (6 + 7) / 2 = 6.5, gap +1
        // empathy (understanding the customer): E 6, P 3, gap −3
        // overall: (−1.5 − 3 + 1 − 3) / 4 = −6.5 / 4 = −1.625
        Servqual s = Servqual.score(example());

        assertThat(s.dimensions()).containsExactly(
                new Servqual.DimensionGap(ServqualDimension.TANGIBLES, 2, 6.5, 5.0, -1.5),
                new Servqual.DimensionGap(ServqualDimension.RELIABILITY, 1, 7.0, 4.0, -3.0),
                new Servqual.DimensionGap(ServqualDimension.ASSURANCE, 2, 5.5, 6.5, 1.0),
                new Servqual.DimensionGap(ServqualDimension.EMPATHY, 1, 6.0, 3.0, -3.0));
        assertThat(s.criteria()).containsExactly(
                new Servqual.CriterionGap(ServiceQualityCriterion.COMPETENCE, 1, 5.0, 7.0, 2.0),
                new Servqual.CriterionGap(ServiceQualityCriterion.COURTESY, 1, 6.0, 6.0, 0.0),
                new Servqual.CriterionGap(ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER, 1, 6.0, 3.0, -3.0));
        assertThat(s.overallGap()).isEqualTo(-1.625);
        assertThat(s.weightedGap()).isEmpty();
        assertThat(s.gapOf(ServqualDimension.RESPONSIVENESS)).isEmpty();
    }

    @Test
    void servqualWeighsTheDimensionGapsPresentAndIgnoresWeightsOfAbsentOnes() {
        // (10 × −1.5 + 30 × −3 + 20 × 1 + 40 × −3) / (10 + 30 + 20 + 40) = −205 / 100 = −2.05;
        // responsiveness has a weight but no ratings, so it is not in the sums
        ServqualWeights weights = ServqualWeights.of(Map.of(
                ServqualDimension.TANGIBLES, new BigDecimal("10"),
                ServqualDimension.RELIABILITY, new BigDecimal("30"),
                ServqualDimension.RESPONSIVENESS, new BigDecimal("25"),
                ServqualDimension.ASSURANCE, new BigDecimal("20"),
                ServqualDimension.EMPATHY, new BigDecimal("40")));

        assertThat(Servqual.score(example(), weights).weightedGap()).hasValue(-2.05);
    }

    @Test
    void servqualRefusesWeightsThatMissEveryDimensionPresent() {
        ServqualWeights onlyResponsiveness = ServqualWeights.of(Map.of(ServqualDimension.RESPONSIVENESS, BigDecimal.ONE));

        assertThatThrownBy(() -> Servqual.score(example(), onlyResponsiveness))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("weights: must give a weight to at least one dimension in the ratings");
    }

    @Test
    void refusesAWeightThatIsNotPositive() {
        assertThatThrownBy(() -> ServqualWeights.of(Map.of(ServqualDimension.EMPATHY, BigDecimal.ZERO)))
                .isInstanceOf(ValidationException.class).hasMessage("weights[empathy]: must be positive (was '0')");
        assertThatThrownBy(() -> ServqualWeights.of(Map.of(ServqualDimension.EMPATHY, new BigDecimal("-2"))))
                .isInstanceOf(ValidationException.class).hasMessage("weights[empathy]: must be positive (was '-2')");
        assertThatThrownBy(() -> ServqualWeights.of(Map.of())).isInstanceOf(ValidationException.class);
    }

    @Test
    void refusesAServqualRatingOffTheOneToSevenScale() {
        assertThatThrownBy(() -> ServqualRating.of("r", ServqualDimension.EMPATHY, "E1", 8, 4))
                .isInstanceOf(ValidationException.class).hasMessage("expectation: 8 is outside 1..7");
        assertThatThrownBy(() -> ServqualRating.of("r", ServqualDimension.EMPATHY, "E1", 4, 0))
                .isInstanceOf(ValidationException.class).hasMessage("perception: 0 is outside 1..7");
    }

    @Test
    void refusesACriterionPairedWithAnotherDimension() {
        assertThatThrownBy(() -> new ServqualRating("r", ServqualDimension.EMPATHY, ServiceQualityCriterion.COURTESY,
                "A1", 4, 4)).isInstanceOf(ValidationException.class)
                .hasMessage("criterion: folds into assurance, not empathy (was 'courtesy')");
    }

    @Test
    void theTenCriteriaFoldIntoTheFiveDimensionsAsIn1988() {
        assertThat(List.of(ServiceQualityCriterion.values()).stream()
                .filter(c -> c.dimension() == ServqualDimension.ASSURANCE).toList())
                .containsExactly(ServiceQualityCriterion.COMPETENCE, ServiceQualityCriterion.COURTESY,
                        ServiceQualityCriterion.CREDIBILITY, ServiceQualityCriterion.SECURITY);
        assertThat(List.of(ServiceQualityCriterion.values()).stream()
                .filter(c -> c.dimension() == ServqualDimension.EMPATHY).toList())
                .containsExactly(ServiceQualityCriterion.ACCESS, ServiceQualityCriterion.COMMUNICATION,
                        ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER);
        for (ServqualDimension d : List.of(ServqualDimension.TANGIBLES, ServqualDimension.RELIABILITY,
                ServqualDimension.RESPONSIVENESS)) {
            assertThat(ServiceQualityCriterion.find(d.name()).orElseThrow().dimension()).isEqualTo(d);
        }
    }

    @Test
    void namesAreFoundIgnoringCaseAndSeparators() {
        for (String name : List.of("understanding the customer", "understanding_the_customer",
                "Understanding-The-Customer", " UNDERSTANDING  the_customer ")) {
            assertThat(ServiceQualityCriterion.find(name)).hasValue(ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER);
        }
        assertThat(ServqualDimension.find("Empathy")).hasValue(ServqualDimension.EMPATHY);
        assertThat(ServqualDimension.find("quality")).isEmpty();
        assertThat(ServiceQualityCriterion.find("understanding")).isEmpty();
    }

    @Test
    void theOrderOfTheRatingsDoesNotChangeTheScore() {
        List<ServqualRating> shuffled = new ArrayList<>(example());
        Collections.reverse(shuffled);

        assertThat(Servqual.score(shuffled)).isEqualTo(Servqual.score(example()));
    }
}
