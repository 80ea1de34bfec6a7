/**
 * crmkit storage over plain JDBC, for H2 and PostgreSQL.
 *
 * <p>Start with {@link org.crmkit.jdbc.JdbcStorage#create(javax.sql.DataSource)} and create the schema
 * with {@link org.crmkit.jdbc.SchemaMigrator}. The migration scripts are resources of the packages
 * {@code org.crmkit.jdbc.migration.h2} and {@code org.crmkit.jdbc.migration.postgresql}, opened so that
 * a host's own migration tool can read them.
 */
module org.crmkit.jdbc {
    requires transitive org.crmkit.spi;
    requires transitive java.sql;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;

    exports org.crmkit.jdbc;

    opens org.crmkit.jdbc.migration.h2;
    opens org.crmkit.jdbc.migration.postgresql;
}
