package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.crmkit.core.common.Money;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The trace of one walk through the closed loop (domain §9): one element per step, in order, each
 * with the id of the record the step made and the id of the record it came from, plus a few
 * fields that show what happened; and the loop's analytics. Printed either in plain words or as
 * one JSON object ({@code docs/sales-flow.md} describes the format; teaching labs read it, so
 * keep it stable). Not thread-safe.
 */
final class LoopTrace {

    /** The version of the trace format; raised when a field is removed or changes its meaning. */
    static final int VERSION = 1;

    /** The steps of the loop, as the trace names them, in order. */
    static final List<String> STEPS = List.of("campaign", "lead", "customer", "opportunity", "quote", "order",
            "service", "self_service", "satisfaction", "club", "feedback");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode loop = JSON.createArrayNode();
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final ObjectNode analytics = JSON.createObjectNode();
    private final List<String> analyticsText = new ArrayList<>();

    private record Paragraph(String title, List<String> lines) {
    }

    /**
     * Starts the next step's element.
     *
     * @param step  the step's trace name, the next one of {@link #STEPS}
     * @param title the step's heading in text mode
     * @param id    the record the step made
     * @param from  the record it came from; null only for the campaign
     * @param at    when the step happened
     * @return the element, to add the step's fields to
     */
    ObjectNode step(String step, String title, UUID id, UUID from, Instant at) {
        if (loop.size() >= STEPS.size() || !STEPS.get(loop.size()).equals(step)) {
            throw new IllegalStateException("step " + step + " out of order after " + loop.size() + " steps");
        }
        ObjectNode e = loop.addObject();
        e.put("step", step);
        e.put("id", Objects.requireNonNull(id, "id must not be null").toString());
        if (from == null) {
            e.putNull("from");
        } else {
            e.put("from", from.toString());
        }
        e.put("at", at.toString());
        paragraphs.add(new Paragraph((loop.size()) + ". " + title, new ArrayList<>()));
        return e;
    }

    /** Adds a line in plain words to the current step. */
    void say(String line) {
        if (paragraphs.isEmpty()) {
            throw new IllegalStateException("no step started");
        }
        paragraphs.get(paragraphs.size() - 1).lines().add(line);
    }

    /** @return the object under the top-level {@code analytics} key */
    ObjectNode analytics() {
        return analytics;
    }

    /** Adds a line in plain words to the analytics. */
    void sayAnalytics(String line) {
        analyticsText.add(line);
    }

    /** @return the loop's elements so far (live) */
    ArrayNode loop() {
        return loop;
    }

    /** Prints the trace in plain words. */
    void printText(PrintWriter out) {
        for (Paragraph p : paragraphs) {
            out.println();
            out.println(p.title());
            p.lines().forEach(l -> out.println("   " + l));
        }
        out.println();
        out.println("What the loop adds up to (SalesFlowAnalytics)");
        analyticsText.forEach(l -> out.println("   " + l));
    }

    /** Writes the trace into {@code doc} under {@code loop} and {@code analytics}. */
    void writeJson(ObjectNode doc) {
        doc.set("loop", loop);
        doc.set("analytics", analytics);
    }

    static ObjectMapper mapper() {
        return JSON;
    }

    /** @return money as {@code {"amount":"1234.50","currency":"EUR"}}, the amount exact at the currency's scale */
    static ObjectNode money(Money m) {
        ObjectNode n = JSON.createObjectNode();
        n.put("amount", m.amount().toPlainString());
        n.put("currency", m.currencyCode());
        return n;
    }

    /** @return a decimal as exact text, or null */
    static JsonNode decimal(BigDecimal d) {
        return d == null ? JSON.nullNode() : JSON.getNodeFactory().textNode(d.toPlainString());
    }

    /**
     * @return the last eight characters of an id, for text mode (the ids are time-ordered, so their
     *         first characters are alike and their last ones tell them apart)
     */
    static String shortId(Object id) {
        String s = String.valueOf(id);
        return s.length() > 8 ? "..." + s.substring(s.length() - 8) : s;
    }
}
