package com.alai.cloud.services.common.db;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The pool as the application sees it: closed until the schema is migrated, so no request meets a half-made schema. */
final class GatedDataSource implements DataSource {
    private volatile DataSource pool;

    void open(DataSource migrated) {
        pool = migrated;
    }

    boolean isOpen() {
        return pool != null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return pool().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return pool().getConnection(username, password);
    }

    private DataSource pool() throws SQLTransientConnectionException {
        DataSource open = pool;
        if (open == null) {
            throw new SQLTransientConnectionException("the service is starting: database migrations are not applied yet", "08000");
        }
        return open;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        DataSource open = pool;
        if (open == null) {
            throw new SQLFeatureNotSupportedException("not started");
        }
        return open.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : pool().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || pool().isWrapperFor(type);
    }
}
