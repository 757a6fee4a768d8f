package com.alai.cloud.migrate.sample;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a realistic stand-in for ANVIL's mission-control.db: a legacy schema the migration has to discover, 8,378
 * tasks of which 127 are open by default, deterministic from a seed, and hostile content on purpose: NULLs, emoji,
 * 100 KB text, three date encodings, five boolean spellings, SQL and COPY metacharacters, unknown columns, a BLOB;
 * and beside the task table the tables {@link SampleSideTables} writes.
 */
public final class SampleMissionControlDb {
    public static final int TASKS = 8_378;
    public static final int OPEN = 127;
    private static final String[] OPEN_STATUSES = {"open", "in-progress", "blocked", "review", "OPEN"};
    private static final String[] CLOSED_STATUSES = {"done", "done", "done", "cancelled", "Done"};
    private static final String[] AGENTS = {"kelsey", "parisa", "angie", "anvil-runner", "forge", null};
    private static final String[] BOOLEANS = {"0", "1", "true", "false", "yes", "no"};
    private static final String[] HOSTILE = {
        "Robert'); DROP TABLE tasks;--", "tab\there", "new\nline", "carriage\rreturn", "back\\slash \\N not null",
        "quote \" and ' both", "emoji 🚀🔥 and ZWJ 👩‍💻", "RTL \u202Eevil", "中文 タスク", "{\"looks\":\"like json\"}",
        "%_ like wildcards", "trailing space ", "", "\u00A0nbsp"};

    private SampleMissionControlDb() {
    }

    public static void write(Path file, int tasks, int open, long seed) throws SQLException {
        if (open > tasks) {
            throw new IllegalArgumentException("open (" + open + ") cannot exceed tasks (" + tasks + ")");
        }
        SampleFiles.replace(file);
        var random = new Random(seed);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE tasks (id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT, status TEXT,"
                        + " assigned_to TEXT, tags TEXT, priority, created TEXT, updated_at INTEGER, completed_at TEXT,"
                        + " is_archived TEXT, source TEXT, mc_ticket INTEGER, attachment BLOB)");
                s.execute("CREATE TABLE task_events (id INTEGER PRIMARY KEY, task_id INTEGER, kind TEXT, at TEXT)");
            }
            SampleSideTables.write(c, tasks, random);
            String insert = "INSERT INTO tasks VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                long base = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond();
                // Open tasks are spread evenly, so every page of the file has some.
                double openEvery = (double) tasks / Math.max(open, 1);
                int opened = 0;
                for (int i = 1; i <= tasks; i++) {
                    boolean isOpen = opened < open && i >= Math.round(opened * openEvery) + 1;
                    if (isOpen) {
                        opened++;
                    }
                    long created = base + random.nextInt(60 * 60 * 24 * 680);
                    long updated = created + random.nextInt(60 * 60 * 24 * 30);
                    ps.setLong(1, i);
                    ps.setString(2, title(i, random));
                    ps.setString(3, i % 97 == 0 && i <= 20_000 ? "x".repeat(100_000) + " end" : i % 11 == 0 ? null : hostile(random) + " details " + i);
                    ps.setString(4, isOpen ? OPEN_STATUSES[random.nextInt(OPEN_STATUSES.length)]
                            : CLOSED_STATUSES[random.nextInt(CLOSED_STATUSES.length)]);
                    ps.setString(5, AGENTS[random.nextInt(AGENTS.length)]);
                    ps.setString(6, tags(i, random));
                    setPriority(ps, i, random);
                    ps.setString(8, date(created, i));
                    ps.setLong(9, updated * 1000 + random.nextInt(1000));
                    ps.setString(10, isOpen ? null : date(updated, i + 1));
                    ps.setString(11, i % 13 == 0 ? null : BOOLEANS[random.nextInt(BOOLEANS.length)]);
                    ps.setString(12, i % 5 == 0 ? "telegram" : i % 7 == 0 ? null : "cli");
                    ps.setLong(13, 1000 + i);
                    ps.setBytes(14, i % 500 == 0 ? new byte[] {0, 1, 2, (byte) 0xff, '\\', '\t'} : null);
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    private static String title(int i, Random random) {
        return i % 17 == 0 ? HOSTILE[random.nextInt(HOSTILE.length)] + " #" + i : "Task " + i + ": " + words(random);
    }

    private static String hostile(Random random) {
        return HOSTILE[random.nextInt(HOSTILE.length)];
    }

    private static String words(Random random) {
        String[] words = {"migrate", "review", "deploy", "fix", "hivemind", "ollama", "bitwarden", "agent", "prompt", "index"};
        return words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)];
    }

    private static String tags(int i, Random random) {
        return switch (i % 4) {
            case 0 -> null;
            case 1 -> "phase2,infra";
            case 2 -> "[\"ops\",\"" + (random.nextBoolean() ? "urgent" : "later") + "\"]";
            default -> "";
        };
    }

    private static void setPriority(PreparedStatement ps, int i, Random random) throws SQLException {
        switch (i % 6) {
            case 0 -> ps.setNull(7, java.sql.Types.INTEGER);
            case 1 -> ps.setString(7, "high");
            default -> ps.setInt(7, random.nextInt(5));
        }
    }

    // Three encodings ANVIL's scripts used over time: ISO-8601, SQLite's datetime text, and epoch seconds.
    private static String date(long epochSecond, int i) {
        Instant instant = Instant.ofEpochSecond(epochSecond);
        return switch (i % 3) {
            case 0 -> instant.toString();
            case 1 -> DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC).format(instant);
            default -> Long.toString(epochSecond);
        };
    }
}
