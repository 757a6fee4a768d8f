package com.alai.cloud.services.runner.web;

import com.alai.cloud.services.common.http.EventStream;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.runner.model.EventKind;
import com.alai.cloud.services.runner.model.RunEvent;
import com.alai.cloud.services.runner.queue.EventLog;
import com.alai.cloud.services.runner.queue.Signals;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A run's events as server-sent events: everything after the client's Last-Event-ID (the event's seq), then each new
 * one as it is committed, until the run's last event. Woken by {@link Signals#EVENTS}, and reading every second
 * anyway, so a lost LISTEN session only slows a watcher down.
 */
final class EventFeed {
    private static final int PAGE = 500;
    private static final long HEARTBEAT_MS = 15_000;
    private final EventLog events;
    private final Signals signals;

    EventFeed(EventLog events, Signals signals) {
        this.events = events;
        this.signals = signals;
    }

    void serve(long runId, int after, EventStream stream) throws IOException, SQLException, InterruptedException {
        var bell = new Semaphore(0);
        String prefix = runId + ":";
        Consumer<String> wake = payload -> {
            if (payload.isEmpty() || payload.startsWith(prefix)) {
                bell.release();
            }
        };
        signals.on(Signals.EVENTS, wake);
        try {
            int seq = after;
            long quietSince = System.currentTimeMillis();
            while (true) {
                List<RunEvent> batch = events.after(runId, seq, PAGE);
                for (RunEvent e : batch) {
                    stream.send(e.kind(), Integer.toString(e.seq()), Json.mapper().writeValueAsString(RunJson.event(e)));
                    seq = e.seq();
                    if (EventKind.last(e.kind())) {
                        return;
                    }
                }
                if (batch.size() == PAGE) {
                    continue;
                }
                if (!batch.isEmpty()) {
                    quietSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - quietSince > HEARTBEAT_MS) {
                    stream.heartbeat();
                    quietSince = System.currentTimeMillis();
                }
                bell.tryAcquire(1, TimeUnit.SECONDS);
                bell.drainPermits();
            }
        } finally {
            signals.off(Signals.EVENTS, wake);
        }
    }
}
