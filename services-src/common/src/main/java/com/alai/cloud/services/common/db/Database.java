package com.alai.cloud.services.common.db;

import com.alai.cloud.services.common.config.ServiceConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A small fixed pool (0.25 vCPU cannot use more than a couple of connections) and the service's Flyway migrations,
 * applied at start.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    public Database(ServiceConfig config, String migrations) {
        var hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.dbUser());
        hikari.setPassword(config.dbPassword());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.poolSize());
        hikari.setConnectionTimeout(5_000);
        hikari.setValidationTimeout(2_000);
        hikari.setInitializationFailTimeout(-1);
        hikari.setPoolName("db");
        this.pool = new HikariDataSource(hikari);
        Flyway.configure().dataSource(pool).locations(migrations).load().migrate();
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** True when a connection answers `SELECT 1` within two seconds. */
    public boolean ready() {
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(2);
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
