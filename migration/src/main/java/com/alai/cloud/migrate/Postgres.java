package com.alai.cloud.migrate;

import java.net.URI;
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
        String jdbc = url;
        var props = new Properties();
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new MigrationException("--to is not a valid URL");
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new MigrationException("--to must name a host and a database: postgres://user:pass@host:5432/db");
            }
            if (uri.getRawUserInfo() != null) {
                String[] info = uri.getRawUserInfo().split(":", 2);
                props.setProperty("user", decode(info[0]));
                if (info.length == 2) {
                    props.setProperty("password", decode(info[1]));
                }
            }
            jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } else if (!url.startsWith("jdbc:postgresql://")) {
            throw new MigrationException("--to must be a postgres:// or jdbc:postgresql:// URL");
        }
        props.setProperty("connectTimeout", "10");
        try {
            return DriverManager.getConnection(jdbc, props);
        } catch (SQLException e) {
            // The URL may carry a password: only the host part is named.
            throw new MigrationException("cannot connect to PostgreSQL at " + hostOf(jdbc) + ": " + e.getMessage());
        }
    }

    private static String hostOf(String jdbc) {
        String rest = jdbc.substring("jdbc:postgresql://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

}
