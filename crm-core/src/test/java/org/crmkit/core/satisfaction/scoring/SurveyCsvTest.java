package org.crmkit.core.satisfaction.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class SurveyCsvTest {

    @Test
    void readsScoresWithAHeaderInAnyCaseAndOrderSkippingBlankLines() {
        String text = "\uFEFFScore,Respondent,comment\r\n10,r1,\"great, really\"\r\n\r\n 6 ,\"r2\",\"said \"\"meh\"\"\nand left\"\r\n";

        assertThat(SurveyCsv.readScores(text, RatingScale.NPS)).containsExactly(10, 6);
    }

    @Test
    void refusesAScoreOutsideItsScaleNamingLineAndColumn() {
        SurveyCsvException e = catchThrowableOfType(() -> SurveyCsv.readScores(
                "respondent,score,comment\nr1,9,\nr2,7,\"multi\nline\"\nr3,11,\n", RatingScale.NPS), SurveyCsvException.class);

        // the quoted field spans lines 3 and 4, so r3 is on line 5
        assertThat(e).hasMessage("line 5: score 11 is outside 0..10");
        assertThat(e.lineNumber()).isEqualTo(5);
        assertThat(e.field()).isEqualTo("score");
        assertThat(e.rule()).isEqualTo("is outside 0..10");
    }

    @Test
    void refusesCsatScoresOfSixAndZero() {
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,6\n", RatingScale.CSAT))
                .hasMessage("line 2: score 6 is outside 1..5");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,0\n", RatingScale.CSAT))
                .hasMessage("line 2: score 0 is outside 1..5");
    }

    @Test
    void refusesAScoreThatIsNotAWholeNumber() {
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,4.5\n", RatingScale.CSAT))
                .isInstanceOf(SurveyCsvException.class)
                .hasMessage("line 2: score '4.5' is not a whole number on 1..5");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,\n", RatingScale.CSAT))
                .hasMessage("line 2: score is blank");
    }

    @Test
    void refusesAnEmptyFileAHeaderWithoutRowsAndAMissingColumn() {
        assertThatThrownBy(() -> SurveyCsv.readScores("", RatingScale.NPS)).isInstanceOf(SurveyCsvException.class)
                .hasMessage("line 1: the file is empty; it must start with the header respondent,score");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\n\n", RatingScale.NPS))
                .hasMessage("line 2: no rows after the header; there is nothing to score");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,rating\nr1,3\n", RatingScale.NPS))
                .hasMessage("line 1: header lacks the column 'score' (expected respondent,score, found respondent,rating)");
    }

    @Test
    void refusesMalformedRecords() {
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,3,4\n", RatingScale.NPS))
                .hasMessage("line 2: record has 3 fields, the header has 2");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,\"3\n", RatingScale.NPS))
                .hasMessage("line 2: record has a quoted field that is never closed");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr\"1,3\n", RatingScale.NPS))
                .hasMessage("line 2: record has a quote inside an unquoted field");
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\n\"r1\"x,3\n", RatingScale.NPS))
                .hasMessage("line 2: record has text after the closing quote of a field");
    }

    @Test
    void refusesARespondentWhoAnswersTwice() {
        assertThatThrownBy(() -> SurveyCsv.readScores("respondent,score\nr1,3\nr2,4\nr1,5\n", RatingScale.NPS))
                .hasMessage("line 4: respondent 'r1' already answered on line 2");
    }

    @Test
    void readsServqualRowsGivenByDimensionOrByCriterionUnderAnySpelling() {
        List<ServqualRating> ratings = SurveyCsv.readServqual("""
                respondent,dimension,item,expectation,perception
                r1,Tangibles,T1,6,5
                r1,understanding_the_customer,E1,6,3
                r1,Understanding-the customer,E2,5,5
                r2,"understanding the customer",E1,7,4
                r2,ASSURANCE,A1,5,6
                """);

        assertThat(ratings).containsExactly(
                ServqualRating.of("r1", ServqualDimension.TANGIBLES, "T1", 6, 5),
                ServqualRating.of("r1", ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER, "E1", 6, 3),
                ServqualRating.of("r1", ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER, "E2", 5, 5),
                ServqualRating.of("r2", ServiceQualityCriterion.UNDERSTANDING_THE_CUSTOMER, "E1", 7, 4),
                ServqualRating.of("r2", ServqualDimension.ASSURANCE, "A1", 5, 6));
    }

    @Test
    void refusesServqualValuesOffTheOneToSevenScale() {
        String header = "respondent,dimension,item,expectation,perception\n";
        assertThatThrownBy(() -> SurveyCsv.readServqual(header + "r1,empathy,E1,8,4\n"))
                .hasMessage("line 2: expectation 8 is outside 1..7");
        assertThatThrownBy(() -> SurveyCsv.readServqual(header + "r1,empathy,E1,4,4\nr1,empathy,E2,4,0\n"))
                .hasMessage("line 3: perception 0 is outside 1..7");
    }

    @Test
    void refusesAnUnknownDimensionListingTheNamesAllowed() {
        assertThatThrownBy(() -> SurveyCsv.readServqual(
                "respondent,dimension,item,expectation,perception\nr1,friendliness,F1,4,4\n"))
                .isInstanceOf(SurveyCsvException.class)
                .hasMessage("line 2: dimension 'friendliness' is not one of the five SERVQUAL dimensions (tangibles, "
                        + "reliability, responsiveness, assurance, empathy) or the ten criteria (tangibles, reliability, "
                        + "responsiveness, competence, courtesy, credibility, security, access, communication, "
                        + "understanding the customer)");
    }

    @Test
    void refusesAnItemRatedTwiceByOneRespondentOrGivenTwoDimensions() {
        String header = "respondent,dimension,item,expectation,perception\n";
        assertThatThrownBy(() -> SurveyCsv.readServqual(header + "r1,empathy,E1,4,4\nr1,empathy,E1,5,5\n"))
                .hasMessage("line 3: item 'E1' already rated by respondent 'r1' on line 2");
        assertThatThrownBy(() -> SurveyCsv.readServqual(header + "r1,empathy,E1,4,4\nr2,courtesy,E1,5,5\n"))
                .hasMessage("line 3: dimension 'courtesy' differs from 'empathy' given for item 'E1' on line 2");
    }

    @Test
    void readsWeightsOnAnyPositiveScale() {
        ServqualWeights w = SurveyCsv.readWeights("dimension,weight\nreliability,0.32\nEmpathy,1e-1\n");

        assertThat(w.weights()).containsEntry(ServqualDimension.RELIABILITY, new BigDecimal("0.32"))
                .containsEntry(ServqualDimension.EMPATHY, new BigDecimal("1e-1")).hasSize(2);
    }

    @Test
    void refusesAZeroNegativeOrUnknownWeight() {
        assertThatThrownBy(() -> SurveyCsv.readWeights("dimension,weight\nreliability,0\n"))
                .hasMessage("line 2: weight 0 must be positive");
        assertThatThrownBy(() -> SurveyCsv.readWeights("dimension,weight\nreliability,-3\n"))
                .hasMessage("line 2: weight -3 must be positive");
        assertThatThrownBy(() -> SurveyCsv.readWeights("dimension,weight\nreliability,lots\n"))
                .hasMessage("line 2: weight 'lots' is not a decimal number");
        assertThatThrownBy(() -> SurveyCsv.readWeights("dimension,weight\nspeed,3\n"))
                .hasMessage("line 2: dimension 'speed' is not one of the five SERVQUAL dimensions: tangibles, "
                        + "reliability, responsiveness, assurance, empathy");
        assertThatThrownBy(() -> SurveyCsv.readWeights("dimension,weight\ncourtesy,3\n"))
                .hasMessage("line 2: dimension 'courtesy' is one of the ten criteria (it folds into assurance); "
                        + "weights are given per dimension: tangibles, reliability, responsiveness, assurance, empathy");
        assertThatThrownBy(() -> SurveyCsv.readWeights("dimension,weight\nempathy,3\nEMPATHY,4\n"))
                .hasMessage("line 3: dimension 'EMPATHY' already has a weight on line 2");
    }
}
