package org.crmkit.examples.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.crmkit.spi.CrmException;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports what went wrong as one line on standard error, with the stack trace only under
 * {@code --verbose}, and chooses the exit code: {@link CrmCommand#USAGE} for bad usage,
 * {@link CrmCommand#FAILURE} for everything else.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {

    private static final String VERBOSE = "--verbose";

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String message = oneLine(unknownCommand(ex).orElse(ex.getMessage()));
        if (!(ex instanceof BadInput)) {
            message = message + suggestion(ex) + " (see '" + command.getCommandSpec().qualifiedName() + " --help')";
        }
        report(command.getErr(), message, ex, Arrays.asList(args).contains(VERBOSE));
        return CrmCommand.USAGE;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
        String message;
        if (ex instanceof CrmException || ex instanceof CommandFailure) {
            message = oneLine(ex.getMessage());
        } else {
            message = "unexpected " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage()))
                    + " (run with --verbose for the stack trace)";
        }
        report(command.getErr(), message, ex, verbose(parseResult));
        return CrmCommand.FAILURE;
    }

    private static void report(PrintWriter err, String message, Exception ex, boolean verbose) {
        err.println("crm: " + message);
        if (verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
    }

    /** Picocli calls an unknown command an unmatched argument; say what it is. */
    private static Optional<String> unknownCommand(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched && !ex.getCommandLine().getSubcommands().isEmpty()
                && ex.getCommandLine().getParseResult() != null
                && ex.getCommandLine().getParseResult().subcommand() == null) {
            List<String> args = unmatched.getUnmatched();
            if (!args.isEmpty() && !args.get(0).startsWith("-")) {
                return Optional.of("unknown command '" + args.get(0) + "'");
            }
        }
        return Optional.empty();
    }

    private static String suggestion(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException unmatched) {
            List<String> suggestions = unmatched.getSuggestions();
            if (!suggestions.isEmpty()) {
                return "; did you mean '" + String.join("' or '", suggestions) + "'?";
            }
        }
        return "";
    }

    /** Whether {@code --verbose} was given to the command or any of its subcommands. */
    static boolean verbose(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(VERBOSE)) {
                return true;
            }
        }
        return false;
    }

    /** Folds a message onto one line, so that a multi-line database message keeps the promise. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "failed without a message";
        }
        return message.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
