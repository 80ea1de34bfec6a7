package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What one run of a case of domain §14 showed ({@code crm example <case>}): the case's steps in
 * order, each with its heading, the lines that tell it in plain words and the fields that show it
 * as data, and the case's key figures. Printed either in plain words or as one JSON object;
 * {@code docs/cases.md} describes the format (keep it stable). Not thread-safe.
 */
final class CaseTrace {

    /** The version of the format; raised when a key is removed or changes its meaning. */
    static final int VERSION = 1;

    private final ObjectNode doc = LoopTrace.mapper().createObjectNode();
    private final ArrayNode steps;
    private final ObjectNode figures;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final List<String> figureLines = new ArrayList<>();
    private final String title;
    private final String setting;

    private record Paragraph(String title, List<String> lines) {
    }

    /**
     * @param caseName the case's name on the command line, for example {@code "suning"}
     * @param title    the case's title
     * @param setting  one sentence on the setting the case builds
     * @param tenant   the tenant the case runs in
     * @param start    when the case's clock starts
     * @param sections the domain sections the case shows, §14 first
     */
    CaseTrace(String caseName, String title, String setting, String tenant, Instant start, List<String> sections) {
        this.title = Objects.requireNonNull(title, "title must not be null");
        this.setting = Objects.requireNonNull(setting, "setting must not be null");
        doc.put("traceVersion", VERSION);
        doc.put("case", caseName);
        doc.put("title", title);
        doc.put("setting", setting);
        doc.put("tenant", tenant);
        doc.put("clockStart", start.toString());
        ArrayNode domain = doc.putArray("domainSections");
        sections.forEach(domain::add);
        steps = doc.putArray("steps");
        figures = doc.putObject("figures");
    }

    /**
     * Starts the next step.
     *
     * @param step  the step's key, unique within the case, lower case with underscores
     * @param title the step's heading in text mode
     * @param at    when the step ended (the case's clock)
     * @return the step's element, to add its fields to
     */
    ObjectNode step(String step, String title, Instant at) {
        for (var e : steps) {
            if (e.get("step").asText().equals(step)) {
                throw new IllegalStateException("step " + step + " twice");
            }
        }
        ObjectNode e = steps.addObject();
        e.put("step", step);
        e.put("title", title);
        e.put("at", at.toString());
        paragraphs.add(new Paragraph((paragraphs.size() + 1) + ". " + title, new ArrayList<>()));
        return e;
    }

    /** Adds a line in plain words to the current step. */
    void say(String line) {
        if (paragraphs.isEmpty()) {
            throw new IllegalStateException("no step started");
        }
        paragraphs.get(paragraphs.size() - 1).lines().add(line);
    }

    /** @return the object under the top-level {@code figures} key: the case's key figures */
    ObjectNode figures() {
        return figures;
    }

    /** Adds a line in plain words to the key figures. */
    void sayFigure(String line) {
        figureLines.add(line);
    }

    /** Prints the case in plain words. */
    void printText(PrintWriter out, String header) {
        out.println(header);
        out.println("   " + setting);
        for (Paragraph p : paragraphs) {
            out.println();
            out.println(p.title());
            p.lines().forEach(l -> out.println("   " + l));
        }
        out.println();
        out.println("Key figures");
        figureLines.forEach(l -> out.println("   " + l));
    }

    /** @return the whole trace as one JSON object (live) */
    ObjectNode json() {
        return doc;
    }

    /** @return the case's title */
    String title() {
        return title;
    }
}
