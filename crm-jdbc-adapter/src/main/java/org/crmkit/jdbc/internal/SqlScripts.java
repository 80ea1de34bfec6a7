package org.crmkit.jdbc.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import java.nio.charset.StandardCharsets;

/**
 * Splits the adapter's own migration scripts into statements. Understands {@code --} line
 * comments, {@code /* *}{@code /} block comments, single-quoted literals and double-quoted
 * identifiers; a {@code ;} outside those ends a statement. Dollar quoting is not supported,
 * and not used by the scripts.
 */
public final class SqlScripts {

    private SqlScripts() {
    }

    /**
     * @param script the script; not null
     * @return its statements in order, trimmed, without comments or the ending {@code ;}; never null
     */
    public static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                current.append(' ');
            } else if (c == '\'' || c == '"') {
                int end = closing(script, i, c);
                current.append(script, i, end);
                i = end;
            } else if (c == ';') {
                add(statements, current);
                i++;
            } else {
                current.append(c);
                i++;
            }
        }
        add(statements, current);
        return statements;
    }

    /**
     * A checksum of a script's text that ignores the kind of line endings, so that a script
     * checked out on another operating system has the same checksum.
     */
    public static long checksum(String script) {
        CRC32 crc = new CRC32();
        crc.update(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** @return the index after the quote that closes the one at {@code start}; a doubled quote is escaped */
    private static int closing(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return script.length();
    }

    private static void add(List<String> statements, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            statements.add(statement);
        }
        current.setLength(0);
    }
}
