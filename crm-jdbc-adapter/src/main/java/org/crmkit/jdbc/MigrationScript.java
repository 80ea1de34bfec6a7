package org.crmkit.jdbc;

import java.util.Objects;

/**
 * One schema migration script shipped in this jar, for one {@link Dialect}.
 *
 * <p>Scripts are named the Flyway way, {@code V<version>__<description>.sql}, and live in the
 * class-path folder {@link Dialect#migrationLocation()}; for example
 * {@code org/crmkit/jdbc/migration/postgresql/V1__crm_schema.sql}. A host that runs its own
 * migration tool can apply {@link #sql()} itself, in ascending order of {@link #version()}.
 *
 * <p>This record is immutable and thread-safe.
 *
 * @param dialect     the database the script is written for; not null
 * @param version     the schema version the script migrates to, 1 or more
 * @param description the description part of the file name, for example {@code "crm_schema"}; not blank
 * @param sql         the script's text, SQL statements separated by {@code ;}; not blank
 * @since 0.1
 */
public record MigrationScript(Dialect dialect, int version, String description, String sql) {

    /**
     * @param dialect     the database the script is written for; not null
     * @param version     the schema version the script migrates to, 1 or more
     * @param description the description part of the file name; not blank
     * @param sql         the script's text; not blank
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code version} is below 1 or a text is blank
     */
    public MigrationScript {
        Objects.requireNonNull(dialect, "dialect must not be null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1 (was " + version + ")");
        }
        Objects.requireNonNull(description, "description must not be null");
        Objects.requireNonNull(sql, "sql must not be null");
        if (description.isBlank() || sql.isBlank()) {
            throw new IllegalArgumentException("description and sql must not be blank");
        }
    }

    /** @return the file name, for example {@code "V1__crm_schema.sql"}; never null */
    public String fileName() {
        return fileName(version, description);
    }

    /**
     * @return the class-path resource path, without a leading slash, for example
     *         {@code "org/crmkit/jdbc/migration/h2/V1__crm_schema.sql"}; never null
     */
    public String resourcePath() {
        return dialect.migrationLocation() + "/" + fileName();
    }

    static String fileName(int version, String description) {
        return "V" + version + "__" + description + ".sql";
    }
}
