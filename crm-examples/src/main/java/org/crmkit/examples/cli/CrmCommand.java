package org.crmkit.examples.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code crm} command-line tool: runs a demonstration of crmkit against an embedded H2
 * database ({@code crm demo}) and exports what is stored as JSON ({@code crm export}).
 *
 * <p>Exit codes: 0 when the command succeeded, 2 for a usage error (an unknown option or command,
 * a bad option value), 1 for any other failure. Errors are reported on standard error as one line
 * starting with {@code crm:}; {@code --verbose} adds the stack trace.
 *
 * <p>Embed it with {@link #newCommandLine()}, which installs the error handling; {@link #main}
 * runs it and exits the JVM.
 *
 * @since 0.1
 */
@Command(name = "crm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "crmkit's command-line tool: a guided demo of an embedded CRM and its closed sales loop, a JSON"
                + " export, customer analytics (RFM, ABC, lifetime-value models) over a transactions file, and"
                + " satisfaction scores (NPS, CSAT, SERVQUAL) over survey answers, and the four cases of the CRM course"
                + " (Suning, Tiandi, property management, e-commerce) run with the library.",
        subcommands = {DemoCommand.class, ExportCommand.class, AnalyzeCommand.class, SurveyCommand.class,
                GenerateTransactionsCommand.class, ExampleCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage error.",
                "Run 'crm demo' first, then 'crm export' to see what it stored."})
public final class CrmCommand implements Callable<Integer> {

    /** Exit code of a command that succeeded. */
    public static final int OK = 0;
    /** Exit code of a command that failed for a reason other than bad usage. */
    public static final int FAILURE = 1;
    /** Exit code of a command given an unknown option, command or bad option value. */
    public static final int USAGE = 2;

    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Report failures with their stack trace and show the library's log messages.")
    private boolean verbose;

    /** Creates the command; picocli fills in the options. */
    public CrmCommand() {
        // picocli instantiates commands reflectively
    }

    /**
     * Runs the tool and exits the JVM with its exit code.
     *
     * @param args the command-line arguments
     */
    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /**
     * A command line for {@code crm} with its error handling installed: call
     * {@link CommandLine#execute(String...)} on it. Set its output and error writers first to
     * capture what it prints.
     *
     * @return a new, unused command line; never null
     */
    public static CommandLine newCommandLine() {
        CommandLine commandLine = new CommandLine(new CrmCommand());
        Failures failures = new Failures();
        commandLine.setParameterExceptionHandler(failures);
        commandLine.setExecutionExceptionHandler(failures);
        commandLine.setExitCodeExceptionMapper(e -> FAILURE);
        return commandLine;
    }

    /** Without a subcommand there is nothing to do: that is a usage error. */
    @Override
    public Integer call() {
        throw new BadInput(spec.commandLine(), "missing command: give 'demo', 'export', 'analyze', 'survey', 'generate-transactions' or 'example' (see 'crm --help')");
    }
}
