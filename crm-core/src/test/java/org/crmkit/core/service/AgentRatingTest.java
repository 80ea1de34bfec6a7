package org.crmkit.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Collections;
import java.util.List;

import org.crmkit.core.common.StaffId;
import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class AgentRatingTest {

    private static final StaffId A = StaffId.of("alice");

    @Test
    void anAgentWithNoAnswersIsRatedNeutral() {
        assertThat(AgentRating.unrated(A).rating()).isEqualTo(3.0);
        assertThat(AgentRating.unrated(A).mean()).isEmpty();
        assertThat(AgentRating.of(A, List.of()).rating()).isEqualTo(3.0);
    }

    @Test
    void fewAnswersMoveTheRatingOnlyPartOfTheWay() {
        // (5 × 3 + 5) / (5 + 1) = 20 / 6
        assertThat(AgentRating.of(A, List.of(5)).rating()).isCloseTo(20.0 / 6, within(1e-12));
        assertThat(AgentRating.of(A, List.of(5)).mean()).contains(5.0);
        // fifty fours: (15 + 200) / 55
        AgentRating many = AgentRating.of(A, Collections.nCopies(50, 4));
        assertThat(many.rating()).isCloseTo(215.0 / 55, within(1e-12));
        assertThat(many.compareTo(AgentRating.of(StaffId.of("bob"), List.of(5)))).isPositive();
    }

    @Test
    void comparisonIsExactForEqualRatings() {
        // five fours: (15 + 20) / 10 = 3.5; a five and two fours: (15 + 13) / 8 = 3.5
        AgentRating a = AgentRating.of(A, List.of(4, 4, 4, 4, 4));
        AgentRating b = AgentRating.of(StaffId.of("bob"), List.of(5, 4, 4));
        assertThat(a.rating()).isEqualTo(3.5);
        assertThat(b.rating()).isEqualTo(3.5);
        assertThat(a.compareTo(b)).isZero();
        assertThat(a.compareTo(AgentRating.of(StaffId.of("chen"), List.of(5, 4, 3)))).isPositive();
    }

    @Test
    void scoresOutsideOneToFiveAreRefused() {
        assertThatThrownBy(() -> AgentRating.of(A, List.of(6))).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("scores");
        assertThatThrownBy(() -> new AgentRating(A, 2, 11)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("scoreSum");
        assertThatThrownBy(() -> new AgentRating(A, -1, 0)).isInstanceOf(ValidationException.class)
                .extracting("field").isEqualTo("answers");
    }

    @Test
    void describeShowsTheRatingAndItsBasis() {
        assertThat(AgentRating.of(A, List.of(5)).describe()).isEqualTo("3.33 (1 answer)");
        assertThat(AgentRating.unrated(A).describe()).isEqualTo("3.00 (0 answers)");
    }
}
