package com.alai.cloud.migrate;

import com.alai.cloud.services.common.config.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connects to the target from a jdbc:postgresql:// or postgres://user:pass@host:port/db URL. */
public final class Postgres {
    private Postgres() {
    }

    public static Connection connect(String url) {
        if (url == null || url.isBlank()) {
            throw new MigrationException("--to needs a PostgreSQL URL (postgres://user:pass@host:5432/db)");
        }
        PostgresUrl parsed;
        try {
            parsed = PostgresUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new MigrationException("--to " + e.getMessage());
        }
        var props = new Properties();
        if (parsed.user() != null) {
            props.setProperty("user", parsed.user());
        }
        if (parsed.password() != null) {
            props.setProperty("password", parsed.password());
        }
        props.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(parsed.jdbcUrl(), props);
        } catch (SQLException e) {
            // The URL may carry a password: only the host part is named.
            throw new MigrationException("cannot connect to PostgreSQL at " + parsed.host() + ": " + e.getMessage());
        }
    }
}
