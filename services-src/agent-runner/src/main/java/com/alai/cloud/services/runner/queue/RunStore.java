package com.alai.cloud.services.runner.queue;

import com.alai.cloud.services.runner.model.EventKind;
import com.alai.cloud.services.runner.model.NewRun;
import com.alai.cloud.services.runner.model.Run;
import com.alai.cloud.services.runner.model.RunStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** What the API does to runs: queue one (idempotently), read, list, ask to cancel. */
public final class RunStore {
    /** The outcome of {@link #submit}: the run, and whether this call created it. */
    public record Submitted(Run run, boolean created, boolean sameRequest) {
    }

    /** A page of runs, newest first, and the cursor of the next page (null at the end). */
    public record Page(List<Run> runs, Long next) {
    }

    private final DataSource db;

    public RunStore(DataSource db) {
        this.db = db;
    }

    /**
     * Queues {@code run} unless its caller already used its key: then the run that key made is returned, and
     * {@code sameRequest} says whether the body was the same. Concurrent submits of one key make one run: the second
     * insert waits on the first's unique-index entry and then inserts nothing.
     */
    public Submitted submit(NewRun run) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                Optional<Long> id = insert(c, run);
                if (id.isPresent()) {
                    EventLog.append(c, id.get(), EventKind.QUEUED, Map.of("agent", run.agent(), "priority", run.priority()));
                    Signals.notify(c, Signals.QUEUED, run.agent());
                }
                c.commit();
                if (id.isPresent()) {
                    return new Submitted(get(id.get()).orElseThrow(), true, true);
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        try (Connection c = db.getConnection(); var s = c.prepareStatement("SELECT " + RunRows.COLUMNS
                + ", request_hash FROM runs WHERE caller = ? AND idempotency_key = ?")) {
            s.setString(1, run.caller());
            s.setString(2, run.idempotencyKey());
            try (var rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the run of an existing idempotency key vanished", "40001");
                }
                return new Submitted(RunRows.read(rs), false, rs.getString("request_hash").equals(run.requestHash()));
            }
        }
    }

    private static Optional<Long> insert(Connection c, NewRun run) throws SQLException {
        try (var s = c.prepareStatement("INSERT INTO runs (agent, input, task_id, model, timeout_seconds, max_cost_usd, "
                + "caller, idempotency_key, request_hash, priority, max_attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?) "
                + "ON CONFLICT (caller, idempotency_key) DO NOTHING RETURNING id")) {
            s.setString(1, run.agent());
            s.setString(2, run.input());
            if (run.taskId() == null) {
                s.setNull(3, Types.BIGINT);
            } else {
                s.setLong(3, run.taskId());
            }
            s.setString(4, run.model());
            s.setInt(5, run.timeoutSeconds());
            s.setBigDecimal(6, run.maxCostUsd());
            s.setString(7, run.caller());
            s.setString(8, run.idempotencyKey());
            s.setString(9, run.requestHash());
            s.setInt(10, run.priority());
            s.setInt(11, run.maxAttempts());
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public Optional<Run> get(long id) throws SQLException {
        try (Connection c = db.getConnection();
             var s = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM runs WHERE id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                return rs.next() ? Optional.of(RunRows.read(rs)) : Optional.empty();
            }
        }
    }

    /** Runs newest first, optionally of one status and one agent, before the cursor (a run id). */
    public Page list(Optional<RunStatus> status, Optional<String> agent, Optional<Long> before, int limit)
            throws SQLException {
        try (Connection c = db.getConnection(); var s = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM runs "
                + "WHERE (?::text IS NULL OR status = ?) AND (?::text IS NULL OR agent = ?) AND id < ? "
                + "ORDER BY id DESC LIMIT ?")) {
            String st = status.map(RunStatus::wire).orElse(null);
            s.setString(1, st);
            s.setString(2, st);
            s.setString(3, agent.orElse(null));
            s.setString(4, agent.orElse(null));
            s.setLong(5, before.orElse(Long.MAX_VALUE));
            s.setInt(6, limit + 1);
            var runs = new ArrayList<Run>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.add(RunRows.read(rs));
                }
            }
            if (runs.size() > limit) {
                runs.removeLast();
                return new Page(runs, runs.getLast().id());
            }
            return new Page(runs, null);
        }
    }

    /**
     * Asks for a run to stop. A queued run is cancelled here and then; a running one is flagged and its worker told
     * on {@link Signals#CANCEL} (it also polls the flag); a finished one is left as it is. Empty when there is no run.
     */
    public Optional<Run> cancel(long id) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                RunStatus status;
                try (var s = c.prepareStatement("SELECT status FROM runs WHERE id = ? FOR UPDATE")) {
                    s.setLong(1, id);
                    try (var rs = s.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return Optional.empty();
                        }
                        status = RunStatus.of(rs.getString(1));
                    }
                }
                if (status == RunStatus.QUEUED) {
                    try (var s = c.prepareStatement("UPDATE runs SET status = 'cancelled', cancel_requested = true, "
                            + "finished_at = now() WHERE id = ?")) {
                        s.setLong(1, id);
                        s.executeUpdate();
                    }
                    EventLog.append(c, id, EventKind.CANCELLED, Map.of("reason", "cancelled before it started"));
                } else if (status == RunStatus.RUNNING) {
                    try (var s = c.prepareStatement("UPDATE runs SET cancel_requested = true WHERE id = ?")) {
                        s.setLong(1, id);
                        s.executeUpdate();
                    }
                    Signals.notify(c, Signals.CANCEL, Long.toString(id));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return get(id);
    }
}
