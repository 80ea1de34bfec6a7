package org.crmkit.jdbc;

import java.io.IOException;

import javax.sql.DataSource;

import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.tck.storage.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The storage contract of {@code crm-tck} on an embedded PostgreSQL, one database for the whole class. */
class PostgreSqlStorageTest extends StorageContract {

    private static EmbeddedPostgres postgres;
    private static CrmStorage storage;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
        DataSource dataSource = postgres.getPostgresDatabase();
        SchemaMigrator.create(dataSource, Dialect.POSTGRESQL).migrate();
        storage = JdbcStorage.create(dataSource);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected CrmStorage storage() {
        return storage;
    }
}
