package org.crmkit.examples.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Turns the library's log messages on under {@code --verbose}; {@code simplelogger.properties} keeps them quiet otherwise. */
final class Logging {

    private static final String LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Logging() {
    }

    /**
     * Lowers slf4j-simple's level to {@code info} if {@code --verbose} was given. Takes effect only
     * before the first logger is created, which in the tool is the case: commands call this first.
     */
    static void configure(CommandSpec spec) {
        if (Failures.verbose(spec.root().commandLine().getParseResult()) && System.getProperty(LEVEL) == null) {
            System.setProperty(LEVEL, "info");
        }
    }
}
