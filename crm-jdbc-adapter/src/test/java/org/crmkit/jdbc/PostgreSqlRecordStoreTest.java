package org.crmkit.jdbc;

import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.tck.storage.RecordStoreContract;
import org.junit.jupiter.api.BeforeAll;

/** The record-store contract of {@code crm-tck} on the shared embedded PostgreSQL ({@link SharedPostgres}). */
class PostgreSqlRecordStoreTest extends RecordStoreContract {

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
