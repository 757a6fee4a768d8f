package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Comments of a task in PostgreSQL, oldest first; a task that does not exist is a 404, never an empty list. */
final class CommentRepository {
    private static final ObjectMapper JSON = Json.mapper();
    private static final String COLUMNS = "id, task_id, kind, author, body, created_at, extra::text";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final DataSource db;

    CommentRepository(DataSource db) {
        this.db = db;
    }

    List<Comment> list(long taskId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                + " FROM task_comments WHERE task_id = ? ORDER BY created_at, kind, id")) {
            ps.setLong(1, taskId);
            var comments = new ArrayList<Comment>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comments.add(comment(rs));
                }
            }
            if (comments.isEmpty() && !taskExists(c, taskId)) {
                throw ApiException.notFound("no task " + taskId);
            }
            return List.copyOf(comments);
        }
    }

    Comment create(long taskId, String author, String body) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO task_comments (task_id, author, body) VALUES (?, ?, ?) RETURNING " + COLUMNS)) {
            ps.setLong(1, taskId);
            ps.setString(2, author);
            ps.setString(3, body);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return comment(rs);
            }
        } catch (SQLException e) {
            if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())) {
                throw ApiException.notFound("no task " + taskId);
            }
            throw e;
        }
    }

    private static boolean taskExists(Connection c, long taskId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM tasks WHERE id = ?)")) {
            ps.setLong(1, taskId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Comment comment(ResultSet rs) throws SQLException {
        Map<String, Object> extra;
        try {
            extra = JSON.readValue(rs.getString(7), new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            extra = Map.of();
        }
        return new Comment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(), extra);
    }
}
