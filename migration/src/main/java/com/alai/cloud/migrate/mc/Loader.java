package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads rows with binary COPY in the caller's transaction and moves the id sequence past the highest id. Re-running
 * upserts by id and converges on the same rows; tasks created in PostgreSQL since are kept.
 */
final class Loader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = String.join(", ", MissionControlMigration.COLUMNS);
    private static final Set<String> REQUIRED = Set.of("id", "title", "description", "status", "assignee", "tags", "priority",
            "created_at", "updated_at", "closed_at", "archived", "version", "extra");
    private static final String UPSERT = "INSERT INTO tasks (" + COLUMNS + ") SELECT " + COLUMNS + " FROM tasks_in"
            + " ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,"
            + " status = EXCLUDED.status, assignee = EXCLUDED.assignee, tags = EXCLUDED.tags,"
            + " priority = EXCLUDED.priority, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,"
            + " closed_at = EXCLUDED.closed_at, archived = EXCLUDED.archived, extra = EXCLUDED.extra"
            + " WHERE (tasks.title, tasks.description, tasks.status, tasks.assignee, tasks.tags, tasks.priority,"
            + " tasks.created_at, tasks.updated_at, tasks.closed_at, tasks.archived, tasks.extra)"
            + " IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.status, EXCLUDED.assignee,"
            + " EXCLUDED.tags, EXCLUDED.priority, EXCLUDED.created_at, EXCLUDED.updated_at, EXCLUDED.closed_at,"
            + " EXCLUDED.archived, EXCLUDED.extra)";

    private final Connection pg;
    private final PGCopyOutputStream copy;
    private final BinaryCopy out;
    private final boolean direct;
    private final List<String> indexes;

    /**
     * Checks that the target has mc-api's schema: creates it from the mc-api migrations in an empty database, and
     * brings an mc-api database up to date (task_comments came with V3); a `tasks` table of anyone else is refused.
     */
    static void prepare(Connection pg) throws SQLException {
        Set<String> columns = columns(pg, "tasks");
        if (columns.isEmpty() || !columns(pg, "flyway_schema_history").isEmpty()) {
            org.flywaydb.core.Flyway.configure()
                    .dataSource(new org.postgresql.ds.PGSimpleDataSource() {
                        @Override
                        public Connection getConnection() {
                            return new NonClosing(pg).proxy();
                        }
                    })
                    .locations("classpath:db/migration/mc").load().migrate();
            return;
        }
        if (!columns.containsAll(REQUIRED)) {
            var missing = new java.util.TreeSet<>(REQUIRED);
            missing.removeAll(columns);
            throw new MigrationException("the target already has a `tasks` table without " + missing
                    + "; point --to at the mission_control database of mc-api");
        }
        if (columns(pg, "task_comments").isEmpty()) {
            throw new MigrationException("the target has a `tasks` table but no `task_comments` and no mc-api migration history;"
                    + " point --to at the mission_control database of mc-api");
        }
    }

    private static Set<String> columns(Connection pg, String table) throws SQLException {
        var columns = new java.util.HashSet<String>();
        try (var ps = pg.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        }
        return columns;
    }

    /**
     * Starts loading in the caller's transaction. An empty table (the first run) takes the rows directly with COPY
     * FREEZE and rebuilds its secondary indexes once at the end; otherwise rows go to a temporary table and are upserted.
     */
    static Loader open(Connection pg) throws SQLException, IOException {
        try (Statement s = pg.createStatement()) {
            // Exclusive from the start: taking a weaker lock and upgrading it could deadlock with a live mc-api.
            s.execute("LOCK TABLE tasks, task_comments IN ACCESS EXCLUSIVE MODE");
            boolean empty;
            try (ResultSet rs = s.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM tasks) AND NOT EXISTS (SELECT 1 FROM task_comments)")) {
                rs.next();
                empty = rs.getBoolean(1);
            }
            var indexes = new ArrayList<String>();
            if (empty) {
                // COPY FREEZE needs the table truncated in this transaction; task_comments refers to it, so both.
                s.execute("TRUNCATE tasks, task_comments");
                try (ResultSet rs = s.executeQuery("SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
                        + " WHERE indrelid = 'tasks'::regclass AND NOT indisprimary AND NOT indisunique")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(2));
                        s.addBatch("DROP INDEX " + rs.getString(1));
                    }
                }
                s.executeBatch();
            } else {
                s.execute("CREATE TEMP TABLE tasks_in (LIKE tasks INCLUDING DEFAULTS) ON COMMIT DROP");
            }
            var copy = new PGCopyOutputStream(pg.unwrap(PGConnection.class), "COPY " + (empty ? "tasks" : "tasks_in")
                    + " (" + COLUMNS + ") FROM STDIN (FORMAT binary" + (empty ? ", FREEZE" : "") + ")");
            return new Loader(pg, copy, empty, indexes);
        }
    }

    private Loader(Connection pg, PGCopyOutputStream copy, boolean direct, List<String> indexes) throws IOException {
        this.pg = pg;
        this.copy = copy;
        this.out = new BinaryCopy(copy);
        this.direct = direct;
        this.indexes = indexes;
    }

    /** True on a first run: rows go straight into the empty table. */
    boolean direct() {
        return direct;
    }

    void add(TaskRow r) throws IOException {
        out.row(MissionControlMigration.COLUMNS.size());
        out.int8(r.id());
        out.text(r.title());
        out.text(r.description());
        out.text(r.status());
        out.text(r.assignee());
        out.textArray(r.tags());
        out.int4(r.priority());
        out.timestamptz(r.createdAt());
        out.timestamptz(r.updatedAt());
        out.timestamptz(r.closedAt());
        out.bool(r.archived());
        out.jsonb(JSON.writeValueAsBytes(r.extra()));
    }

    /** Ends the COPY, then upserts (re-run) or rebuilds the indexes (first run). */
    void finish() throws SQLException, IOException {
        out.close();
        try (Statement s = pg.createStatement()) {
            if (direct) {
                s.execute("SET LOCAL maintenance_work_mem = '256MB'");
                for (String index : indexes) {
                    s.execute(index);
                }
            } else {
                s.execute(UPSERT);
            }
        }
    }

    /**
     * Moves the id sequences of tasks and comments past the highest id, never back, and makes {@code commentKind} the
     * kind of a comment written through the API. Sequences ignore rollback, so this runs only once verification has
     * passed, just before the commit.
     */
    void advanceSequences(String commentKind) throws SQLException {
        try (Statement s = pg.createStatement()) {
            for (String table : List.of("tasks", "task_comments")) {
                s.execute("SELECT setval(q.seq, GREATEST((SELECT max(id) FROM " + table + "), pg_sequence_last_value(q.seq), 1))"
                        + " FROM (SELECT pg_get_serial_sequence('" + table + "', 'id')::regclass AS seq) q");
            }
            if (commentKind != null) {
                s.execute("ALTER TABLE task_comments ALTER COLUMN kind SET DEFAULT '" + commentKind.replace("'", "''") + "'");
            }
        }
    }

    /** Abandons a COPY that failed half-way; the caller rolls the transaction back. */
    void abandon() {
        if (copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException ignored) {
                // The rollback that follows discards everything the COPY sent.
            }
        }
    }
}
