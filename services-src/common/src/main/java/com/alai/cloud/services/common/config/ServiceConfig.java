package com.alai.cloud.services.common.config;


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
        PostgresUrl parsed;
        try {
            parsed = PostgresUrl.parse(env.required("DATABASE_URL"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("DATABASE_URL", e.getMessage());
        }
        String jdbc = parsed.jdbcUrl();
        String user = env.optional("DATABASE_USER").orElse(parsed.user());
        String password = env.optional("DATABASE_PASSWORD").orElse(parsed.password());
        if (user == null) {
            throw new ConfigError("DATABASE_USER", "is required (or put the user in DATABASE_URL)");
        }
        return http(env, jdbc, user, password == null ? "" : password, env.integer("DB_POOL_SIZE", 2, 1, 20));
    }

    /** For a service that keeps no database (skills-proxy): DATABASE_URL and the pool settings are not read. */
    public static ServiceConfig withoutDatabase(Env env) {
        return http(env, null, null, null, 0);
    }

    public boolean hasDatabase() {
        return jdbcUrl != null;
    }

    private static ServiceConfig http(Env env, String jdbc, String user, String password, int poolSize) {
        return new ServiceConfig(
                env.integer("PORT", 8080, 0, 65535),
                jdbc, user, password, poolSize,
                env.url("OIDC_ISSUER", "https://", "http://127.0.0.1", "http://localhost"),
                env.required("OIDC_AUDIENCE"),
                env.integer("MAX_BODY_BYTES", 256 * 1024, 1024, 16 * 1024 * 1024),
                env.integer("SHUTDOWN_GRACE_SECONDS", 10, 0, 120));
    }
}
