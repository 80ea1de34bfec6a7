package org.crmkit.core.analytics.transactions;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 record reader: fields separated by one delimiter character, records by CRLF,
 * LF or CR; a field may be quoted with {@code "}, a doubled quote inside stands for one. A quote
 * inside an unquoted field, text after a closing quote, or a quote left open at the end of input is
 * a {@link CsvFormatException} naming the line on which the record starts; reading then resumes
 * at the next line. In whitespace mode a record is one line, split on runs of spaces and tabs, with
 * no quoting. Not thread-safe.
 *
 * <p>The reader pulls the input through its own buffer and decodes each record into one reused
 * {@code char[]}: {@link #nextRecord} makes no object per record or field; field {@code i} of
 * the current record is {@code chars()[start(i), end(i))}.
 */
final class CsvRecords {
    /** Longest field accepted, in characters; protects against unbounded memory on bad input. */
    static final int MAX_FIELD = 1 << 16;

    private final Reader in;
    private final char delimiter;
    private final boolean whitespace;
    private final char[] buffer = new char[1 << 15];
    private int pos;
    private int limit;
    private boolean endOfInput;
    private long line = 1;
    private long recordLine;

    private char[] chars = new char[256];
    private int length;
    private int fieldStart;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int fields;

    CsvRecords(Reader in, char delimiter, boolean whitespace) {
        this.in = in;
        this.delimiter = delimiter;
        this.whitespace = whitespace;
    }

    /** @return the line on which the last returned record started */
    long recordLine() {
        return recordLine;
    }

    /** @return the number of fields of the current record */
    int fieldCount() {
        return fields;
    }

    /** @return the text of the current record; valid until the next call of {@link #nextRecord} */
    char[] chars() {
        return chars;
    }

    /** @return where field {@code i} of the current record starts in {@link #chars()} */
    int start(int i) {
        return starts[i];
    }

    /** @return where field {@code i} of the current record ends in {@link #chars()} */
    int end(int i) {
        return ends[i];
    }

    /** @return true if the current record is an empty line (one empty field) */
    boolean isEmptyLine() {
        return fields == 1 && starts[0] == ends[0];
    }

    /** @return the next record's fields, or null at end of input */
    List<String> next() throws IOException {
        if (!nextRecord()) {
            return null;
        }
        List<String> out = new ArrayList<>(fields);
        for (int i = 0; i < fields; i++) {
            out.add(new String(chars, starts[i], ends[i] - starts[i]));
        }
        return out;
    }

    /** Moves to the next record; @return false at end of input */
    boolean nextRecord() throws IOException {
        int c = read();
        if (c == -1) {
            return false;
        }
        recordLine = line;
        length = 0;
        fields = 0;
        fieldStart = 0;
        if (whitespace) {
            blankSeparated(c);
            return true;
        }
        boolean quoted = false;
        boolean afterQuote = false;
        boolean atFieldStart = true;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new CsvFormatException(recordLine, "record", "must close every quoted field", null);
                }
                if (c == '"') {
                    int d = read();
                    if (d == '"') {
                        append('"');
                    } else {
                        quoted = false;
                        afterQuote = true;
                        c = d;
                        continue;
                    }
                } else if (c == '\r') {
                    append('\r');
                    int d = read();
                    if (d == '\n') {
                        append('\n');
                    } else {
                        unread(d);
                    }
                    line++;
                } else if (c == '\n') {
                    line++;
                    append('\n');
                } else {
                    append((char) c);
                    appendRun(true);
                }
            } else if (c == -1 || c == '\n' || c == '\r') {
                if (c != -1) {
                    newline(c);
                }
                endField();
                return true;
            } else if (c == delimiter) {
                endField();
                atFieldStart = true;
                afterQuote = false;
                c = read();
                continue;
            } else if (afterQuote) {
                throw malformed("must have a delimiter right after a closing quote");
            } else if (c == '"') {
                if (!atFieldStart) {
                    throw malformed("must not have a quote inside an unquoted field");
                }
                quoted = true;
            } else {
                append((char) c);
                appendRun(false);
            }
            atFieldStart = false;
            c = read();
        }
    }

    /** One line split on runs of spaces and tabs; an empty line gives one empty field. */
    private void blankSeparated(int first) throws IOException {
        int c = first;
        while (c != -1 && c != '\n' && c != '\r') {
            append((char) c);
            c = read();
        }
        if (c != -1) {
            newline(c);
        }
        // as String.strip() and then split("[ \t]+") would
        int from = 0;
        int to = length;
        while (from < to && Character.isWhitespace(chars[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(chars[to - 1])) {
            to--;
        }
        if (from == to) {
            fieldStart = 0;
            length = 0;
            endField();
            return;
        }
        int i = from;
        while (i < to) {
            int s = i;
            while (i < to && chars[i] != ' ' && chars[i] != '\t') {
                i++;
            }
            addField(s, i);
            while (i < to && (chars[i] == ' ' || chars[i] == '\t')) {
                i++;
            }
        }
    }

    private void append(char ch) throws IOException {
        if (length - fieldStart >= MAX_FIELD) {
            throw malformed("must not have a field longer than " + MAX_FIELD + " characters");
        }
        if (length == chars.length) {
            chars = java.util.Arrays.copyOf(chars, chars.length * 2);
        }
        chars[length++] = ch;
    }

    /**
     * Appends the run of ordinary characters that follows in the buffer at once: in a quoted field
     * up to a quote or line break, else also up to a delimiter. A run that would make the field too
     * long is left to {@link #append}, so that the error comes at the same character.
     */
    private void appendRun(boolean quoted) {
        char[] b = buffer;
        int p = pos;
        int end = limit;
        if (quoted) {
            while (p < end) {
                char ch = b[p];
                if (ch == '"' || ch == '\n' || ch == '\r') {
                    break;
                }
                p++;
            }
        } else {
            char d = delimiter;
            while (p < end) {
                char ch = b[p];
                if (ch == d || ch == '"' || ch == '\n' || ch == '\r') {
                    break;
                }
                p++;
            }
        }
        int run = p - pos;
        if (run == 0 || length - fieldStart + run > MAX_FIELD) {
            return;
        }
        if (length + run > chars.length) {
            chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + run));
        }
        System.arraycopy(b, pos, chars, length, run);
        length += run;
        pos = p;
    }

    private void endField() {
        addField(fieldStart, length);
        fieldStart = length;
    }

    private void addField(int from, int to) {
        if (fields == starts.length) {
            starts = java.util.Arrays.copyOf(starts, fields * 2);
            ends = java.util.Arrays.copyOf(ends, fields * 2);
        }
        starts[fields] = from;
        ends[fields] = to;
        fields++;
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
                unread(d);
            }
        }
        line++;
    }

    private int read() throws IOException {
        if (pos < limit) {
            return buffer[pos++];
        }
        return refill();
    }

    /** Gives back the character {@link #read} just returned; the end of input needs no giving back. */
    private void unread(int c) {
        if (c != -1) {
            pos--;
        }
    }

    private int refill() throws IOException {
        if (endOfInput) {
            return -1;
        }
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            endOfInput = true;
            return -1;
        }
        pos = 1;
        limit = n;
        return buffer[0];
    }
}
