package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ExportCommandTest {

    @TempDir
    static Path dataDir;

    @TempDir
    Path tmp;

    @BeforeAll
    static void playTheDemoOnce() {
        Run run = Cli.demo(dataDir);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void exportsEveryCustomerWithItsTimelineAsOneJsonDocument() {
        Run run = Cli.crm("export", "--data-dir", dataDir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode doc = run.json();
        assertThat(doc.get("format").asInt()).isEqualTo(1);
        assertThat(doc.get("tenant").asText()).isEqualTo("demo");
        assertIsInstant(doc.get("exportedAt"));
        assertThat(doc.get("customerCount").asInt()).isEqualTo(5);
        JsonNode customers = doc.get("customers");
        assertThat(customers.isArray()).isTrue();
        assertThat(customers.size()).isEqualTo(5);

        List<String> types = new ArrayList<>();
        int entries = 0;
        for (JsonNode c : customers) {
            types.add(c.get("type").asText());
            assertThat(c.fieldNames()).toIterable().contains("id", "version", "type", "name", "organisation",
                    "relationshipLevel", "lifecycleStage", "owner", "ownerHistory", "contactPoints",
                    "postalAddresses", "attributes", "consents", "createdAt", "updatedAt", "timeline");
            assertIsInstant(c.get("createdAt"));
            assertThat(c.get("timeline").get(0).get("kind").asText()).isEqualTo("REGISTERED");
            for (JsonNode e : c.get("timeline")) {
                assertIsInstant(e.get("occurredAt"));
                assertThat(e.get("summary").asText()).isNotBlank();
                entries++;
            }
        }
        assertThat(types).containsExactlyInAnyOrder("B2C", "B2C", "B2B", "CHANNEL", "INTERNAL");
        assertThat(doc.get("timelineEntryCount").asInt()).isEqualTo(entries);

        JsonNode li = byName(customers, "Li Wei");
        assertThat(li.get("organisation").isNull()).isTrue();
        assertThat(li.get("owner").asText()).isEqualTo("wang.fang");
        assertThat(li.get("ownerHistory").size()).isEqualTo(2);
        assertThat(li.get("ownerHistory").get(0).get("owner").asText()).isEqualTo("zhang.min");
        assertIsInstant(li.get("ownerHistory").get(0).get("until"));
        assertThat(li.get("ownerHistory").get(1).get("until").isNull()).isTrue();
        assertThat(kinds(li)).contains("INTERACTION", "OWNER_REASSIGNED", "MESSAGE_SENT", "LIFECYCLE_STAGE_CHANGED");
        assertThat(li.get("attributes").findValuesAsText("category"))
                .contains("EXTERNAL", "INTERNAL", "CONSUMPTION");

        JsonNode anna = byName(customers, "Anna Schmidt");
        assertThat(anna.get("consents").findValuesAsText("status")).containsExactly("GRANTED", "WITHDRAWN");
        assertThat(kinds(anna)).contains("CONSENT_WITHDRAWN", "MESSAGE_REFUSED");

        JsonNode huadong = byName(customers, "Huadong Logistics");
        assertThat(huadong.get("organisation").get("legalName").asText()).isEqualTo("Huadong Logistics Co., Ltd.");
        assertThat(huadong.get("relationshipLevel").asText()).isEqualTo("PARTNERSHIP");
    }

    @Test
    void writesToAFileAndSaysWhatItWrote() throws Exception {
        Path file = tmp.resolve("customers.json");

        Run run = Cli.crm("export", "--data-dir", dataDir.toString(), "--out", file.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Exported 5 customers of tenant \"demo\" with ").contains(file.toString());
        JsonNode doc = new ObjectMapper().readTree(Files.readString(file));
        assertThat(doc.get("customers").size()).isEqualTo(5);
    }

    @Test
    void anotherTenantSeesNoneOfTheDemoCustomers() {
        Run run = Cli.crm("export", "--data-dir", dataDir.toString(), "--tenant", "acme");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.json().get("customerCount").asInt()).isZero();
        assertThat(run.json().get("customers").size()).isZero();
    }

    @Test
    void failsInOneLineWhenTheDataDirectoryHasNoDatabase() {
        Path empty = tmp.resolve("empty");

        Run run = Cli.crm("export", "--data-dir", empty.toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertThat(run.err()).isEqualTo("crm: no crm database in " + empty + "; run 'crm demo --data-dir " + empty
                + "' first" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(empty).doesNotExist();
    }

    private static JsonNode byName(JsonNode customers, String name) {
        for (JsonNode c : customers) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no customer named " + name);
    }

    private static List<String> kinds(JsonNode customer) {
        return customer.get("timeline").findValuesAsText("kind");
    }

    private static void assertIsInstant(JsonNode node) {
        assertThat(node.isTextual()).as("%s is a string", node).isTrue();
        assertThatCode(() -> Instant.parse(node.asText())).doesNotThrowAnyException();
    }

    @Test
    void exportDoesNotMigrateADatabaseWithoutTheSchema() throws Exception {
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + bare.resolve("crm"), "sa", "")) {
            c.createStatement().execute("CREATE TABLE unrelated (id INT)");
        }

        Run run = Cli.crm("export", "--data-dir", bare.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").contains("has schema version 0")
                .contains("run 'crm demo --data-dir");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(
                "jdbc:h2:file:" + bare.resolve("crm"), "sa", "")) {
            assertThat(c.getMetaData().getTables(null, null, "CRM_CUSTOMER", null).next()).isFalse();
        }
    }
}
