package org.crmkit.core.analytics.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.spi.ValidationException;

/**
 * A small, strict JSON (RFC 8259) reader and writer, limited to what segment definitions need.
 * Values are {@code Map<String, Object>} (insertion order, duplicate keys refused),
 * {@code List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean} and {@link #NULL}.
 *
 * <p>Strict means: one value per text, surrounded only by JSON whitespace; no comments, trailing
 * commas, single quotes, leading zeros, {@code NaN} or unescaped control characters; nesting at most
 * {@value #MAX_DEPTH} deep and at most {@value #MAX_LENGTH} characters. Every refusal is a
 * {@link ValidationException} on field {@code json} whose rule names line, column and offset.
 */
final class Json {

    /** The JSON {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 100;

    /** The longest text accepted, in chars. */
    static final int MAX_LENGTH = 1_000_000;

    /** The most digits and exponent characters of one number. */
    private static final int MAX_NUMBER_CHARS = 400;

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /**
     * Reads one JSON value.
     *
     * @param text the JSON text; not null
     * @return the value as described in the class comment
     * @throws ValidationException on field {@code json} if the text is not strict JSON
     */
    static Object read(String text) {
        if (text == null) {
            throw new ValidationException("json", "must not be null");
        }
        if (text.length() > MAX_LENGTH) {
            throw new ValidationException("json", "must be at most " + MAX_LENGTH + " characters");
        }
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("expected the end of the text after the value");
        }
        return value;
    }

    private Object value(int depth) {
        if (pos >= text.length()) {
            throw error("expected a value but the text ended");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value but found " + describe(c));
            }
        };
    }

    private Map<String, Object> object(int depth) {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name in double quotes");
            }
            int keyStart = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth);
            if (members.putIfAbsent(key, v) != null) {
                pos = keyStart;
                throw error("duplicate member name \"" + abbreviate(key) + "\"");
            }
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return Collections.unmodifiableMap(members);
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array(int depth) {
        checkDepth(depth);
        pos++; // '['
        List<Object> items = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return Collections.unmodifiableList(items);
        }
        while (true) {
            skipWhitespace();
            items.add(value(depth));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return Collections.unmodifiableList(items);
            } else {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return sb.toString();
            }
            if (c < 0x20) {
                throw error("control character U+" + hex(c) + " must be escaped in a string");
            }
            if (c != '\\') {
                sb.append(c);
                pos++;
                continue;
            }
            if (pos + 1 >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 6 > text.length()) {
                        throw error("\\u must be followed by four hexadecimal digits");
                    }
                    int code = 0;
                    for (int i = pos + 2; i < pos + 6; i++) {
                        int d = Character.digit(text.charAt(i), 16);
                        if (d < 0 || text.charAt(i) > 'f') {
                            throw error("\\u must be followed by four hexadecimal digits");
                        }
                        code = code * 16 + d;
                    }
                    sb.append((char) code);
                    pos += 4;
                }
                default -> throw error("unknown escape \\" + (e < 0x20 ? "U+" + hex(e) : String.valueOf(e)));
            }
            pos += 2;
        }
    }

    private BigDecimal number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                pos = start;
                throw error("a number must not have a leading zero");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit after '-'");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String literal = text.substring(start, pos);
        if (literal.length() > MAX_NUMBER_CHARS) {
            pos = start;
            throw error("a number must be at most " + MAX_NUMBER_CHARS + " characters long");
        }
        try {
            return new BigDecimal(literal);
        } catch (NumberFormatException | ArithmeticException e) {
            pos = start;
            throw error("number out of range");
        }
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("expected a value but found " + describe(text.charAt(pos)));
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** @return the char at the position, or U+FFFF at the end (never valid JSON structure) */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\uFFFF';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else {
                return;
            }
        }
    }

    private void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private ValidationException error(String what) {
        int line = 1;
        int column = 1;
        int end = Math.min(pos, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String where = pos >= text.length() ? "at the end (line " + line + ", column " + column + ")"
                : "at line " + line + ", column " + column + " (offset " + pos + ")";
        return new ValidationException("json", what + " " + where);
    }

    private static String describe(char c) {
        return c < 0x20 || c > 0x7e ? "U+" + hex(c) : "'" + c + "'";
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    // ---------------------------------------------------------------------------------------------- writing

    /**
     * Writes a value built from the types the reader returns, with two-space indentation.
     * Strings escape quotes, backslashes, control characters and unpaired surrogates.
     *
     * @param value the value; not null
     * @return the JSON text
     */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object value, StringBuilder sb, int indent) {
        if (value == NULL) {
            sb.append("null");
        } else if (value instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (value instanceof BigDecimal n) {
            sb.append(n.toPlainString());
        } else if (value instanceof String s) {
            writeString(s, sb);
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                sb.append("[]");
                return;
            }
            boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof List);
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    sb.append(flat ? ", " : ",");
                }
                if (!flat) {
                    newline(sb, indent + 1);
                }
                write(list.get(i), sb, indent + 1);
            }
            if (!flat) {
                newline(sb, indent);
            }
            sb.append(']');
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent + 1);
                writeString((String) e.getKey(), sb);
                sb.append(": ");
                write(e.getValue(), sb, indent + 1);
            }
            newline(sb, indent);
            sb.append('}');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void newline(StringBuilder sb, int indent) {
        sb.append('\n');
        sb.append("  ".repeat(indent));
    }

    private static void writeString(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (pairedHigh) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c)) {
                        sb.append("\\u").append(hex(c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
