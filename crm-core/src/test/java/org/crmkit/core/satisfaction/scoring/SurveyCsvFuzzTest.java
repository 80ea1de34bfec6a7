package org.crmkit.core.satisfaction.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

/**
 * Fuzzes the survey CSV reader: whatever the text, it either refuses it with a
 * {@link SurveyCsvException} whose message starts with its line number, or returns answers that are
 * all on their scale and can be scored. Any other exception is a bug.
 *
 * <p>A normal test run replays the inputs under
 * {@code src/test/resources/.../SurveyCsvFuzzTestInputs/read/}; run with {@code JAZZER_FUZZ=1} to
 * fuzz for real.
 */
class SurveyCsvFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void read(FuzzedDataProvider data) {
        int shape = data.consumeInt(0, 3);
        String text = data.consumeRemainingAsString();
        try {
            switch (shape) {
                case 0 -> {
                    List<Integer> scores = SurveyCsv.readScores(text, RatingScale.NPS);
                    assertThat(NetPromoterScore.of(scores).nps()).isBetween(-100.0, 100.0);
                }
                case 1 -> {
                    List<Integer> scores = SurveyCsv.readScores(text, RatingScale.CSAT);
                    assertThat(CustomerSatisfactionScore.of(scores).csat()).isBetween(0.0, 100.0);
                }
                case 2 -> {
                    Servqual s = Servqual.score(SurveyCsv.readServqual(text));
                    assertThat(s.overallGap()).isBetween(-6.0, 6.0);
                }
                default -> assertThat(SurveyCsv.readWeights(text).weights()).isNotEmpty();
            }
        } catch (SurveyCsvException expected) {
            assertThat(expected.lineNumber()).isPositive();
            assertThat(expected.getMessage()).startsWith("line " + expected.lineNumber() + ": ");
        }
    }
}
