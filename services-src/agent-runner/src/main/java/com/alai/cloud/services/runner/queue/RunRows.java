package com.alai.cloud.services.runner.queue;

import com.alai.cloud.services.runner.model.Run;
import com.alai.cloud.services.runner.model.RunStatus;
import com.alai.cloud.services.runner.model.Usage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The run columns and how a row becomes a {@link Run}: one place for both. */
final class RunRows {
    static final String COLUMNS = "id, agent, input, task_id, model, timeout_seconds, max_cost_usd, status, priority, "
            + "attempt, max_attempts, worker, cancel_requested, spent, input_tokens, output_tokens, cost_usd, output, "
            + "error, created_at, started_at, finished_at";

    private RunRows() {
    }

    static Run read(ResultSet rs) throws SQLException {
        long task = rs.getLong("task_id");
        Long taskId = rs.wasNull() ? null : task;
        return new Run(rs.getLong("id"), rs.getString("agent"), rs.getString("input"), taskId, rs.getString("model"),
                rs.getInt("timeout_seconds"), rs.getBigDecimal("max_cost_usd"), RunStatus.of(rs.getString("status")),
                rs.getInt("priority"), rs.getInt("attempt"), rs.getInt("max_attempts"), rs.getString("worker"),
                rs.getBoolean("cancel_requested"), rs.getBoolean("spent"),
                new Usage(rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getBigDecimal("cost_usd")),
                rs.getString("output"), rs.getString("error"), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
