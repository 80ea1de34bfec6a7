package org.crmkit.core.analytics.transactions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * The record reader as it was before the buffered one (kept as the reference the differential
 * tests compare against).
 *
 * A small RFC 4180 record reader: fields separated by one delimiter character, records by CRLF,
 * LF or CR; a field may be quoted with {@code "}, a doubled quote inside stands for one. A quote
 * inside an unquoted field, text after a closing quote, or a quote left open at the end of input is
 * a {@link CsvFormatException} naming the line on which the record starts; reading then resumes
 * at the next line. In whitespace mode a record is one line, split on runs of spaces and tabs, with
 * no quoting. Not thread-safe.
 */
final class LegacyCsvRecords {
    /** Longest field accepted, in characters; protects against unbounded memory on bad input. */
    static final int MAX_FIELD = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final boolean whitespace;
    private long line = 1;
    private long recordLine;
    private int pushedBack = -2;

    LegacyCsvRecords(Reader in, char delimiter, boolean whitespace) {
        this.in = in;
        this.delimiter = delimiter;
        this.whitespace = whitespace;
    }

    /** @return the line on which the last returned record started */
    long recordLine() {
        return recordLine;
    }

    /** @return the next record's fields, or null at end of input */
    List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        if (whitespace) {
            return blankSeparated(c);
        }
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(recordLine, "record", "must close every quoted field", null);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append(field, '"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else if (c == '\r') {
                    append(field, '\r');
                    int d = read();
                    if (d == '\n') {
                        append(field, '\n');
                    } else {
                        pushedBack = d;
                    }
                    line++;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    append(field, (char) c);
                }
            } else if (c == -1 || c == '\n' || c == '\r') {
                if (c != -1) {
                    newline(c);
                }
                fields.add(field.toString());
                return fields;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                afterQuote = false;
                c = read();
                continue;
            } else if (afterQuote) {
                throw malformed("must have a delimiter right after a closing quote");
            } else if (c == '"') {
                if (!fieldStart) {
                    throw malformed("must not have a quote inside an unquoted field");
                }
                quoted = true;
            } else {
                append(field, (char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    /** One line split on runs of spaces and tabs; an empty line gives one empty field. */
    private List<String> blankSeparated(int first) throws IOException {
        StringBuilder text = new StringBuilder();
        int c = first;
        while (c != -1 && c != '\n' && c != '\r') {
            append(text, (char) c);
            c = read();
        }
        if (c != -1) {
            newline(c);
        }
        String stripped = text.toString().strip();
        return stripped.isEmpty() ? List.of("") : List.of(stripped.split("[ \t]+"));
    }

    private void append(StringBuilder field, char ch) throws IOException {
        if (field.length() >= MAX_FIELD) {
            throw malformed("must not have a field longer than " + MAX_FIELD + " characters");
        }
        field.append(ch);
    }

    /**
     * The error for a malformed record, after moving to the start of the next line so that the
     * caller may go on reading.
     */
    private CsvFormatException malformed(String rule) throws IOException {
        CsvFormatException e = new CsvFormatException(recordLine, "record", rule, null);
        int c;
        do {
            c = read();
        } while (c != -1 && c != '\n' && c != '\r');
        if (c != -1) {
            newline(c);
        }
        return e;
    }

    /** Counts a line break; a CR followed by LF is one break. */
    private void newline(int c) throws IOException {
        if (c == '\r') {
            int d = read();
            if (d != '\n') {
                pushedBack = d;
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        return in.read();
    }
}
