package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerType;
import org.crmkit.core.customer.RegisterCustomer;
import org.crmkit.core.messaging.SendResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps the README's code the code of {@link EmbeddingExample}, which compiles and runs here. */
class ReadmeExampleTest {
    private static final Path SOURCE = Path.of("src/main/java/org/crmkit/examples/EmbeddingExample.java");
    private static final Path README = Path.of("../README.md");

    @ParameterizedTest
    @ValueSource(strings = {"in-memory", "jdbc"})
    void theReadmeQuotesTheTaggedRegionVerbatim(String tag) throws IOException {
        String region = region(Files.readString(SOURCE, StandardCharsets.UTF_8), tag);
        assertThat(region).isNotBlank();
        assertThat(Files.readString(README, StandardCharsets.UTF_8)).contains(region);
    }

    @Test
    void theInMemoryExampleSendsTheMessage() {
        SendResult result = EmbeddingExample.inMemory();
        assertThat(result.sent()).isTrue();
    }

    @Test
    void theJdbcExampleStoresCustomers() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:readme-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Crm crm = EmbeddingExample.overJdbc(ds);
        crm.customers("acme").register(RegisterCustomer.builder(CustomerType.B2C, "Li Wei", "alice").build());
        assertThat(EmbeddingExample.overJdbc(ds).customers("acme").findByEmail("nobody@example.com")).isEmpty();
        assertThat(crm.customers("acme").count(org.crmkit.core.customer.CustomerFilter.all())).isEqualTo(1);
    }

    /** The lines between the tag markers, with their common indentation removed. */
    static String region(String source, String tag) {
        List<String> lines = source.lines().toList();
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("// tag::" + tag + "[]")) {
                start = i + 1;
            } else if (lines.get(i).strip().equals("// end::" + tag + "[]")) {
                end = i;
            }
        }
        assertThat(start).as("tag %s in %s", tag, SOURCE).isPositive();
        assertThat(end).as("end of tag %s", tag).isGreaterThan(start);
        List<String> region = lines.subList(start, end);
        int indent = region.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", region.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).toList());
    }
}
