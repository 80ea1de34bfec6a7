package org.crmkit.core.satisfaction.scoring;

import org.crmkit.spi.ValidationException;

/**
 * A survey file broke a rule at a known line. {@link #field()} is the column as the file's header
 * names it ({@code "record"} for a malformed record, {@code "header"} for the header), and the message
 * starts with the line, for example {@code "line 7: score 11 is outside 0..10"}.
 *
 * @since 0.1
 */
public final class SurveyCsvException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    /**
     * @param lineNumber the 1-based line of the file on which the offending record starts
     * @param column     the column name, {@code "record"} or {@code "header"}; not null
     * @param rule       the broken rule, for example {@code "is outside 0..10"}; not null
     * @param message    what is wrong, without the line, for example {@code "score 11 is outside 0..10"};
     *                   not null
     */
    public SurveyCsvException(long lineNumber, String column, String rule, String message) {
        super(column, rule, "line " + lineNumber + ": " + message, true);
        this.lineNumber = lineNumber;
    }

    /** @return the 1-based line of the file on which the offending record starts */
    public long lineNumber() {
        return lineNumber;
    }
}
