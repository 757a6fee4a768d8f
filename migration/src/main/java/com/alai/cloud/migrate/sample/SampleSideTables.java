package com.alai.cloud.migrate.sample;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * The tables of mission-control.db beside the task table, hostile on purpose: task comments (a task_id and a foreign
 * key), agents without a primary key and with an untyped column, a table and columns whose names need quoting
 * (spaces, quotes, a reserved word, non-ASCII) holding mixed storage classes and NULs, a WITHOUT ROWID table keyed by
 * a BLOB, an empty table, and a view, a trigger and an index.
 */
final class SampleSideTables {
    static final String HOSTILE_TABLE = "order \"items\" 📦";

    private SampleSideTables() {
    }

    static void write(Connection c, int tasks, Random random) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE task_comments (id INTEGER PRIMARY KEY, task_id INTEGER REFERENCES tasks(id), author TEXT,"
                    + " body TEXT, created_at TEXT)");
            s.execute("CREATE INDEX task_comments_task ON task_comments (task_id)");
            s.execute("CREATE TABLE agents (name TEXT, role TEXT, last_seen INTEGER, \"config json\")");
            s.execute("CREATE TABLE \"order \"\"items\"\" 📦\" (\"from\" TEXT, \"naïve col\", \"select\" REAL, \"rowid\" INTEGER)");
            s.execute("CREATE TABLE attachments (hash BLOB PRIMARY KEY, task_id INTEGER, mime TEXT) WITHOUT ROWID");
            s.execute("CREATE TABLE archive_runs (id INTEGER PRIMARY KEY, started TEXT)");
            s.execute("CREATE VIEW open_tasks AS SELECT id, title FROM tasks WHERE status NOT IN ('done', 'cancelled')");
            s.execute("CREATE TRIGGER comment_touches_task AFTER INSERT ON task_comments BEGIN"
                    + " UPDATE tasks SET updated_at = updated_at WHERE id = NEW.task_id; END");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO task_comments VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= tasks / 4; i++) {
                ps.setInt(1, i);
                ps.setInt(2, 1 + random.nextInt(tasks));
                ps.setString(3, i % 9 == 0 ? null : "agent-" + random.nextInt(12));
                ps.setString(4, i % 31 == 0 ? "quote \" tab\t emoji 🤖 " + i : "comment " + i);
                ps.setString(5, "2025-0" + (1 + i % 9) + "-1" + (i % 10) + " 10:00:00");
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO agents VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < 12; i++) {
                ps.setString(1, "agent-" + i);
                ps.setString(2, i % 2 == 0 ? "runner" : "reviewer");
                ps.setLong(3, 1_714_979_289L + i);
                ps.setObject(4, i % 3 == 0 ? (Object) ("{\"model\":\"m" + i + "\"}") : i % 3 == 1 ? (Object) i : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO \"order \"\"items\"\" 📦\" VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < 50; i++) {
                ps.setString(1, i % 10 == 0 ? "nul\0inside " + i : "from " + i);
                ps.setObject(2, switch (i % 4) {
                    case 0 -> i;
                    case 1 -> "text " + i;
                    case 2 -> new byte[] {(byte) i, 0, (byte) 0xff};
                    default -> i + 0.5;
                });
                ps.setDouble(3, i == 7 ? Double.POSITIVE_INFINITY : i * 1.25);
                ps.setInt(4, 1000 - i);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO attachments VALUES (?, ?, ?)")) {
            for (int i = 0; i < Math.max(3, tasks / 500); i++) {
                byte[] hash = new byte[8];
                random.nextBytes(hash);
                ps.setBytes(1, hash);
                ps.setInt(2, 1 + random.nextInt(tasks));
                ps.setString(3, i % 2 == 0 ? "image/png" : "text/plain");
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
