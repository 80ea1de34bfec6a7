package org.crmkit.jdbc;

import java.util.UUID;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;

/** The adapter's own tests on H2 in memory, a new database for each test. */
class H2AdapterTest extends JdbcAdapterContract {

    @Override
    protected DataSource freshDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:adapter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }

    @Override
    protected Dialect dialect() {
        return Dialect.H2;
    }

    @Override
    protected DataSource unreachableDatabase() {
        JdbcDataSource dataSource = new JdbcDataSource();
        // A TCP server that is not running: refused at once.
        dataSource.setURL("jdbc:h2:tcp://127.0.0.1:1/mem:nowhere");
        return dataSource;
    }

    @Override
    protected String unreachableSqlState() {
        return "90067"; // H2's own code for a connection that cannot be made
    }
}
