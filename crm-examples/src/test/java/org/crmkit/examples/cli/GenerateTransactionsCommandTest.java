package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class GenerateTransactionsCommandTest {

    @TempDir
    Path tmp;

    @Test
    void generatedFilesAreAnalysedWithTheDefaultsAndGiveBackTheParameters() {
        Path file = tmp.resolve("base.csv");
        Run generate = Cli.crm("generate-transactions", "--customers", "10000", "--seed", "7", "--out",
                file.toString());
        assertThat(generate.exitCode()).as(generate.err()).isZero();
        assertThat(generate.err()).isEmpty();
        assertThat(generate.out()).startsWith("Wrote ").contains("of 10000 customers (seed 7");

        Run analyze = Cli.crm("analyze", "--transactions", file.toString(), "--format", "json");

        assertThat(analyze.exitCode()).as(analyze.err()).isZero();
        assertThat(analyze.err()).isEmpty();
        JsonNode doc = analyze.json();
        assertThat(doc.get("customers").asInt()).isEqualTo(10000);
        assertThat(doc.get("skippedRows").asInt()).isZero();
        JsonNode bg = doc.get("models").get("bgnbd");
        // the generating values are the CDNOW estimates; tolerances are about 4 standard errors at 10,000 customers
        assertThat(bg.get("r").asDouble()).isCloseTo(0.243, withinPercentage(12));
        assertThat(bg.get("alpha").asDouble()).isCloseTo(4.414, withinPercentage(15));
        assertThat(bg.get("a").asDouble()).isCloseTo(0.793, withinPercentage(40));
        assertThat(bg.get("b").asDouble()).isCloseTo(2.426, withinPercentage(40));
        assertThat(doc.get("models").get("gammagamma").get("meanSpend").asDouble())
                .isCloseTo(6.25 * 15.44 / 2.74, withinPercentage(5));
    }

    @Test
    void theSameSeedWritesTheSameFile() throws IOException {
        Path one = tmp.resolve("one.csv");
        Path two = tmp.resolve("two.csv");
        Path other = tmp.resolve("other.csv");
        List<String> common = List.of("generate-transactions", "--customers", "300", "--r", "0.5", "--alpha", "3",
                "--currency", "EUR", "--start", "2024-01-01", "--time-unit", "month", "--cohort-days", "30",
                "--days", "365");

        assertThat(run(common, "--seed", "5", "--out", one.toString()).exitCode()).isZero();
        assertThat(run(common, "--seed", "5", "--out", two.toString()).exitCode()).isZero();
        assertThat(run(common, "--seed", "6", "--out", other.toString()).exitCode()).isZero();

        assertThat(Files.readString(one)).isEqualTo(Files.readString(two)).isNotEqualTo(Files.readString(other))
                .startsWith("customer_id,date,amount\nC000,2024-01-");
        // 365 days from 2024-01-01 end on 2024-12-30; EUR amounts have two decimals
        assertThat(Files.readAllLines(one)).allSatisfy(line -> assertThat(line).matches(
                "customer_id,date,amount|C\\d{3},2024-\\d\\d-\\d\\d,\\d+\\.\\d\\d"));
    }

    @Test
    void writesToStandardOutputWithoutOut() {
        Run run = Cli.crm("generate-transactions", "--customers", "3", "--seed", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("customer_id,date,amount\nC0,1997-");
    }

    @Test
    void badSettingsAreUsageErrors() {
        Run customers = Cli.crm("generate-transactions", "--customers", "0");
        assertThat(customers.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(customers.err()).isEqualTo("crm: --customers must be at least 1" + System.lineSeparator());

        Run alpha = Cli.crm("generate-transactions", "--alpha", "-1");
        assertThat(alpha.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(alpha.err()).startsWith("crm: --alpha must be finite and > 0");

        Run window = Cli.crm("generate-transactions", "--cohort-days", "100", "--days", "50");
        assertThat(window.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(window.err()).startsWith("crm: --days must be at least the cohort window");

        Run start = Cli.crm("generate-transactions", "--start", "tomorrow");
        assertThat(start.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(start.err()).contains("--start 'tomorrow' is not a date");
    }

    private static Run run(List<String> common, String... more) {
        List<String> args = new java.util.ArrayList<>(common);
        args.addAll(List.of(more));
        return Cli.crm(args.toArray(String[]::new));
    }

    @Test
    void degenerateSpendParametersFailInOneLineAndLeaveNoFile() {
        java.nio.file.Path out = tmp.resolve("degenerate.csv");
        Cli.Run run = Cli.crm("generate-transactions", "--customers", "20000", "--seed", "3", "--q", "0.002",
                "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.err()).contains("--q: is too small").doesNotContain("Exception");
        assertThat(java.nio.file.Files.exists(out)).isFalse();
    }
}
