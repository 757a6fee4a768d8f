package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Tasks in PostgreSQL. Every write is one transaction; a PATCH applies only when the version still matches. */
final class TaskRepository {
    private static final ObjectMapper JSON = Json.mapper();
    private static final String COLUMNS = TaskQuery.COLUMNS;

    private final DataSource db;

    TaskRepository(DataSource db) {
        this.db = db;
    }

    record Page(List<Task> tasks, Long nextAfterId) {
    }

    Page list(TaskFilter filter) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = TaskQuery.of(filter).prepare(c)) {
            var tasks = new ArrayList<Task>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tasks.add(task(rs));
                }
            }
            boolean more = tasks.size() > filter.limit();
            List<Task> page = more ? tasks.subList(0, filter.limit()) : tasks;
            return new Page(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
        }
    }

    Optional<Task> get(long id) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM tasks WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(task(rs)) : Optional.empty();
            }
        }
    }

    Task create(NewTask t) throws SQLException {
        String sql = "INSERT INTO tasks (title, description, status, assignee, tags, priority, closed_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, CASE WHEN ? = ANY(?) THEN now() END) RETURNING " + COLUMNS;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, t.title());
            ps.setString(2, t.description());
            ps.setString(3, t.status());
            ps.setString(4, t.assignee());
            ps.setArray(5, c.createArrayOf("text", t.tags().toArray()));
            if (t.priority() == null) {
                ps.setNull(6, Types.INTEGER);
            } else {
                ps.setInt(6, t.priority());
            }
            ps.setString(7, t.status());
            ps.setArray(8, TaskStatus.closedParameter(c));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return task(rs);
            }
        }
    }

    /** Applies {@code patch} if the task is still at {@code expectedVersion}; 404 when gone, 412 when changed meanwhile. */
    Task patch(long id, long expectedVersion, TaskPatch patch) throws SQLException {
        var sets = new ArrayList<String>();
        var args = new ArrayList<Object>();
        for (Map.Entry<String, Object> change : patch.changes().entrySet()) {
            sets.add(change.getKey() + " = ?");
            args.add(change.getValue());
        }
        if (patch.changes().containsKey("status")) {
            sets.add("closed_at = CASE WHEN ? = ANY(?) THEN COALESCE(closed_at, now()) ELSE NULL END");
            args.add(patch.changes().get("status"));
            args.add(TaskStatus.CLOSED);
        }
        String sql = "UPDATE tasks SET " + String.join(", ", sets) + ", version = version + 1, updated_at = now()"
                + " WHERE id = ? AND version = ? RETURNING " + COLUMNS;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            var names = new ArrayList<>(patch.changes().keySet());
            for (int a = 0; a < args.size(); a++) {
                Object arg = args.get(a);
                if (arg == TaskStatus.CLOSED) {
                    ps.setArray(i++, TaskStatus.closedParameter(c));
                } else if (arg instanceof List<?> list) {
                    ps.setArray(i++, c.createArrayOf("text", list.toArray()));
                } else if (arg == null) {
                    ps.setNull(i++, a < names.size() && names.get(a).equals("priority") ? Types.INTEGER : Types.VARCHAR);
                } else {
                    ps.setObject(i++, arg);
                }
            }
            ps.setLong(i++, id);
            ps.setLong(i, expectedVersion);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return task(rs);
                }
            }
        }
        Task current = get(id).orElseThrow(() -> ApiException.notFound("no task " + id));
        throw ApiException.preconditionFailed("task " + id + " is at " + current.etag() + "; fetch it again and retry");
    }

    private static final TypeReference<Map<String, Object>> EXTRA = new TypeReference<>() { };

    // By position in TaskQuery.COLUMNS: every page maps 51 rows, and a lookup by name costs a map probe per column.
    // Most rows carry no legacy columns, so "{}" is not parsed at all.
    private static Task task(ResultSet rs) throws SQLException {
        Array tags = rs.getArray(6);
        int priority = rs.getInt(7);
        Integer maybePriority = rs.wasNull() ? null : priority;
        String extraText = rs.getString(13);
        Map<String, Object> extra;
        try {
            extra = extraText == null || extraText.equals("{}") ? Map.of() : JSON.readValue(extraText, EXTRA);
        } catch (Exception e) {
            extra = Map.of();
        }
        return new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                tags == null ? List.of() : List.of((String[]) tags.getArray()), maybePriority, instant(rs, 8),
                instant(rs, 9), instant(rs, 10), rs.getBoolean(11), rs.getLong(12), extra);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
