package org.crmkit.jdbc;

import java.util.UUID;

import org.crmkit.spi.storage.CrmStorage;
import org.crmkit.tck.storage.RecordStoreContract;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;

/** The record-store contract of {@code crm-tck} on H2 in memory, one database for the whole class. */
class H2RecordStoreTest extends RecordStoreContract {

    private static CrmStorage storage;

    @BeforeAll
    static void createDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:records-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        SchemaMigrator.create(dataSource, Dialect.H2).migrate();
        storage = JdbcStorage.create(dataSource);
    }

    @Override
    protected CrmStorage storage() {
        return storage;
    }
}
