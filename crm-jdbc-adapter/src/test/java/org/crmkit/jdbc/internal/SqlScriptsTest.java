package org.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptsTest {

    @Test
    void splitsAtSemicolonsOutsideCommentsLiteralsAndQuotedNames() {
        String script = """
                -- a comment; not a statement
                CREATE TABLE a (x VARCHAR(10) DEFAULT 'it''s; fine');
                /* block; comment */ CREATE TABLE "b;c" (y INT);

                INSERT INTO a VALUES ('--not a comment')
                """;

        assertThat(SqlScripts.statements(script)).containsExactly(
                "CREATE TABLE a (x VARCHAR(10) DEFAULT 'it''s; fine')",
                "CREATE TABLE \"b;c\" (y INT)",
                "INSERT INTO a VALUES ('--not a comment')");
    }

    @Test
    void aScriptOfOnlyCommentsHasNoStatements() {
        assertThat(SqlScripts.statements("-- nothing\n\n/* at all */\n;\n")).isEmpty();
    }

    @Test
    void theChecksumIgnoresTheKindOfLineEndings() {
        assertThat(SqlScripts.checksum("a;\r\nb;\r\n")).isEqualTo(SqlScripts.checksum("a;\nb;\n"));
        assertThat(SqlScripts.checksum("a;\nb;\n")).isNotEqualTo(SqlScripts.checksum("a;\nc;\n"));
    }
}
