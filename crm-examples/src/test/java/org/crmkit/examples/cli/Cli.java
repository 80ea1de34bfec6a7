package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** Runs {@code crm} in-process, capturing what it prints. */
final class Cli {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cli() {
    }

    /** What one run of {@code crm} did. */
    record Run(int exitCode, String out, String err) {

        /** @return the standard output read as JSON */
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Run crm(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = CrmCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static Run demo(Path dataDir) {
        return crm("demo", "--data-dir", dataDir.toString());
    }

    /** @return the export of the tenant "demo" in {@code dataDir}, parsed */
    static JsonNode export(Path dataDir) {
        Run run = crm("export", "--data-dir", dataDir.toString());
        if (run.exitCode() != 0) {
            throw new AssertionError("export failed: " + run.err());
        }
        return run.json();
    }
}
