package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    @TempDir
    static Path tmp;

    private static Path file;

    @BeforeAll
    static void createAFileWhereADirectoryIsExpected() throws IOException {
        file = Files.writeString(tmp.resolve("a-file"), "x");
    }

    @AfterEach
    void forgetTheLogLevelVerboseMaySet() {
        System.clearProperty(LOG_LEVEL);
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                Arguments.of(CrmCommand.USAGE, "crm: unknown command 'bogus'", new String[] {"bogus"}),
                Arguments.of(CrmCommand.USAGE, "crm: unknown command 'exprot'; did you mean 'export' or 'example'?",
                        new String[] {"exprot"}),
                Arguments.of(CrmCommand.USAGE, "crm: missing command", new String[] {}),
                Arguments.of(CrmCommand.USAGE, "crm: Unknown option: '--colour'", new String[] {"--colour"}),
                Arguments.of(CrmCommand.USAGE, "crm: Unknown option: '--fast'", new String[] {"demo", "--fast"}),
                Arguments.of(CrmCommand.USAGE, "crm: Unmatched argument", new String[] {"demo", "again"}),
                Arguments.of(CrmCommand.USAGE, "crm: Missing required parameter for option '--data-dir'",
                        new String[] {"demo", "--data-dir"}),
                Arguments.of(CrmCommand.USAGE, "crm: --data-dir " + file + " is a file, not a directory",
                        new String[] {"demo", "--data-dir", file.toString()}),
                Arguments.of(CrmCommand.USAGE,
                        "crm: --data-dir " + file.resolve("sub") + " cannot be created: " + file + " is a file",
                        new String[] {"demo", "--data-dir", file.resolve("sub").toString()}),
                Arguments.of(CrmCommand.USAGE, "crm: --data-dir " + file + " is a file, not a directory",
                        new String[] {"export", "--data-dir", file.toString()}),
                Arguments.of(CrmCommand.USAGE, "crm: --tenant 'no spaces' must be",
                        new String[] {"export", "--tenant", "no spaces"}),
                Arguments.of(CrmCommand.USAGE, "crm: --out " + tmp + " is a directory, not a file",
                        new String[] {"export", "--out", tmp.toString()}),
                Arguments.of(CrmCommand.FAILURE, "crm: no crm database in " + tmp.resolve("none"),
                        new String[] {"export", "--data-dir", tmp.resolve("none").toString()}));
    }

    @ParameterizedTest(name = "crm {2}")
    @MethodSource("badInputs")
    void badInputGivesOneLineOnStandardErrorAndANonZeroExitCode(int exitCode, String message, String[] args) {
        Run run = Cli.crm(args);

        assertThat(run.exitCode()).isEqualTo(exitCode);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith(message).endsWith(System.lineSeparator());
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).doesNotContain("Exception", "at org.", "at picocli.");
    }

    @Test
    void verboseAddsTheStackTraceWhereverItIsGiven() {
        for (String[] args : new String[][] {
                {"--verbose", "demo", "--data-dir", file.toString()},
                {"demo", "--verbose", "--data-dir", file.toString()}}) {
            Run run = Cli.crm(args);

            assertThat(run.exitCode()).isEqualTo(CrmCommand.USAGE);
            assertThat(run.err().lines().findFirst()).hasValue(
                    "crm: --data-dir " + file + " is a file, not a directory");
            assertThat(run.err()).contains("at org.crmkit.examples.cli.DataDirectory");
        }
    }

    @Test
    void verboseReportsAFailureWithItsStackTrace() {
        Run run = Cli.crm("export", "--verbose", "--data-dir", tmp.resolve("none").toString());

        assertThat(run.exitCode()).isEqualTo(CrmCommand.FAILURE);
        assertThat(run.err().lines().count()).isGreaterThan(1);
        assertThat(run.err()).contains("CommandFailure", "at org.crmkit.examples.cli.");
    }

    @Test
    void foldsAMultiLineMessageOntoOneLine() {
        assertThat(Failures.oneLine("cannot open:\n  Database may be in use\r\n[90020]"))
                .isEqualTo("cannot open: Database may be in use [90020]");
        assertThat(Failures.oneLine(null)).isEqualTo("failed without a message");
    }
}
