package com.alai.cloud.services.common.db;

import com.alai.cloud.services.common.config.ServiceConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A small fixed pool (0.25 vCPU cannot use more than a couple of connections) and the service's Flyway migrations.
 * Nothing connects until {@link #migrate()}, which services call once their HTTP server listens: at a quarter of a
 * vCPU the logins would otherwise compete with the start for the same CPU, and liveness should not wait on the
 * database. Until the migrations are applied, {@link #dataSource()} refuses connections with a transient error
 * (a 503 the client may retry) and {@link #ready()} is false.
 */
public final class Database implements AutoCloseable {
    private final ServiceConfig config;
    private final String migrations;
    private final GatedDataSource gated = new GatedDataSource();
    private volatile HikariDataSource pool;

    public Database(ServiceConfig config, String migrations) {
        this.config = config;
        this.migrations = migrations;
    }

    /** Opens the pool, applies the service's migrations and lets the application's connections through. */
    public synchronized Database migrate() {
        if (pool == null) {
            pool = new HikariDataSource(hikari(config));
        }
        Flyway.configure().dataSource(pool).locations(migrations).load().migrate();
        gated.open(pool);
        return this;
    }

    private static HikariConfig hikari(ServiceConfig config) {
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
        return hikari;
    }

    public DataSource dataSource() {
        return gated;
    }

    public Connection connection() throws SQLException {
        return gated.getConnection();
    }

    /** True once migrated, when a connection answers `SELECT 1` within two seconds. */
    public boolean ready() {
        if (!gated.isOpen()) {
            return false;
        }
        try (Connection c = pool.getConnection(); var s = c.createStatement()) {
            s.setQueryTimeout(2);
            return s.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
