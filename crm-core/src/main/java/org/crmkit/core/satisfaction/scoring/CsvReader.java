package org.crmkit.core.satisfaction.scoring;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 record reader: fields separated by commas, records by CRLF, LF or CR; a field
 * may be quoted with {@code "}, a doubled quote inside standing for one, and may then hold commas and
 * line breaks. A leading byte-order mark is skipped. Errors name the line on which the record starts.
 * Not thread-safe.
 */
final class CsvReader {
    /** Longest field accepted, in characters; protects against unbounded memory on bad input. */
    static final int MAX_FIELD = 1 << 16;

    private final Reader in;
    private long line = 1;
    private long recordLine;
    private int pushedBack = -2;
    private boolean started;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** @return the line on which the last returned record started */
    long recordLine() {
        return recordLine;
    }

    /** @return the next record's fields, or null at end of input */
    List<String> next() throws IOException {
        int c = read();
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new SurveyCsvException(recordLine, "record", "must close every quoted field",
                            "record has a quoted field that is never closed");
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
                } else {
                    if (c == '\n' || (c == '\r' && peekNot('\n'))) {
                        line++;
                    }
                    append(field, (char) c);
                }
                c = read();
                continue;
            }
            if (c == -1 || c == '\n' || c == '\r') {
                fields.add(field.toString());
                if (c == '\r') {
                    int d = read();
                    if (d != '\n') {
                        pushedBack = d;
                    }
                }
                if (c != -1) {
                    line++;
                }
                return fields;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStart = true;
                c = read();
                continue;
            }
            if (afterQuote) {
                throw skipRest("must not have text after the closing quote of a field",
                        "record has text after the closing quote of a field");
            }
            if (c == '"') {
                if (!fieldStart) {
                    throw skipRest("must quote the whole field", "record has a quote inside an unquoted field");
                }
                quoted = true;
            } else {
                append(field, (char) c);
            }
            fieldStart = false;
            c = read();
        }
    }

    private void append(StringBuilder field, char c) {
        if (field.length() >= MAX_FIELD) {
            throw new SurveyCsvException(recordLine, "record", "fields must not exceed " + MAX_FIELD + " characters",
                    "record has a field longer than " + MAX_FIELD + " characters");
        }
        field.append(c);
    }

    private SurveyCsvException skipRest(String rule, String message) {
        return new SurveyCsvException(recordLine, "record", rule, message);
    }

    private boolean peekNot(char expected) throws IOException {
        int d = read();
        pushedBack = d;
        return d != expected;
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
