package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

class SurveyCommandTest {

    private static Path samples;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void findSamples() throws URISyntaxException {
        samples = Path.of(Objects.requireNonNull(SurveyCommandTest.class.getResource("survey/nps.csv")).toURI())
                .getParent();
    }

    private static String sample(String name) {
        return samples.resolve(name).toString();
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        return keys;
    }

    private static Run ok(String... args) {
        Run run = Cli.crm(args);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        return run;
    }

    @Test
    void npsAsJsonHasExactlyTheSpecifiedKeysAndAnExactScore() {
        // 5 promoters, 3 passives, 2 detractors of 10: 100 × (5 − 2) / 10 = 30
        JsonNode doc = ok("survey", "score", "--responses", sample("nps.csv"), "--kind", "nps", "--format", "json")
                .json();

        assertThat(keys(doc)).containsExactly("nps", "promoters", "passives", "detractors", "responses");
        assertThat(doc.get("nps").asDouble()).isEqualTo(30.0);
        assertThat(doc.get("promoters").asInt()).isEqualTo(5);
        assertThat(doc.get("passives").asInt()).isEqualTo(3);
        assertThat(doc.get("detractors").asInt()).isEqualTo(2);
        assertThat(doc.get("responses").asInt()).isEqualTo(10);
    }

    @Test
    void npsAsTextSaysTheScoreAndHowItIsMadeUp() {
        Run run = ok("survey", "score", "--responses", sample("nps.csv"), "--kind", "nps");

        assertThat(run.out()).contains("Net Promoter Score of " + sample("nps.csv"))
                .contains("NPS 30 = 50 % promoters - 20 % detractors")
                .contains("10 responses: 5 promoters (9-10), 3 passives (7-8), 2 detractors (0-6)");
    }

    @Test
    void npsIsUnroundedInJson() throws IOException {
        Path file = write("third.csv", "respondent,score\na,9\nb,7\nc,8\n");

        JsonNode doc = ok("survey", "score", "--responses", file.toString(), "--kind", "NPS", "--format", "json")
                .json();

        assertThat(doc.get("nps").asDouble()).isEqualTo(100.0 / 3);
    }

    @Test
    void npsMayBeNegative() throws IOException {
        Path file = write("negative.csv", "respondent,score\na,0\nb,6\nc,10\nd,8\n");

        // 1 promoter, 2 detractors of 4: 100 × (1 − 2) / 4 = −25
        assertThat(ok("survey", "score", "--responses", file.toString(), "--kind", "nps", "--format", "json")
                .json().get("nps").asDouble()).isEqualTo(-25.0);
    }

    @Test
    void csatAsJsonAndText() {
        // 4 or 5: 7 of 10 answers → 70
        JsonNode doc = ok("survey", "score", "--responses", sample("csat.csv"), "--kind", "csat", "--format", "json")
                .json();
        Run text = ok("survey", "score", "--responses", sample("csat.csv"), "--kind", "csat");

        assertThat(keys(doc)).containsExactly("csat", "responses");
        assertThat(doc.get("csat").asDouble()).isEqualTo(70.0);
        assertThat(doc.get("responses").asInt()).isEqualTo(10);
        assertThat(text.out()).contains("CSAT 70 %: 7 of 10 responses are 4 or 5 on the 1-5 scale");
    }

    @Test
    void servqualAsJsonHasTheDimensionsAndTheOverallGapButNoWeightedGapWithoutWeights() {
        JsonNode doc = ok("survey", "score", "--responses", sample("servqual.csv"), "--kind", "servqual",
                "--format", "json").json();

        assertThat(keys(doc)).containsExactly("dimensions", "overallGap");
        JsonNode dimensions = doc.get("dimensions");
        assertThat(keys(dimensions)).containsExactly("tangibles", "reliability", "responsiveness", "assurance",
                "empathy");
        double sum = 0;
        for (JsonNode d : dimensions) {
            assertThat(keys(d)).containsExactly("expectation", "perception", "gap");
            assertThat(d.get("gap").asDouble()).isCloseTo(d.get("perception").asDouble()
                    - d.get("expectation").asDouble(), within(1e-12));
            sum += d.get("gap").asDouble();
        }
        // reliability: expectations sum to 91, perceptions to 58 over 15 ratings: (58 − 91) / 15 = −2.2
        assertThat(dimensions.get("reliability").get("gap").asDouble()).isEqualTo(-2.2);
        assertThat(doc.get("overallGap").asDouble()).isCloseTo(sum / 5, within(1e-12));
    }

    @Test
    void servqualWithWeightsAddsTheWeightedMeanOfTheDimensionGaps() {
        JsonNode doc = ok("survey", "score", "--responses", sample("servqual.csv"), "--kind", "servqual",
                "--weights", sample("weights.csv"), "--format", "json").json();

        assertThat(keys(doc)).containsExactly("dimensions", "overallGap", "weightedGap");
        JsonNode d = doc.get("dimensions");
        // weights 11, 32, 22, 19, 16 sum to 100
        double expected = (11 * d.get("tangibles").get("gap").asDouble() + 32 * d.get("reliability").get("gap").asDouble()
                + 22 * d.get("responsiveness").get("gap").asDouble() + 19 * d.get("assurance").get("gap").asDouble()
                + 16 * d.get("empathy").get("gap").asDouble()) / 100;
        assertThat(doc.get("weightedGap").asDouble()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void servqualAsTextListsTheDimensionsTheCriteriaAndBothOverallGaps() {
        Run run = ok("survey", "score", "--responses", sample("servqual.csv"), "--kind", "servqual",
                "--weights", sample("weights.csv"));

        assertThat(run.out()).contains("SERVQUAL gaps of " + sample("servqual.csv") + " (66 ratings on 1-7")
                .containsPattern("reliability +15 +6\\.07 +3\\.87 +-2\\.20")
                .containsPattern("understanding the customer \\(empathy\\) +3 ")
                .contains("overall gap (mean of 5 dimension gaps): -0.76")
                .contains("weighted gap (weights from " + sample("weights.csv") + "): -1.01");
    }

    @Test
    void servqualNamesDimensionsAndCriteriaInAnySpelling() throws IOException {
        Path file = write("spelling.csv", """
                respondent,dimension,item,expectation,perception
                a,Understanding_The_Customer,E1,6,3
                a,EMPATHY,E2,4,5
                b,understanding-the customer,E1,7,4
                """);

        // empathy: E (6 + 4 + 7) / 3, P (3 + 5 + 4) / 3, gap (12 − 17) / 3
        JsonNode doc = ok("survey", "score", "--responses", file.toString(), "--kind", "servqual", "--format", "json")
                .json();

        assertThat(keys(doc.get("dimensions"))).containsExactly("empathy");
        assertThat(doc.get("dimensions").get("empathy").get("gap").asDouble()).isEqualTo(-5.0 / 3);
        assertThat(doc.get("overallGap").asDouble()).isEqualTo(-5.0 / 3);
    }

    static Stream<Arguments> badInputs() throws IOException {
        String servqual = "respondent,dimension,item,expectation,perception\n";
        Path nps11 = write("nps11.csv", "respondent,score\nr1,9\nr2,11\n");
        Path csat6 = write("csat6.csv", "respondent,score\nr1,6\n");
        Path csat0 = write("csat0.csv", "respondent,score\nr1,0\n");
        Path sq8 = write("sq8.csv", servqual + "r1,empathy,E1,8,3\n");
        Path sq0 = write("sq0.csv", servqual + "r1,empathy,E1,3,3\nr1,empathy,E2,3,0\n");
        Path unknown = write("unknown.csv", servqual + "r1,friendliness,F1,5,3\n");
        Path zero = write("zero.csv", "dimension,weight\nempathy,0\n");
        Path negative = write("negative-weight.csv", "dimension,weight\nempathy,-1.5\n");
        Path speed = write("speed.csv", "dimension,weight\nspeed,1\n");
        Path none = write("none.csv", "dimension,weight\nresponsiveness,1\n");
        Path empty = write("empty.csv", "");
        Path headerOnly = write("header-only.csv", "respondent,score\n");
        String sq = sample("servqual.csv");
        return Stream.of(
                Arguments.of("crm: " + nps11 + ": line 3: score 11 is outside 0..10",
                        new String[] {"--responses", nps11.toString(), "--kind", "nps"}),
                Arguments.of("crm: " + csat6 + ": line 2: score 6 is outside 1..5",
                        new String[] {"--responses", csat6.toString(), "--kind", "csat"}),
                Arguments.of("crm: " + csat0 + ": line 2: score 0 is outside 1..5",
                        new String[] {"--responses", csat0.toString(), "--kind", "csat"}),
                Arguments.of("crm: " + sq8 + ": line 2: expectation 8 is outside 1..7",
                        new String[] {"--responses", sq8.toString(), "--kind", "servqual"}),
                Arguments.of("crm: " + sq0 + ": line 3: perception 0 is outside 1..7",
                        new String[] {"--responses", sq0.toString(), "--kind", "servqual"}),
                Arguments.of("crm: " + unknown + ": line 2: dimension 'friendliness' is not one of the five SERVQUAL "
                        + "dimensions", new String[] {"--responses", unknown.toString(), "--kind", "servqual"}),
                Arguments.of("crm: " + zero + ": line 2: weight 0 must be positive",
                        new String[] {"--responses", sq, "--kind", "servqual", "--weights", zero.toString()}),
                Arguments.of("crm: " + negative + ": line 2: weight -1.5 must be positive",
                        new String[] {"--responses", sq, "--kind", "servqual", "--weights", negative.toString()}),
                Arguments.of("crm: " + speed + ": line 2: dimension 'speed' is not one of the five SERVQUAL dimensions",
                        new String[] {"--responses", sq, "--kind", "servqual", "--weights", speed.toString()}),
                Arguments.of("crm: " + none + ": weights: must give a weight to at least one dimension in the ratings "
                        + "(empathy)", new String[] {"--responses", sq0.getParent().resolve("spelling-only.csv")
                        .toString(), "--kind", "servqual", "--weights", none.toString()}),
                Arguments.of("crm: " + empty + ": line 1: the file is empty; it must start with the header "
                        + "respondent,score", new String[] {"--responses", empty.toString(), "--kind", "nps"}),
                Arguments.of("crm: " + headerOnly + ": line 2: no rows after the header",
                        new String[] {"--responses", headerOnly.toString(), "--kind", "csat"}),
                Arguments.of("crm: cannot read " + tmp.resolve("missing.csv") + ": no such file",
                        new String[] {"--responses", tmp.resolve("missing.csv").toString(), "--kind", "nps"}),
                Arguments.of("crm: --kind 'ces' is not one of nps, csat, servqual",
                        new String[] {"--responses", nps11.toString(), "--kind", "ces"}),
                Arguments.of("crm: --format 'html' is not one of text, json",
                        new String[] {"--responses", sample("nps.csv"), "--kind", "nps", "--format", "html"}),
                Arguments.of("crm: --weights applies only to --kind servqual, not nps",
                        new String[] {"--responses", sample("nps.csv"), "--kind", "nps", "--weights", none.toString()}),
                Arguments.of("crm: Missing required option: '--kind=KIND'",
                        new String[] {"--responses", sample("nps.csv")}));
    }

    @ParameterizedTest(name = "crm survey score {1}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithExitCodeTwoAndOneLineOnStandardError(String message, String[] args) throws IOException {
        write("spelling-only.csv", "respondent,dimension,item,expectation,perception\na,empathy,E1,6,3\n");
        List<String> all = new ArrayList<>(List.of("survey", "score"));
        all.addAll(List.of(args));

        Run run = Cli.crm(all.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(message).endsWith(System.lineSeparator());
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "at org.");
    }

    @Test
    void helpExplainsTheCommandAndItsFileShapesWithoutWarnings() {
        Run survey = ok("survey", "--help");
        Run score = ok("survey", "score", "--help");
        Run crm = ok("--help");

        assertThat(survey.out()).contains("Usage: crm survey", "score  Scores a CSV file of survey answers");
        assertThat(score.out()).contains("Usage: crm survey score", "--responses=FILE", "--kind=KIND",
                "--weights=FILE", "--format=FORMAT", "NPS = % promoters (9-10) - % detractors (0-6)",
                "CSAT = % of 4s and 5s", "respondent,dimension,item,expectation,perception with 1..7");
        assertThat(score.out().lines()).allMatch(line -> line.length() <= 80);
        assertThat(crm.out()).contains("survey");
    }

    @Test
    void surveyWithoutASubcommandIsAUsageError() {
        Run run = Cli.crm("survey");

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).isEqualTo("crm: missing command: give 'score' (see 'crm survey --help')"
                + System.lineSeparator());
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }
}
