package com.alai.cloud.services.runner.queue;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.model.RunEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * A run's events, numbered per run by a counter on the run's row (so two writers never take the same number) and
 * announced on {@link Signals#EVENTS} in the same transaction, so a watcher never hears of an event it cannot read.
 */
public final class EventLog {
    private final DataSource db;

    public EventLog(DataSource db) {
        this.db = db;
    }

    /** Appends within the caller's transaction. */
    public static int append(Connection c, long runId, String kind, Object data) throws SQLException {
        int seq;
        try (var s = c.prepareStatement("UPDATE runs SET event_seq = event_seq + 1 WHERE id = ? RETURNING event_seq")) {
            s.setLong(1, runId);
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("no run " + runId);
                }
                seq = rs.getInt(1);
            }
        }
        try (var s = c.prepareStatement("INSERT INTO run_events (run_id, seq, kind, data) VALUES (?, ?, ?, ?::jsonb)")) {
            s.setLong(1, runId);
            s.setInt(2, seq);
            s.setString(3, kind);
            s.setString(4, new String(Json.bytes(data), java.nio.charset.StandardCharsets.UTF_8));
            s.executeUpdate();
        }
        Signals.notify(c, Signals.EVENTS, runId + ":" + seq);
        return seq;
    }

    /** Appends in its own transaction. */
    public int append(long runId, String kind, Object data) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int seq = append(c, runId, kind, data);
                c.commit();
                return seq;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** The events after {@code afterSeq}, oldest first, at most {@code limit}. */
    public List<RunEvent> after(long runId, int afterSeq, int limit) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(
                "SELECT seq, kind, data::text, at FROM run_events WHERE run_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, runId);
            s.setInt(2, afterSeq);
            s.setInt(3, limit);
            var events = new ArrayList<RunEvent>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    events.add(new RunEvent(runId, rs.getInt(1), rs.getString(2), Json.mapper().readTree(rs.getString(3)),
                            rs.getTimestamp(4).toInstant()));
                }
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a stored event is not JSON", e);
            }
            return events;
        }
    }
}
