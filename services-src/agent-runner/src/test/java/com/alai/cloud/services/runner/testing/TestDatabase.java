package com.alai.cloud.services.runner.testing;

import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.db.Database;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.runner.queue.Signals;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;
import javax.sql.DataSource;

/** Embedded PostgreSQL with the runner's schema, a pool on it, and LISTEN sessions as a replica opens them. */
public final class TestDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final Database database;

    private TestDatabase(EmbeddedPostgres postgres, Database database) {
        this.postgres = postgres;
        this.database = database;
    }

    public static TestDatabase start() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        var config = new ServiceConfig(0, jdbcUrl(postgres), "postgres", "", 12, "http://127.0.0.1/none", "api://runs",
                1024, 0);
        return new TestDatabase(postgres, new Database(config, "classpath:db/migration/runner").migrate());
    }

    static String jdbcUrl(EmbeddedPostgres postgres) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String jdbcUrl() {
        return jdbcUrl(postgres);
    }

    public int port() {
        return postgres.getPort();
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    public Signals signals(String name) {
        return new Signals(this::connect, new JsonLog("test-" + name)).start();
    }

    /** One number from the database. */
    public long number(String sql, Object... params) throws SQLException {
        try (Connection c = database.connection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public String text(String sql, Object... params) throws SQLException {
        try (Connection c = database.connection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    public void execute(String sql) throws SQLException {
        try (Connection c = database.connection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Waits for {@code condition}; a test that never sees it fails after a minute (a hang, not a slow machine). */
    public static void await(String what, Callable<Boolean> condition) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() throws Exception {
        database.close();
        postgres.close();
    }
}
