package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code crm example <case>}: what every case shares (the JSON format, determinism) and bad arguments. */
class ExampleCommandTest {

    /** The top-level keys {@code docs/cases.md} documents, in order. */
    static final List<String> TOP_LEVEL = List.of("traceVersion", "case", "title", "setting", "tenant", "clockStart",
            "domainSections", "steps", "figures", "clockEnd");

    @ParameterizedTest
    @ValueSource(strings = {"suning", "tiandi", "property", "ecommerce"})
    void jsonIsOneObjectWithTheDocumentedKeys(String name) {
        Run run = Cli.crm("example", name, "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = run.json();
        List<String> keys = new ArrayList<>();
        doc.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyElementsOf(TOP_LEVEL);
        assertThat(doc.get("traceVersion").asInt()).isEqualTo(CaseTrace.VERSION);
        assertThat(doc.get("case").asText()).isEqualTo(name);
        assertThat(doc.get("domainSections").get(0).asText()).isEqualTo("§14");
        assertThat(doc.get("figures").isObject()).isTrue();
        assertThat(doc.get("figures").size()).isPositive();
        Instant previous = Instant.parse(doc.get("clockStart").asText());
        Set<String> steps = new HashSet<>();
        for (JsonNode step : doc.get("steps")) {
            assertThat(step.get("step").asText()).matches("[a-z][a-z0-9_]*");
            assertThat(steps.add(step.get("step").asText())).as("unique step key").isTrue();
            assertThat(step.get("title").asText()).isNotBlank();
            Instant at = Instant.parse(step.get("at").asText());
            assertThat(at).as(step.get("step").asText()).isAfterOrEqualTo(previous);
            previous = at;
        }
        assertThat(Instant.parse(doc.get("clockEnd").asText())).isAfterOrEqualTo(previous);
    }

    @ParameterizedTest
    @ValueSource(strings = {"suning", "tiandi", "property", "ecommerce"})
    void everyRunPrintsTheSame(String name) {
        Run first = Cli.crm("example", name, "--format", "json");
        Run second = Cli.crm("example", name, "--format", "json");

        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Cli.crm("example", name).out()).isEqualTo(Cli.crm("example", name).out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"suning", "tiandi", "property", "ecommerce"})
    void textTellsEveryStepOfTheJsonInOrderThenTheKeyFigures(String name) {
        JsonNode doc = Cli.crm("example", name, "--format", "json").json();
        Run run = Cli.crm("example", name);

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out).startsWith("crm example " + name + " - " + doc.get("title").asText());
        int from = 0;
        int i = 1;
        for (JsonNode step : doc.get("steps")) {
            int at = out.indexOf("\n" + i + ". " + step.get("title").asText() + "\n", from);
            assertThat(at).as("step " + i + " " + step.get("title").asText()).isGreaterThan(from);
            from = at;
            i++;
        }
        assertThat(out.indexOf("\nKey figures\n", from)).isGreaterThan(from);
    }

    @Test
    void unknownCaseIsAOneLineUsageError() {
        Run run = Cli.crm("example", "unknown");

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).isEqualTo("crm: unknown case 'unknown': give suning, tiandi, property, ecommerce"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingCaseIsAUsageError() {
        Run run = Cli.crm("example");

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).startsWith("crm: Missing required parameter: 'CASE'").doesNotContain("\n\n");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void unknownFormatIsAUsageError() {
        Run run = Cli.crm("example", "suning", "--format", "xml");

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).isEqualTo("crm: --format 'xml' is not one of text, json" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void caseNamesIgnoreCase() {
        Run run = Cli.crm("example", "Property", "--format", "json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("case").asText()).isEqualTo("property");
    }

    @Test
    void helpListsTheCases() {
        Run run = Cli.crm("example", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("suning", "tiandi", "property", "ecommerce");
        assertThat(Cli.crm("--help").out()).contains("example");
    }
}
