/**
 * The schema migration scripts of the {@link org.crmkit.jdbc.Dialect#H2} dialect, as
 * class-path resources named the Flyway way ({@code V<version>__<description>.sql}). This package
 * holds no classes; it is opened so that a host's migration tool can read the scripts.
 */
package org.crmkit.jdbc.migration.h2;
