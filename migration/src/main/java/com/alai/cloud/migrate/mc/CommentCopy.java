package com.alai.cloud.migrate.mc;

import com.alai.cloud.migrate.Pipeline;
import com.alai.cloud.migrate.verify.Comparator;
import com.alai.cloud.migrate.verify.Ledger;
import com.alai.cloud.migrate.verify.RowDigests;
import com.alai.cloud.migrate.verify.Verification;
import com.alai.cloud.services.common.db.SqlIdentifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads one comment table into `task_comments` (its rows are those of its kind) in the caller's transaction — by
 * COPY when the kind has no rows yet, else only the rows new or changed since the last verified run, through a
 * temporary table upserted by (kind, id) — then reads the kind back and compares every row.
 */
public final class CommentCopy {
    public static final List<String> COLUMNS = List.of("id", "task_id", "author", "body", "created_at", "extra");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIELDS = "kind, " + String.join(", ", COLUMNS);

    private final Connection sqlite;
    private final Connection pg;
    private final CommentPlan plan;
    private final Ledger source = new Ledger(COLUMNS);
    private long rows;
    private long carried;
    private long maxId = Long.MIN_VALUE;

    CommentCopy(Connection sqlite, Connection pg, CommentPlan plan) {
        this.sqlite = sqlite;
        this.pg = pg;
        this.plan = plan;
    }

    long rows() {
        return rows;
    }

    long carried() {
        return carried;
    }

    CommentPlan plan() {
        return plan;
    }

    RowDigests digests() {
        return source.digests();
    }

    /**
     * Runs {@code load} with task_comments' foreign key to tasks dropped, then adds it back, which checks every row in
     * one join: checked row by row during COPY it costs a lookup and a row lock on `tasks` per comment. In the
     * caller's transaction, so a failure restores the key.
     */
    static <T> T withoutForeignKey(Connection pg, java.util.concurrent.Callable<T> load) throws Exception {
        var keys = new java.util.LinkedHashMap<String, String>();
        try (Statement s = pg.createStatement(); ResultSet rs = s.executeQuery("SELECT conname, pg_get_constraintdef(oid)"
                + " FROM pg_constraint WHERE conrelid = 'task_comments'::regclass AND contype = 'f'")) {
            while (rs.next()) {
                keys.put(rs.getString(1), rs.getString(2));
            }
        }
        try (Statement s = pg.createStatement()) {
            for (String name : keys.keySet()) {
                s.execute("ALTER TABLE task_comments DROP CONSTRAINT " + SqlIdentifier.quote(name));
            }
        }
        T result = load.call();
        try (Statement s = pg.createStatement()) {
            for (var key : keys.entrySet()) {
                s.execute("ALTER TABLE task_comments ADD CONSTRAINT " + SqlIdentifier.quote(key.getKey()) + " " + key.getValue());
            }
        }
        return result;
    }

    /** {@code known}: the kind's rows at the last verified run; only rows new or changed since are carried. */
    Verification run(RowDigests known) throws Exception {
        Set<Long> tasks = existingTasks();
        boolean first;
        try (PreparedStatement ps = pg.prepareStatement("SELECT NOT EXISTS (SELECT 1 FROM task_comments WHERE kind = ?)")) {
            ps.setString(1, plan.kind());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                first = rs.getBoolean(1);
            }
        }
        try (Statement s = pg.createStatement()) {
            if (!first) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS task_comments_in (LIKE task_comments) ON COMMIT DROP");
                s.execute("TRUNCATE task_comments_in");
            }
        }
        RowDigests unchanged = first ? RowDigests.NONE : known;
        var copy = new PGCopyOutputStream(pg.unwrap(PGConnection.class), "COPY " + (first ? "task_comments" : "task_comments_in")
                + " (" + FIELDS + ") FROM STDIN (FORMAT binary)");
        try (var out = new BinaryCopy(copy)) {
            Pipeline.<CommentRow>run("comment-reader", sink -> new CommentSourceRows(sqlite, plan, tasks).forEachRaw(Set.of(), (raw, row) -> {
                rows++;
                maxId = Math.max(maxId, row.id());
                if (!unchanged.unchanged(row.id(), source.add(row.values()))) {
                    sink.accept(row);
                }
            }), row -> {
                carried++;
                out.row(COLUMNS.size() + 1);
                out.text(plan.kind());
                out.int8(row.id());
                out.int8(row.taskId());
                out.text(row.author());
                out.text(row.body());
                out.timestamptz(row.createdAt());
                out.jsonb(JSON.writeValueAsBytes(row.extra()));
            });
        } catch (Exception e) {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
            throw e;
        }
        if (!first) {
            try (Statement s = pg.createStatement()) {
                s.execute("INSERT INTO task_comments (" + FIELDS + ") SELECT " + FIELDS + " FROM task_comments_in"
                        + " ON CONFLICT (kind, id) DO UPDATE SET task_id = EXCLUDED.task_id, author = EXCLUDED.author,"
                        + " body = EXCLUDED.body, created_at = EXCLUDED.created_at, extra = EXCLUDED.extra"
                        + " WHERE (task_comments.task_id, task_comments.author, task_comments.body, task_comments.created_at,"
                        + " task_comments.extra) IS DISTINCT FROM (EXCLUDED.task_id, EXCLUDED.author, EXCLUDED.body,"
                        + " EXCLUDED.created_at, EXCLUDED.extra)");
            }
        }
        var target = new Ledger(COLUMNS);
        new CommentTargetRows(pg, plan.kind()).forEach(maxId, null, target::add);
        return Comparator.compare(source, target, ids -> sourceRows(tasks, ids), this::targetRows);
    }

    private interface Sink<T> {
        void accept(T row) throws Exception;
    }

    /** Task ids the comments refer to that exist in `tasks` (in this transaction, so the rows just loaded count). */
    Set<Long> existingTasks() throws Exception {
        return existingTasks(sqlite, pg, plan);
    }

    public static Set<Long> existingTasks(Connection sqlite, Connection pg, CommentPlan plan) throws Exception {
        String column = plan.columns().entrySet().stream().filter(e -> e.getValue() == CommentPlan.Column.TASK_ID)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        var referenced = new HashSet<Long>();
        try (Statement s = sqlite.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT " + SqlIdentifier.quote(column)
                + " FROM " + plan.table().quoted() + " WHERE typeof(" + SqlIdentifier.quote(column) + ") = 'integer'")) {
            while (rs.next()) {
                referenced.add(rs.getLong(1));
            }
        }
        var existing = new HashSet<Long>();
        try (PreparedStatement ps = pg.prepareStatement("SELECT id FROM tasks WHERE id = ANY (?)")) {
            ps.setArray(1, pg.createArrayOf("bigint", referenced.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.add(rs.getLong(1));
                }
            }
        }
        return existing;
    }

    private Map<Long, List<Object>> sourceRows(Set<Long> tasks, Set<Long> ids) {
        var found = new HashMap<Long, List<Object>>();
        try {
            new CommentSourceRows(sqlite, plan, tasks).forEachRaw(ids, (raw, row) -> found.put(row.id(), row.values()));
        } catch (Exception e) {
            throw new IllegalStateException("re-reading the differing rows of " + plan.kind() + ": " + e.getMessage(), e);
        }
        return found;
    }

    private Map<Long, List<Object>> targetRows(Set<Long> ids) {
        var found = new HashMap<Long, List<Object>>();
        try {
            new CommentTargetRows(pg, plan.kind()).forEach(Long.MAX_VALUE, ids.toArray(Long[]::new), row -> found.put((Long) row.get(0), row));
        } catch (Exception e) {
            throw new IllegalStateException("reading the differing target rows of " + plan.kind() + ": " + e.getMessage(), e);
        }
        return found;
    }
}
