package com.alai.cloud.migrate.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/** A small stand-in for ANVIL's hivemind.db: topics, messages with JSON payloads, a mixed-type column, a blob. */
public final class SampleHivemindDb {
    private SampleHivemindDb() {
    }

    public static void write(Path file, int messages, long seed) throws SQLException {
        SampleFiles.replace(file);
        var random = new Random(seed);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE topics (name TEXT PRIMARY KEY, created TEXT, retention_days INTEGER)");
                s.execute("CREATE TABLE messages (id INTEGER PRIMARY KEY, topic TEXT, producer TEXT, payload TEXT, ts REAL, meta, raw BLOB)");
                for (String topic : new String[] {"agents.heartbeat", "mc.tasks", "ollama.routes", "notes 📝"}) {
                    s.execute("INSERT INTO topics VALUES ('" + topic + "', '2025-03-01 10:00:00', " + (7 + random.nextInt(30)) + ")");
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO messages (topic, producer, payload, ts, meta, raw) VALUES (?,?,?,?,?,?)")) {
                String[] topics = {"agents.heartbeat", "mc.tasks", "ollama.routes", "notes 📝"};
                for (int i = 0; i < messages; i++) {
                    ps.setString(1, topics[random.nextInt(topics.length)]);
                    ps.setString(2, i % 9 == 0 ? null : "agent-" + random.nextInt(12));
                    ps.setString(3, "{\"seq\":" + i + ",\"text\":\"tab\\tquote\\\" emoji 🤖\"}");
                    ps.setDouble(4, 1.7e9 + i + random.nextDouble());
                    if (i % 3 == 0) {
                        ps.setInt(5, i);
                    } else {
                        ps.setString(5, "m\\" + i);
                    }
                    ps.setBytes(6, i % 50 == 0 ? new byte[] {1, 0, (byte) 0xfe} : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
