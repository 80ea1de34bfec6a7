package org.crmkit.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * Wraps a data source to count the connections it has handed out and not yet had closed, to see
 * the auto-commit mode a connection is closed with, to make commit or rollback fail, and to run
 * a hook before each statement is prepared.
 */
final class CountingDataSource implements DataSource {

    private final DataSource delegate;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger closedWithManualCommit = new AtomicInteger();
    volatile boolean failCommit;
    volatile boolean failRollback;
    /** Runs with the SQL of every statement about to be prepared on one of these connections. */
    volatile Consumer<String> beforePrepare = sql -> { };

    CountingDataSource(DataSource delegate) {
        this.delegate = delegate;
    }

    /** @return how many connections are open */
    int open() {
        return open.get();
    }

    /** @return how many connections were closed while still in manual-commit mode */
    int closedWithManualCommit() {
        return closedWithManualCommit.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return track(delegate.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return track(delegate.getConnection(username, password));
    }

    private Connection track(Connection connection) {
        open.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close" -> {
                            if (closed.compareAndSet(false, true)) {
                                open.decrementAndGet();
                                if (!connection.getAutoCommit()) {
                                    closedWithManualCommit.incrementAndGet();
                                }
                            }
                        }
                        case "commit" -> {
                            if (failCommit) {
                                throw new SQLException("commit refused by the test", "40001");
                            }
                        }
                        case "prepareStatement" -> beforePrepare.accept((String) args[0]);
                        case "rollback" -> {
                            if (failRollback && (args == null || args.length == 0)) {
                                throw new SQLException("rollback refused by the test", "08006");
                            }
                        }
                        default -> {
                            // delegate below
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate.unwrap(iface);
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate.isWrapperFor(iface);
    }
}
