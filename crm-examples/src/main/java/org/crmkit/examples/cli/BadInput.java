package org.crmkit.examples.cli;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * An option value the tool cannot use, found after parsing (a data directory that is a file,
 * say). Reported like any usage error, with exit code {@link CrmCommand#USAGE}, but with the
 * message alone: it already says what to fix.
 */
final class BadInput extends ParameterException {
    private static final long serialVersionUID = 1L;

    BadInput(CommandLine commandLine, String message) {
        super(commandLine, message);
    }
}
