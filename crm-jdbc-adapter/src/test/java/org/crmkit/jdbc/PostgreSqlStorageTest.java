package org.crmkit.jdbc;

import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.tck.storage.StorageContract;
import org.junit.jupiter.api.BeforeAll;

/** The storage contract of {@code crm-tck} on the shared embedded PostgreSQL ({@link SharedPostgres}). */
class PostgreSqlStorageTest extends StorageContract {

    private static CrmStorage storage;

    @BeforeAll
    static void connect() {
        storage = JdbcStorage.create(SharedPostgres.migratedDataSource());
    }

    @Override
    protected CrmStorage storage() {
        return storage;
    }
}
