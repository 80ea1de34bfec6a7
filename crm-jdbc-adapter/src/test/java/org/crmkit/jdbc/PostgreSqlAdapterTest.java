package org.crmkit.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGSimpleDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The adapter's own tests on an embedded PostgreSQL, a new database for each test. */
class PostgreSqlAdapterTest extends JdbcAdapterContract {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected DataSource freshDatabase() throws SQLException {
        String name = "adapter_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                PreparedStatement create = connection.prepareStatement("CREATE DATABASE " + name)) {
            create.execute();
        }
        return postgres.getDatabase("postgres", name);
    }

    @Override
    protected Dialect dialect() {
        return Dialect.POSTGRESQL;
    }

    @Override
    protected DataSource unreachableDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {1});
        dataSource.setDatabaseName("nowhere");
        dataSource.setUser("postgres");
        dataSource.setConnectTimeout(2);
        return dataSource;
    }

    @Override
    protected String unreachableSqlState() {
        return "08001"; // sqlclient_unable_to_establish_sqlconnection
    }
}
