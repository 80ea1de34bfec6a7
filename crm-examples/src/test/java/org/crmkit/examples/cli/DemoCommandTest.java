package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

class DemoCommandTest {

    private static final Pattern FOUND = Pattern.compile(
            "found (.+) from an earlier run \\(.+\\): version (\\d+), (\\d+) timeline entries");

    @TempDir
    Path tmp;

    @Test
    void inMemoryDemoTellsTheStoryOfEveryCustomerType() {
        Run run = Cli.crm("demo", "--in-memory");

        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out())
                .contains("in memory: nothing is kept")
                .contains("a B2C customer", "a B2B customer", "a CHANNEL customer", "an INTERNAL customer")
                .contains("organisation  Huadong Logistics Co., Ltd.")
                .contains("external", "internal", "consumption")
                .contains("[phone, service, chen.jie]", "[in person, sales, zhang.min]", "[email, sales, zhao.lei]",
                        "[web, sales, wang.fang]")
                .contains("zhang.min left the company: Li Wei now belongs to wang.fang")
                .contains("zhang.min, from ", "wang.fang, since ")
                .contains("owner reassigned: Owner changed from zhang.min to wang.fang")
                .contains("SENT to Li Wei")
                .contains("REFUSED to Anna Schmidt: the customer withdrew consent")
                .contains("message refused: MARKETING message on email refused")
                .contains("relationship level BASIC -> PARTNERSHIP")
                .contains("lifecycle stage EXPLORATION -> FORMATION")
                .contains("1 sent, 1 refused by the consent check")
                .doesNotContain("from an earlier run");
        assertThat(tmp).isEmptyDirectory();
    }

    @Test
    void firstRunCreatesAndMigratesTheDatabaseInANewDataDirectory() {
        Path dataDir = tmp.resolve("nested/crm-data");

        Run run = Cli.demo(dataDir);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("The database is new: created it and migrated its schema to version 2")
                .contains("registered Li Wei (B2C)", "registered Huadong Logistics (B2B)",
                        "registered Sunrise Auto Trading (CHANNEL)", "registered Fleet Services Department (INTERNAL)");
        assertThat(dataDir.resolve("crm.mv.db")).isRegularFile();
    }

    @Test
    void secondRunFindsTheFirstRunsCustomersAndAddsToTheirTimelines() {
        Path dataDir = tmp.resolve("crm-data");
        assertThat(Cli.demo(dataDir).exitCode()).isZero();
        JsonNode before = Cli.export(dataDir);

        Run second = Cli.demo(dataDir);

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("The database is from an earlier run; its schema is up to date")
                .doesNotContain("registered ")
                .contains("Li Wei already belongs to wang.fang")
                .contains("REFUSED to Anna Schmidt: the customer withdrew consent");
        Map<String, Integer> found = new HashMap<>();
        Matcher m = FOUND.matcher(second.out());
        while (m.find()) {
            found.put(m.group(1), Integer.parseInt(m.group(3)));
            assertThat(Long.parseLong(m.group(2))).isGreaterThan(1);
        }
        assertThat(found).hasSize(5);

        JsonNode after = Cli.export(dataDir);
        assertThat(after.get("customerCount").asInt()).isEqualTo(before.get("customerCount").asInt()).isEqualTo(5);
        assertThat(after.get("timelineEntryCount").asInt()).isGreaterThan(before.get("timelineEntryCount").asInt());
        for (int i = 0; i < 5; i++) {
            JsonNode was = before.get("customers").get(i);
            JsonNode now = after.get("customers").get(i);
            assertThat(now.get("id")).isEqualTo(was.get("id"));
            assertThat(now.get("timeline").size()).isGreaterThan(was.get("timeline").size());
            assertThat(found).containsEntry(was.get("name").asText(), was.get("timeline").size());
        }
    }

    @Test
    void inMemoryAndDataDirectoryTogetherAreAUsageError() {
        Run run = Cli.crm("demo", "--in-memory", "--data-dir", tmp.toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).isEqualTo("crm: --in-memory and --data-dir cannot be used together"
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void dataDirectoryThatIsAFileIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "not a directory");

        Run run = Cli.demo(file);

        assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
        assertThat(run.err()).isEqualTo("crm: --data-dir " + file + " is a file, not a directory"
                + System.lineSeparator());
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }
}
