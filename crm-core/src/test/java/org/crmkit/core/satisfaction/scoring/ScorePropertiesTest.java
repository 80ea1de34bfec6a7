package org.crmkit.core.satisfaction.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the scores over random answers. */
class ScorePropertiesTest {

    private static final double EPS = 1e-12;

    /** A rating decoded from one number: which of the 5 dimensions or 10 criteria, expectation, perception. */
    private static final Gen<ServqualRating> RATING = integers().between(0, 15 * 49 - 1).map(v -> {
        int kind = v / 49;
        int expectation = v % 49 / 7 + 1;
        int perception = v % 7 + 1;
        return kind < 5
                ? ServqualRating.of("r" + v, ServqualDimension.values()[kind], "item" + kind, expectation, perception)
                : ServqualRating.of("r" + v, ServiceQualityCriterion.values()[kind - 5], "c" + kind, expectation,
                perception);
    });

    private static final Gen<List<ServqualRating>> RATINGS = lists().of(RATING).ofSizeBetween(1, 60);

    private static final Gen<List<Integer>> WEIGHTS = lists().of(integers().between(1, 1000)).ofSize(5);

    @Test
    void npsLiesBetweenMinusHundredAndHundredAndIsPromoterShareMinusDetractorShare() {
        qt().withExamples(1000).withFixedSeed(1L)
                .forAll(lists().of(integers().between(0, 10)).ofSizeBetween(1, 300))
                .checkAssert(answers -> {
                    NetPromoterScore nps = NetPromoterScore.of(answers);
                    assertThat(nps.nps()).isBetween(-100.0, 100.0);
                    assertThat(nps.promoters() + nps.passives() + nps.detractors()).isEqualTo(answers.size());
                    long promoters = answers.stream().filter(a -> a >= 9).count();
                    long detractors = answers.stream().filter(a -> a <= 6).count();
                    assertThat(nps.promoters()).isEqualTo(promoters);
                    assertThat(nps.detractors()).isEqualTo(detractors);
                    double share = 100.0 / answers.size();
                    assertThat(nps.nps()).isCloseTo(promoters * share - detractors * share, within(1e-9));
                    assertThat(nps.nps()).isCloseTo(nps.promoterShare() - nps.detractorShare(), within(1e-9));
                });
    }

    @Test
    void csatLiesBetweenZeroAndHundredAndIsTheShareOfFoursAndFives() {
        qt().withExamples(1000).withFixedSeed(2L)
                .forAll(lists().of(integers().between(1, 5)).ofSizeBetween(1, 300))
                .checkAssert(answers -> {
                    CustomerSatisfactionScore csat = CustomerSatisfactionScore.of(answers);
                    assertThat(csat.csat()).isBetween(0.0, 100.0);
                    long satisfied = answers.stream().filter(a -> a >= 4).count();
                    assertThat(csat.csat()).isCloseTo(100.0 * satisfied / answers.size(), within(1e-9));
                });
    }

    @Test
    void eachDimensionGapIsItsMeanPerceptionMinusItsMeanExpectation() {
        qt().withExamples(500).withFixedSeed(3L).forAll(RATINGS).checkAssert(ratings -> {
            Servqual s = Servqual.score(ratings);
            for (Servqual.DimensionGap d : s.dimensions()) {
                List<ServqualRating> mine = ratings.stream().filter(r -> r.dimension() == d.dimension()).toList();
                double expectation = mine.stream().mapToInt(ServqualRating::expectation).average().orElseThrow();
                double perception = mine.stream().mapToInt(ServqualRating::perception).average().orElseThrow();
                assertThat(d.ratings()).isEqualTo(mine.size());
                assertThat(d.expectation()).isCloseTo(expectation, within(EPS));
                assertThat(d.perception()).isCloseTo(perception, within(EPS));
                assertThat(d.gap()).isCloseTo(d.perception() - d.expectation(), within(EPS));
                assertThat(d.gap()).isBetween(-6.0, 6.0);
            }
            assertThat(s.dimensions().stream().mapToLong(Servqual.DimensionGap::ratings).sum())
                    .isEqualTo(ratings.size());
        });
    }

    @Test
    void overallGapIsTheMeanOfTheDimensionGaps() {
        qt().withExamples(500).withFixedSeed(4L).forAll(RATINGS).checkAssert(ratings -> {
            Servqual s = Servqual.score(ratings);
            double mean = s.dimensions().stream().mapToDouble(Servqual.DimensionGap::gap).average().orElseThrow();
            assertThat(s.overallGap()).isCloseTo(mean, within(EPS));
        });
    }

    @Test
    void weightedGapDoesNotChangeWhenEveryWeightIsScaledAlike() {
        qt().withExamples(300).withFixedSeed(5L)
                .forAll(RATINGS, WEIGHTS, integers().between(1, 10_000), integers().between(0, 6))
                .checkAssert((ratings, w, factor, decimals) -> {
                    BigDecimal k = BigDecimal.valueOf(factor).movePointLeft(decimals);
                    ServqualWeights weights = weights(w, BigDecimal.ONE);
                    ServqualWeights scaled = weights(w, k);
                    assertThat(Servqual.score(ratings, scaled).weightedGap())
                            .isEqualTo(Servqual.score(ratings, weights).weightedGap());
                });
    }

    @Test
    void weightedGapLiesBetweenTheSmallestAndLargestDimensionGap() {
        qt().withExamples(300).withFixedSeed(6L).forAll(RATINGS, WEIGHTS).checkAssert((ratings, w) -> {
            Servqual s = Servqual.score(ratings, weights(w, BigDecimal.ONE));
            double min = s.dimensions().stream().mapToDouble(Servqual.DimensionGap::gap).min().orElseThrow();
            double max = s.dimensions().stream().mapToDouble(Servqual.DimensionGap::gap).max().orElseThrow();
            assertThat(s.weightedGap().orElseThrow()).isBetween(min, max);
        });
    }

    @Test
    void weightingOneDimensionOnlyGivesThatDimensionsGap() {
        qt().withExamples(300).withFixedSeed(7L)
                .forAll(RATINGS, integers().between(0, 4), integers().between(1, 1000))
                .checkAssert((ratings, index, weight) -> {
                    ServqualDimension only = ServqualDimension.values()[index];
                    Servqual unweighted = Servqual.score(ratings);
                    if (unweighted.gapOf(only).isPresent()) {
                        Servqual s = Servqual.score(ratings, ServqualWeights.of(Map.of(only, BigDecimal.valueOf(weight))));
                        assertThat(s.weightedGap()).isEqualTo(unweighted.gapOf(only));
                    }
                });
    }

    @Test
    void equalWeightsOnEveryDimensionGiveTheOverallGap() {
        qt().withExamples(300).withFixedSeed(8L).forAll(RATINGS, integers().between(1, 1000)).checkAssert((ratings, w) -> {
            Servqual s = Servqual.score(ratings, weights(List.of(w, w, w, w, w), BigDecimal.ONE));
            assertThat(s.weightedGap().orElseThrow()).isEqualTo(s.overallGap());
        });
    }

    private static ServqualWeights weights(List<Integer> w, BigDecimal factor) {
        Map<ServqualDimension, BigDecimal> map = new EnumMap<>(ServqualDimension.class);
        for (int i = 0; i < 5; i++) {
            map.put(ServqualDimension.values()[i], BigDecimal.valueOf(w.get(i)).multiply(factor));
        }
        return ServqualWeights.of(map);
    }
}
