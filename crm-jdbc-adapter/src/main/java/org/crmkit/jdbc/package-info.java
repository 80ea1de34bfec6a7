/**
 * crmkit's storage SPI over plain JDBC, for H2 and PostgreSQL: {@link org.crmkit.jdbc.JdbcStorage}
 * stores customers and timelines, {@link org.crmkit.jdbc.SchemaMigrator} creates and upgrades the
 * schema it needs, and {@link org.crmkit.jdbc.Dialect} names the supported databases.
 *
 * <p>Tables are prefixed {@code crm_}. Ids are native UUID columns, so queries page in the order
 * the SPI asks for (UUIDs as unsigned 128-bit numbers), by key, never by offset.
 */
package org.crmkit.jdbc;
