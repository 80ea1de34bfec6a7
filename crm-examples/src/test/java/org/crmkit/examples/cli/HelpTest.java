package org.crmkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.examples.cli.Cli.Run;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelpTest {

    @ParameterizedTest(name = "crm {0}")
    @CsvSource(delimiter = '|', textBlock = """
            --help              | Usage: crm [-hV] [--verbose] [COMMAND]
            -h                  | Commands:
            help                | demo
            demo --help         | Usage: crm demo
            help demo           | --in-memory
            export --help       | Usage: crm export
            export -h           | --out=FILE
            help export         | --tenant=TENANT
            """)
    void everyCommandExplainsItselfAndSucceeds(String args, String expected) {
        Run run = Cli.crm(args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(expected);
        assertThat(run.err()).isEmpty();
    }

    @ParameterizedTest(name = "crm {0}")
    @CsvSource({"--version", "demo --version", "export -V"})
    void everyCommandTellsItsVersion(String args) {
        Run run = Cli.crm(args.split(" "));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("crm (crmkit) ");
    }
}
