package org.crmkit.core.analytics.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Invariants of the quantile scores: range, ties, monotonicity, order independence. */
class QuantileScoresPropertiesTest {

    /** Few distinct values, so that ties are common. */
    private static final Gen<List<Long>> VALUES =
            lists().of(longs().between(0, 12)).ofSizeBetween(1, 120);

    private static long[] array(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    @Test
    void everyScoreIsBetweenOneAndK() {
        qt().withExamples(400).withFixedSeed(1L)
                .forAll(VALUES, integers().between(1, 10))
                .checkAssert((values, k) -> assertThat(java.util.Arrays.stream(QuantileScores.score(array(values), k)).boxed())
                        .allSatisfy(s -> assertThat(s).isBetween(1, k)));
    }

    @Test
    void equalValuesGetEqualScoresAndBetterValuesNeverScoreLower() {
        qt().withExamples(400).withFixedSeed(2L)
                .forAll(VALUES)
                .checkAssert(values -> {
                    long[] v = array(values);
                    int[] s = QuantileScores.score(v, 5);
                    for (int i = 0; i < v.length; i++) {
                        for (int j = 0; j < v.length; j++) {
                            if (v[i] == v[j]) {
                                assertThat(s[i]).isEqualTo(s[j]);
                            } else if (v[i] < v[j]) {
                                assertThat(s[i]).isLessThanOrEqualTo(s[j]);
                            }
                        }
                    }
                });
    }

    @Test
    void permutingTheValuesDoesNotChangeAnyValuesScore() {
        qt().withExamples(300).withFixedSeed(3L)
                .forAll(VALUES, longs().all())
                .checkAssert((values, seed) -> {
                    List<Long> shuffled = new ArrayList<>(values);
                    Collections.shuffle(shuffled, new Random(seed));
                    int[] before = QuantileScores.score(array(values), 5);
                    int[] after = QuantileScores.score(array(shuffled), 5);
                    for (int i = 0; i < shuffled.size(); i++) {
                        assertThat(after[i]).isEqualTo(before[values.indexOf(shuffled.get(i))]);
                    }
                });
    }

    @Test
    void distinctValuesFillTheQuintilesEvenly() {
        assertThat(QuantileScores.score(new long[] {50, 10, 40, 20, 30}, 5)).containsExactly(5, 1, 4, 2, 3);
        assertThat(QuantileScores.score(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 5))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
        // all equal: the middle score; a block of ties gets the score of its middle
        assertThat(QuantileScores.score(new long[] {7, 7, 7, 7}, 5)).containsExactly(3, 3, 3, 3);
        assertThat(QuantileScores.score(new long[] {1, 1, 1, 1, 1, 1, 2, 3, 4, 5}, 5))
                .containsExactly(2, 2, 2, 2, 2, 2, 4, 4, 5, 5);
        assertThat(QuantileScores.score(new long[] {9}, 5)).containsExactly(3);
    }
}
