package org.crmkit.examples.cli;

/**
 * A command could not do its work for a reason the user can act on (no database to export, a
 * file that cannot be written). Reported by its message alone, with exit code
 * {@link CrmCommand#FAILURE}.
 */
final class CommandFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CommandFailure(String message) {
        super(message);
    }

    CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
