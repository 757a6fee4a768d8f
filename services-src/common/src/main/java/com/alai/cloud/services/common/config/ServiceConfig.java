package com.alai.cloud.services.common.config;

import java.net.URI;

/**
 * What every service reads at start, validated at once (HikariCP style): HTTP port, database, pool size, OIDC.
 * Database credentials may sit in the URL (postgres://user:pass@host/db) or in DATABASE_USER / DATABASE_PASSWORD.
 */
public record ServiceConfig(int port, String jdbcUrl, String dbUser, String dbPassword, int poolSize,
                            String oidcIssuer, String oidcAudience, int maxBodyBytes, int shutdownGraceSeconds) {

    @Override
    public String toString() {
        return "ServiceConfig[port=" + port + ", jdbcUrl=" + jdbcUrl + ", dbUser=" + dbUser + ", dbPassword=***, poolSize="
                + poolSize + ", oidcIssuer=" + oidcIssuer + ", oidcAudience=" + oidcAudience + "]";
    }

    public static ServiceConfig from(Env env) {
        String url = env.url("DATABASE_URL", "jdbc:postgresql://", "postgres://", "postgresql://");
        String user = env.optional("DATABASE_USER").orElse(null);
        String password = env.optional("DATABASE_PASSWORD").orElse(null);
        String jdbc = url;
        if (!url.startsWith("jdbc:")) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new ConfigError("DATABASE_URL", "is not a valid URL");
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new ConfigError("DATABASE_URL", "must name a host and a database (postgres://host:5432/db)");
            }
            String info = uri.getRawUserInfo();
            if (info != null) {
                String[] parts = info.split(":", 2);
                user = user == null ? decode(parts[0]) : user;
                password = password == null && parts.length == 2 ? decode(parts[1]) : password;
            }
            jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        }
        if (user == null) {
            throw new ConfigError("DATABASE_USER", "is required (or put the user in DATABASE_URL)");
        }
        return new ServiceConfig(
                env.integer("PORT", 8080, 0, 65535),
                jdbc, user, password == null ? "" : password,
                env.integer("DB_POOL_SIZE", 2, 1, 20),
                env.url("OIDC_ISSUER", "https://", "http://127.0.0.1", "http://localhost"),
                env.required("OIDC_AUDIENCE"),
                env.integer("MAX_BODY_BYTES", 256 * 1024, 1024, 16 * 1024 * 1024),
                env.integer("SHUTDOWN_GRACE_SECONDS", 10, 0, 120));
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
