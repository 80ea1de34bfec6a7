package org.crmkit.core.analytics.transactions;

import org.crmkit.spi.ValidationException;

/**
 * A CSV file broke a rule at a known line. {@link #field()} is the column as named in the file's
 * header (or {@code "record"} for a malformed record, {@code "header"} for the header), and the
 * message reads {@code "line 12: amount: must be a decimal number (was '1,5')"}.
 *
 * @since 0.1
 */
public final class CsvFormatException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final long lineNumber;

    /**
     * @param lineNumber the 1-based line of the file on which the offending record starts
     * @param field      the column name, {@code "record"} or {@code "header"}; not null
     * @param rule       the broken rule; not null
     * @param rejected   the rejected text, or null to leave it out of the message
     */
    public CsvFormatException(long lineNumber, String field, String rule, String rejected) {
        super(field, rule, "line " + lineNumber + ": " + field + ": " + rule
                + (rejected == null ? "" : " (was '" + abbreviate(rejected) + "')"), true);
        this.lineNumber = lineNumber;
    }

    /** @return the 1-based line of the file on which the offending record starts */
    public long lineNumber() {
        return lineNumber;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
