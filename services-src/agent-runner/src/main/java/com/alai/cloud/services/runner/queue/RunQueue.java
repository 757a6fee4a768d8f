package com.alai.cloud.services.runner.queue;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.model.EventKind;
import com.alai.cloud.services.runner.model.RunStatus;
import com.alai.cloud.services.runner.model.Usage;
import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * What workers do to runs: claim the next one (highest priority, oldest first, skipping agents at their concurrency
 * limit), keep the lease alive, record spend and usage, finish, retry with backoff, and rescue runs whose worker
 * stopped heartbeating. The heartbeat is the lease; the run's own deadline is separate, so a long run that heartbeats
 * is never taken for a dead one.
 */
public final class RunQueue {
    private final DataSource db;
    private final Backoff backoff;

    public RunQueue(DataSource db, Backoff backoff) {
        this.db = db;
        this.backoff = backoff;
    }

    /**
     * Claims one due run for {@code worker}. {@code limits} maps an agent to its concurrency limit (others get
     * {@code defaultLimit}). The candidate row is locked with SKIP LOCKED; the agent's running count is then checked
     * again under a per-agent advisory lock, so two workers cannot both take an agent's last slot.
     */
    public Optional<Claim> claim(String worker, Map<String, Integer> limits, int defaultLimit) throws SQLException {
        var skipped = new ArrayList<String>();
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (int round = 0; round < 8; round++) {
                    Optional<String[]> candidate = candidate(c, limits, defaultLimit, skipped);
                    if (candidate.isEmpty()) {
                        c.commit();
                        return Optional.empty();
                    }
                    long id = Long.parseLong(candidate.get()[0]);
                    String agent = candidate.get()[1];
                    if (underLimit(c, agent, limits.getOrDefault(agent, defaultLimit))) {
                        Claim claim = take(c, id, worker);
                        c.commit();
                        return Optional.of(claim);
                    }
                    c.rollback();
                    skipped.add(agent);
                }
                c.commit();
                return Optional.empty();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Optional<String[]> candidate(Connection c, Map<String, Integer> limits, int defaultLimit,
                                                List<String> skipped) throws SQLException {
        try (var s = c.prepareStatement("SELECT id, agent FROM runs r WHERE status = 'queued' AND run_after <= now() "
                + "AND agent <> ALL(?) AND (SELECT count(*) FROM runs x WHERE x.status = 'running' AND x.agent = r.agent) "
                + "< coalesce((?::jsonb ->> r.agent)::int, ?) ORDER BY priority DESC, id LIMIT 1 FOR UPDATE SKIP LOCKED")) {
            Array skip = c.createArrayOf("text", skipped.toArray());
            s.setArray(1, skip);
            s.setString(2, new String(Json.bytes(limits), java.nio.charset.StandardCharsets.UTF_8));
            s.setInt(3, defaultLimit);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2)}) : Optional.empty();
            }
        }
    }

    private static boolean underLimit(Connection c, String agent, int limit) throws SQLException {
        try (var s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext('agent-runner:' || ?))")) {
            s.setString(1, agent);
            s.execute();
        }
        // A new statement after the lock: under READ COMMITTED it sees the claim that whoever held the lock committed.
        try (var s = c.prepareStatement("SELECT count(*) FROM runs WHERE status = 'running' AND agent = ?")) {
            s.setString(1, agent);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) < limit;
            }
        }
    }

    private static Claim take(Connection c, long id, String worker) throws SQLException {
        Claim claim;
        try (var s = c.prepareStatement("UPDATE runs SET status = 'running', worker = ?, attempt = attempt + 1, "
                + "heartbeat_at = now(), started_at = now(), deadline_at = now() + make_interval(secs => timeout_seconds) "
                + "WHERE id = ? RETURNING id, agent, input, task_id, model, timeout_seconds, max_cost_usd, attempt, "
                + "max_attempts, deadline_at")) {
            s.setString(1, worker);
            s.setLong(2, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                long task = rs.getLong("task_id");
                claim = new Claim(rs.getLong("id"), rs.getString("agent"), rs.getString("input"),
                        rs.wasNull() ? null : task, rs.getString("model"), rs.getInt("timeout_seconds"),
                        rs.getBigDecimal("max_cost_usd"), rs.getInt("attempt"), rs.getInt("max_attempts"), worker,
                        rs.getTimestamp("deadline_at").toInstant());
            }
        }
        EventLog.append(c, id, EventKind.STARTED, Map.of("worker", worker, "attempt", claim.attempt()));
        return claim;
    }

    /** Renews the lease of these runs; returns the ids this worker still holds (a rescued one is gone from it). */
    public List<Long> heartbeat(String worker, List<Long> runIds) throws SQLException {
        if (runIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = db.getConnection(); var s = c.prepareStatement("UPDATE runs SET heartbeat_at = now() "
                + "WHERE worker = ? AND status = 'running' AND id = ANY(?) RETURNING id")) {
            s.setString(1, worker);
            s.setArray(2, c.createArrayOf("bigint", runIds.toArray()));
            var held = new ArrayList<Long>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    held.add(rs.getLong(1));
                }
            }
            return held;
        }
    }

    /** Of these runs, the ones whose cancellation was asked for (the poll behind the LISTEN fast path). */
    public List<Long> cancelRequested(List<Long> runIds) throws SQLException {
        if (runIds.isEmpty()) {
            return List.of();
        }
        try (Connection c = db.getConnection();
             var s = c.prepareStatement("SELECT id FROM runs WHERE id = ANY(?) AND cancel_requested")) {
            s.setArray(1, c.createArrayOf("bigint", runIds.toArray()));
            var ids = new ArrayList<Long>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * Records, durably and before the request goes out, that this attempt may buy model tokens: from now on the run
     * is never re-run silently. False when the lease is lost (the run was rescued): the worker must not send it.
     */
    public boolean markSpent(Claim claim) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.prepareStatement(
                "UPDATE runs SET spent = true WHERE id = ? AND worker = ? AND attempt = ? AND status = 'running'")) {
            s.setLong(1, claim.runId());
            s.setString(2, claim.worker());
            s.setInt(3, claim.attempt());
            return s.executeUpdate() == 1;
        }
    }

    /** Clears the mark of {@link #markSpent} for a request refused before any token was bought; false if not held. */
    public boolean unmarkSpent(Claim claim) throws SQLException {
        try (Connection c = db.getConnection(); var s = c.prepareStatement("UPDATE runs SET spent = false WHERE id = ? "
                + "AND worker = ? AND attempt = ? AND status = 'running' AND input_tokens = 0 AND output_tokens = 0")) {
            s.setLong(1, claim.runId());
            s.setString(2, claim.worker());
            s.setInt(3, claim.attempt());
            return s.executeUpdate() == 1;
        }
    }

    /** Adds usage to the run and appends the usage event; false when the lease is lost. */
    public boolean addUsage(Claim claim, Usage delta) throws SQLException {
        return fenced(claim, c -> {
            try (var s = c.prepareStatement("UPDATE runs SET input_tokens = input_tokens + ?, output_tokens = "
                    + "output_tokens + ?, cost_usd = cost_usd + ? WHERE id = ? AND worker = ? AND attempt = ? AND "
                    + "status = 'running' RETURNING input_tokens, output_tokens, cost_usd")) {
                s.setLong(1, delta.inputTokens());
                s.setLong(2, delta.outputTokens());
                s.setBigDecimal(3, delta.costUsd());
                s.setLong(4, claim.runId());
                s.setString(5, claim.worker());
                s.setInt(6, claim.attempt());
                try (var rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return false;
                    }
                    EventLog.append(c, claim.runId(), EventKind.USAGE, Map.of("inputTokens", rs.getLong(1),
                            "outputTokens", rs.getLong(2), "costUsd", rs.getBigDecimal(3)));
                    return true;
                }
            }
        });
    }

    /** Appends an event while this worker holds the run; false when the lease is lost. */
    public boolean event(Claim claim, String kind, Object data) throws SQLException {
        return fenced(claim, c -> {
            if (!holds(c, claim)) {
                return false;
            }
            EventLog.append(c, claim.runId(), kind, data);
            return true;
        });
    }

    /**
     * Ends the attempt. A retryable failure goes back to the queue with backoff, unless the run may have bought
     * tokens or has used its attempts: then it fails, and its error says why it was not retried. Returns the status
     * the run took, or empty when the lease was lost (someone else owns the outcome).
     */
    public Optional<RunStatus> finish(Claim claim, Outcome outcome) throws SQLException {
        return Optional.ofNullable(fenced(claim, c -> {
            Boolean spent = spentIfHeld(c, claim);
            if (spent == null) {
                return null;
            }
            return switch (outcome) {
                case Outcome.Succeeded ok -> close(c, claim.runId(), RunStatus.SUCCEEDED, ok.output(), null,
                        EventKind.FINISHED, Map.of("output", ok.output() == null ? "" : ok.output()));
                case Outcome.Cancelled cancelled -> close(c, claim.runId(), RunStatus.CANCELLED, null,
                        cancelled.reason(), EventKind.CANCELLED, Map.of("reason", cancelled.reason()));
                case Outcome.Failed failed -> failOrRetry(c, claim.runId(), claim.attempt(), claim.maxAttempts(),
                        spent, failed);
            };
        }));
    }

    private RunStatus failOrRetry(Connection c, long id, int attempt, int maxAttempts, boolean spent,
                                  Outcome.Failed failed) throws SQLException {
        if (failed.retryable() && !spent && attempt < maxAttempts) {
            Duration delay = backoff.delay(attempt, failed.retryAfter());
            try (var s = c.prepareStatement("UPDATE runs SET status = 'queued', worker = NULL, heartbeat_at = NULL, "
                    + "run_after = now() + make_interval(secs => ?), error = ? WHERE id = ?")) {
                s.setDouble(1, delay.toMillis() / 1000.0);
                s.setString(2, failed.error());
                s.setLong(3, id);
                s.executeUpdate();
            }
            EventLog.append(c, id, EventKind.RETRYING, Map.of("attempt", attempt, "delayMs", delay.toMillis(),
                    "error", failed.error()));
            return RunStatus.QUEUED;
        }
        String error = failed.error();
        if (failed.retryable() && spent) {
            error += "; not retried: model tokens may have been bought on attempt " + attempt
                    + ", and a paid run is never re-run silently (submit it again with a new Idempotency-Key)";
        } else if (failed.retryable()) {
            error += "; gave up after " + attempt + " attempts";
        }
        return close(c, id, RunStatus.FAILED, null, error, EventKind.FAILED, Map.of("error", error));
    }

    private static RunStatus close(Connection c, long id, RunStatus status, String output, String error, String kind,
                                   Map<String, ?> data) throws SQLException {
        try (var s = c.prepareStatement("UPDATE runs SET status = ?, output = ?, error = ?, finished_at = now(), "
                + "heartbeat_at = NULL WHERE id = ?")) {
            s.setString(1, status.wire());
            s.setString(2, output);
            s.setString(3, error);
            s.setLong(4, id);
            s.executeUpdate();
        }
        EventLog.append(c, id, kind, data);
        return status;
    }

    /**
     * Rescues runs whose worker has not heartbeated for {@code lease}: a run that may have bought tokens fails and
     * says so, one cancelled meanwhile is cancelled, any other goes back to the queue (or fails when out of
     * attempts). SKIP LOCKED and the status change make each rescue happen once, however many workers sweep.
     */
    public int rescue(Duration lease) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                var lost = new LinkedHashMap<Long, Object[]>();
                try (var s = c.prepareStatement("SELECT id, attempt, max_attempts, spent, cancel_requested, worker "
                        + "FROM runs WHERE status = 'running' AND heartbeat_at < now() - make_interval(secs => ?) "
                        + "ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED")) {
                    s.setDouble(1, lease.toMillis() / 1000.0);
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            lost.put(rs.getLong(1), new Object[] {rs.getInt(2), rs.getInt(3), rs.getBoolean(4),
                                    rs.getBoolean(5), rs.getString(6)});
                        }
                    }
                }
                for (var e : lost.entrySet()) {
                    rescueOne(c, e.getKey(), (int) e.getValue()[0], (int) e.getValue()[1], (boolean) e.getValue()[2],
                            (boolean) e.getValue()[3], (String) e.getValue()[4]);
                }
                c.commit();
                return lost.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private void rescueOne(Connection c, long id, int attempt, int maxAttempts, boolean spent, boolean cancel,
                           String worker) throws SQLException {
        EventLog.append(c, id, EventKind.RESCUED, Map.of("worker", worker, "attempt", attempt, "spent", spent));
        if (cancel) {
            close(c, id, RunStatus.CANCELLED, null, "cancelled; its worker stopped", EventKind.CANCELLED,
                    Map.of("reason", "cancelled; its worker stopped"));
            return;
        }
        RunStatus next = failOrRetry(c, id, attempt, maxAttempts, spent,
                new Outcome.Failed("worker " + worker + " stopped heartbeating", true, Duration.ZERO));
        if (next == RunStatus.QUEUED) {
            Signals.notify(c, Signals.QUEUED, "rescued");
        }
    }

    private static boolean holds(Connection c, Claim claim) throws SQLException {
        return spentIfHeld(c, claim) != null;
    }

    // Locks the run's row if this worker still holds it; null when it does not.
    private static Boolean spentIfHeld(Connection c, Claim claim) throws SQLException {
        try (var s = c.prepareStatement("SELECT spent FROM runs WHERE id = ? AND worker = ? AND attempt = ? "
                + "AND status = 'running' FOR UPDATE")) {
            s.setLong(1, claim.runId());
            s.setString(2, claim.worker());
            s.setInt(3, claim.attempt());
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getBoolean(1) : null;
            }
        }
    }

    @FunctionalInterface
    private interface Tx<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T fenced(Claim claim, Tx<T> work) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
