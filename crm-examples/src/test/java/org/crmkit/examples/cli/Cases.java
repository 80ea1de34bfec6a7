package org.crmkit.examples.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.crmkit.examples.cli.Cli.Run;

import com.fasterxml.jackson.databind.JsonNode;

/** Runs a case of {@code crm example} and reads its JSON. */
final class Cases {

    private Cases() {
    }

    /** @return the JSON of {@code crm example <name> --format json}, after checking it succeeded */
    static JsonNode run(String name) {
        Run run = Cli.crm("example", name, "--format", "json");
        if (run.exitCode() != 0) {
            throw new AssertionError("crm example " + name + " failed: " + run.err());
        }
        return run.json();
    }

    /** @return the step with that key */
    static JsonNode step(JsonNode doc, String key) {
        for (JsonNode s : doc.get("steps")) {
            if (s.get("step").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no step " + key + " in " + stepKeys(doc));
    }

    /** @return the keys of the steps, in order */
    static List<String> stepKeys(JsonNode doc) {
        List<String> keys = new ArrayList<>();
        doc.get("steps").forEach(s -> keys.add(s.get("step").asText()));
        return keys;
    }

    /** @return the amount of a {@code {"amount":..., "currency":...}} node */
    static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.get("amount").asText());
    }

    /** @return the texts of an array node */
    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
