package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.MigrationException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads rows with COPY into a temporary table, then upserts them by id in the same transaction and moves the id
 * sequence past the highest id. Re-running converges on the same rows; tasks created in PostgreSQL since are kept.
 */
final class Loader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, title, description, status, assignee, tags, priority, created_at, updated_at,"
            + " closed_at, archived, extra";
    private static final Set<String> REQUIRED = Set.of("id", "title", "description", "status", "assignee", "tags", "priority",
            "created_at", "updated_at", "closed_at", "archived", "version", "extra");

    private Loader() {
    }

    /** Checks that the target has the mission_control `tasks` table (or creates it from the mc-api migrations). */
    static void prepare(Connection pg) throws SQLException {
        var columns = new java.util.HashSet<String>();
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'tasks'")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        if (columns.isEmpty()) {
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
    }

    static void load(Connection pg, List<TaskRow> rows) throws SQLException, IOException {
        try (Statement s = pg.createStatement()) {
            s.execute("CREATE TEMP TABLE tasks_in (LIKE tasks INCLUDING DEFAULTS) ON COMMIT DROP");
        }
        // Rows are encoded to UTF-8 here and streamed as bytes: pgjdbc's Reader-based copyIn encodes in fixed-size
        // character chunks and turns a surrogate pair split across two chunks into "??".
        try (var out = new java.io.BufferedOutputStream(new PGCopyOutputStream(pg.unwrap(PGConnection.class),
                "COPY tasks_in (" + COLUMNS + ") FROM STDIN"), 1 << 16)) {
            var line = new StringBuilder();
            for (TaskRow r : rows) {
                line.setLength(0);
                CopyText.field(line, r.id());
                for (Object value : new Object[] {r.title(), r.description(), r.status(), r.assignee(), r.tags(), r.priority(),
                        r.createdAt(), r.updatedAt(), r.closedAt(), r.archived(), JSON.writeValueAsString(r.extra())}) {
                    CopyText.field(line, value);
                }
                out.write(line.append('\n').toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        try (Statement s = pg.createStatement()) {
            s.execute("INSERT INTO tasks (" + COLUMNS + ") SELECT " + COLUMNS + " FROM tasks_in"
                    + " ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, description = EXCLUDED.description,"
                    + " status = EXCLUDED.status, assignee = EXCLUDED.assignee, tags = EXCLUDED.tags,"
                    + " priority = EXCLUDED.priority, created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at,"
                    + " closed_at = EXCLUDED.closed_at, archived = EXCLUDED.archived, extra = EXCLUDED.extra"
                    + " WHERE (tasks.title, tasks.description, tasks.status, tasks.assignee, tasks.tags, tasks.priority,"
                    + " tasks.created_at, tasks.updated_at, tasks.closed_at, tasks.archived, tasks.extra)"
                    + " IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.description, EXCLUDED.status, EXCLUDED.assignee,"
                    + " EXCLUDED.tags, EXCLUDED.priority, EXCLUDED.created_at, EXCLUDED.updated_at, EXCLUDED.closed_at,"
                    + " EXCLUDED.archived, EXCLUDED.extra)");
            s.execute("SELECT setval(pg_get_serial_sequence('tasks', 'id'), GREATEST((SELECT max(id) FROM tasks), 1))");
        }
    }
}
