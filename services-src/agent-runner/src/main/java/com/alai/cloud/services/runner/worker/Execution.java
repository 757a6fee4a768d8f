package com.alai.cloud.services.runner.worker;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.runner.model.EventKind;
import com.alai.cloud.services.runner.model.Usage;
import com.alai.cloud.services.runner.queue.Claim;
import com.alai.cloud.services.runner.queue.RunQueue;
import com.alai.cloud.services.runner.runtime.RunContext;
import com.alai.cloud.services.runner.runtime.RunFailure;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One attempt of a run on this worker: the runtime's {@link RunContext}. Reports become events fenced by the lease;
 * output is gathered into chunks (flushed before any other event, at 512 characters, and on the worker's tick) so a
 * streaming model does not cost a row per token.
 */
final class Execution implements RunContext {
    private static final int CHUNK = 512;
    private final Claim claim;
    private final RunQueue queue;
    private final Path workDir;
    private final JsonLog log;
    private final List<Runnable> aborts = new ArrayList<>();
    private final StringBuilder pending = new StringBuilder();
    private volatile StopReason stop;
    private boolean spent;
    private Usage total = Usage.NONE;

    Execution(Claim claim, RunQueue queue, Path workDir, JsonLog log) {
        this.claim = claim;
        this.queue = queue;
        this.workDir = workDir;
        this.log = log;
    }

    Claim claim() {
        return claim;
    }

    StopReason stopReason() {
        return stop;
    }

    void stop(StopReason reason) {
        List<Runnable> run;
        synchronized (this) {
            if (stop != null) {
                return;
            }
            stop = reason;
            run = List.copyOf(aborts);
        }
        run.forEach(Execution::quietly);
    }

    @Override
    public void onStop(Runnable abort) {
        synchronized (this) {
            if (stop == null) {
                aborts.add(abort);
                return;
            }
        }
        quietly(abort);
    }

    private static void quietly(Runnable abort) {
        try {
            abort.run();
        } catch (RuntimeException ignored) {
            // Stopping is best effort; the attempt's outcome is decided by the stop reason.
        }
    }

    @Override
    public boolean stopped() {
        return stop != null;
    }

    @Override
    public long runId() {
        return claim.runId();
    }

    @Override
    public String input() {
        return claim.input();
    }

    @Override
    public int attempt() {
        return claim.attempt();
    }

    @Override
    public String modelOverride() {
        return claim.model();
    }

    @Override
    public BigDecimal maxCostUsd() {
        return claim.maxCostUsd();
    }

    @Override
    public Path workDir() {
        return workDir;
    }

    @Override
    public synchronized void spending() throws RunFailure {
        if (stop != null) {
            throw RunFailure.fatal("the run was stopped");
        }
        if (spent) {
            return;
        }
        try {
            if (!queue.markSpent(claim)) {
                stop(StopReason.LEASE_LOST);
                throw RunFailure.fatal("this worker no longer holds the run");
            }
        } catch (SQLException e) {
            // Without the record, a failure later could re-run a paid request: do not send it.
            throw RunFailure.transientFailure("cannot record the spend before the model request", null, e);
        }
        spent = true;
    }

    @Override
    public synchronized void nothingBought() {
        if (!spent || total.inputTokens() + total.outputTokens() > 0) {
            return;
        }
        try {
            if (queue.unmarkSpent(claim)) {
                spent = false;
            }
        } catch (SQLException e) {
            // Left marked: the run fails rather than risk a second purchase.
            log.warn("spend mark not cleared", Map.of("run", claim.runId()));
        }
    }

    @Override
    public void log(String line) {
        event(EventKind.LOG, Map.of("line", line));
    }

    @Override
    public synchronized void output(String text) {
        pending.append(text);
        if (pending.length() >= CHUNK) {
            flush();
        }
    }

    /** Writes the gathered output as one event. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        String text = pending.toString();
        pending.setLength(0);
        write(EventKind.OUTPUT, Map.of("text", text));
    }

    @Override
    public void toolCall(String id, String name, Object input) {
        var data = new HashMap<String, Object>();
        data.put("id", id);
        data.put("name", name);
        data.put("input", input);
        event(EventKind.TOOL_CALL, data);
    }

    @Override
    public void toolResult(String id, String content, boolean error) {
        event(EventKind.TOOL_RESULT, Map.of("id", id, "content", content, "error", error));
    }

    @Override
    public synchronized void usage(Usage delta) throws RunFailure {
        flush();
        total = total.plus(delta);
        try {
            if (!queue.addUsage(claim, delta)) {
                stop(StopReason.LEASE_LOST);
            }
        } catch (SQLException e) {
            log.error("usage not recorded", Map.of("run", claim.runId(), "sqlState", String.valueOf(e.getSQLState())));
        }
        if (claim.maxCostUsd() != null && total.costUsd().compareTo(claim.maxCostUsd()) > 0) {
            throw RunFailure.fatal("cost " + total.costUsd().toPlainString() + " USD passed maxCostUsd "
                    + claim.maxCostUsd().toPlainString());
        }
    }

    @Override
    public synchronized void event(String kind, Map<String, ?> data) {
        flush();
        write(kind, data);
    }

    private void write(String kind, Map<String, ?> data) {
        try {
            if (!queue.event(claim, kind, data)) {
                stop(StopReason.LEASE_LOST);
            }
        } catch (SQLException e) {
            // The run goes on; its outcome is still recorded when the database answers again.
            log.error("event not recorded", Map.of("run", claim.runId(), "kind", kind,
                    "sqlState", String.valueOf(e.getSQLState())));
        }
    }
}
