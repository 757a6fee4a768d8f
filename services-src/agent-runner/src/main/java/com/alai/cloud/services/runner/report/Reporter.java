package com.alai.cloud.services.runner.report;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.runner.model.EventKind;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reports each run's lifecycle events from the outbox (V2): every one is published on HiveMind topic
 * {@value #TOPIC} (idempotently, keyed by run and seq), and for a run with a task, Mission Control hears of it: the
 * task goes in_progress when the run starts, review when it succeeds, blocked when it fails or is cancelled, with a
 * comment linking the run. A run's events go in order, by one reporter at a time (an advisory lock per run); a
 * refused report waits with backoff, and the run itself is never held up by it.
 */
public final class Reporter implements AutoCloseable {
    public static final String TOPIC = "agent-runs";
    private static final int LOCK_CLASS = 7311;
    private final DataSource db;
    private final ControlPlane plane;
    private final String runsUrl;
    private final JsonLog log;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean topicReady;

    public Reporter(DataSource db, ControlPlane plane, String runsUrl, JsonLog log) {
        this.db = db;
        this.plane = plane;
        this.runsUrl = runsUrl;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("run-reporter").unstarted(this::loop);
    }

    public Reporter start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running) {
            int reported = 0;
            try {
                reported = sweep();
            } catch (SQLException | RuntimeException e) {
                log.warn("report sweep failed", Map.of("error", e.getClass().getName()));
            }
            if (reported == 0) {
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Reports what is due; returns how many events were reported. */
    public int sweep() throws SQLException {
        int done = 0;
        for (long runId : due()) {
            done += reportRun(runId);
        }
        return done;
    }

    private List<Long> due() throws SQLException {
        try (Connection c = db.getConnection(); var s = c.prepareStatement("SELECT DISTINCT run_id FROM run_events "
                + "WHERE reported_at IS NULL AND kind = ANY(?) AND report_after <= now() ORDER BY run_id LIMIT 20")) {
            s.setArray(1, c.createArrayOf("text", EventKind.LIFECYCLE.toArray()));
            var ids = new ArrayList<Long>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private int reportRun(long runId) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                int done = 0;
                if (lock(c, runId)) {
                    done = report(c, runId);
                }
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static boolean lock(Connection c, long runId) throws SQLException {
        try (var s = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?, ?)")) {
            s.setInt(1, LOCK_CLASS);
            s.setInt(2, (int) runId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private int report(Connection c, long runId) throws SQLException {
        int done = 0;
        try (var s = c.prepareStatement("SELECT e.seq, e.kind, e.data::text, e.at, e.report_attempts, e.report_after "
                + "<= now(), r.agent, r.task_id FROM run_events e JOIN runs r ON r.id = e.run_id WHERE e.run_id = ? "
                + "AND e.reported_at IS NULL AND e.kind = ANY(?) ORDER BY e.seq")) {
            s.setLong(1, runId);
            s.setArray(2, c.createArrayOf("text", EventKind.LIFECYCLE.toArray()));
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(6)) {
                        return done;
                    }
                    int seq = rs.getInt(1);
                    long task = rs.getLong(8);
                    Long taskId = rs.wasNull() ? null : task;
                    try {
                        send(runId, seq, rs.getString(2), Json.mapper().readTree(rs.getString(3)),
                                rs.getTimestamp(4).toInstant().toString(), rs.getString(7), taskId);
                        mark(c, runId, seq, null, 0);
                        done++;
                    } catch (IOException e) {
                        // In order per run: a refused event holds back the later ones of the same run.
                        mark(c, runId, seq, e.getMessage(), rs.getInt(5) + 1);
                        return done;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return done;
                    }
                }
            }
        }
        return done;
    }

    private void send(long runId, int seq, String kind, JsonNode data, String at, String agent, Long taskId)
            throws IOException, InterruptedException {
        if (!topicReady) {
            plane.ensureTopic(TOPIC);
            topicReady = true;
        }
        var payload = new LinkedHashMap<String, Object>();
        payload.put("runId", Long.toString(runId));
        payload.put("seq", seq);
        payload.put("kind", kind);
        payload.put("agent", agent);
        payload.put("taskId", taskId);
        payload.put("at", at);
        payload.put("data", data);
        payload.put("url", runsUrl + "/" + runId);
        plane.publish(TOPIC, "agent-run-" + runId + "-" + seq, payload);
        if (taskId == null) {
            return;
        }
        String link = runsUrl + "/" + runId;
        switch (kind) {
            case EventKind.STARTED -> {
                plane.moveTask(taskId, "in_progress");
                plane.comment(taskId, "Agent " + agent + " started run " + runId + " (attempt "
                        + data.path("attempt").asInt() + "): " + link);
            }
            case EventKind.FINISHED -> {
                plane.moveTask(taskId, "review");
                plane.comment(taskId, "Agent " + agent + " finished run " + runId + "; review its output: " + link
                        + "\n\n" + clip(data.path("output").asText("")));
            }
            case EventKind.FAILED, EventKind.CANCELLED -> {
                plane.moveTask(taskId, "blocked");
                plane.comment(taskId, "Agent " + agent + " run " + runId + " " + kind + ": "
                        + clip(data.path(EventKind.FAILED.equals(kind) ? "error" : "reason").asText("")) + " — " + link);
            }
            default -> {
                // Queued, retrying and rescued go to HiveMind only; the task moves when the run starts or ends.
            }
        }
    }

    private static String clip(String text) {
        return text.length() <= 4_000 ? text : text.substring(0, 4_000) + " …";
    }

    private static void mark(Connection c, long runId, int seq, String error, int attempts) throws SQLException {
        String sql = error == null
                ? "UPDATE run_events SET reported_at = now(), report_error = NULL WHERE run_id = ? AND seq = ?"
                : "UPDATE run_events SET report_attempts = ?, report_error = ?, report_after = now() + "
                + "make_interval(secs => least(300, power(2, least(?, 9)))) WHERE run_id = ? AND seq = ?";
        try (var s = c.prepareStatement(sql)) {
            int i = 1;
            if (error != null) {
                s.setInt(i++, attempts);
                s.setString(i++, error.length() > 500 ? error.substring(0, 500) : error);
                s.setInt(i++, attempts);
            }
            s.setLong(i++, runId);
            s.setInt(i, seq);
            s.executeUpdate();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
