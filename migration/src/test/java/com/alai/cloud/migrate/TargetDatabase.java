package com.alai.cloud.migrate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One embedded PostgreSQL per test class, a fresh database per test, and the few queries the tests ask of it. */
final class TargetDatabase implements AutoCloseable {
    private final EmbeddedPostgres pg;
    private final AtomicInteger databases = new AtomicInteger();

    TargetDatabase() throws Exception {
        pg = EmbeddedPostgres.builder().start();
    }

    String fresh() throws Exception {
        String name = "db" + databases.incrementAndGet();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return "postgres://postgres:@localhost:" + pg.getPort() + "/" + name;
    }

    static void sql(String url, String statement) throws Exception {
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    static long count(String url, String query) throws Exception {
        return Long.parseLong(text(url, query));
    }

    static String text(String url, String query) throws Exception {
        try (Connection c = Postgres.connect(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public void close() throws Exception {
        pg.close();
    }
}
