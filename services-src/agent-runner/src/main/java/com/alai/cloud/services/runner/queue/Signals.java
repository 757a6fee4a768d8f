package com.alai.cloud.services.runner.queue;

import com.alai.cloud.services.common.log.JsonLog;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The process's one LISTEN session (outside the pool: LISTEN belongs to a session). Notifications only wake
 * waiters early; every waiter also polls, so a lost session delays work by the poll interval but loses nothing.
 */
public final class Signals implements AutoCloseable {
    /** A run was queued or became due: payload is the agent. */
    public static final String QUEUED = "agent_runs_queued";
    /** A run's cancellation was requested: payload is the run id. */
    public static final String CANCEL = "agent_runs_cancel";
    /** A run has a new event: payload is {@code runId:seq}. */
    public static final String EVENTS = "agent_runs_events";
    private static final List<String> CHANNELS = List.of(QUEUED, CANCEL, EVENTS);

    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private final Connector connector;
    private final JsonLog log;
    private final Map<String, List<Consumer<String>>> listeners = Map.of(
            QUEUED, new CopyOnWriteArrayList<>(), CANCEL, new CopyOnWriteArrayList<>(), EVENTS, new CopyOnWriteArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Connection current;

    public Signals(Connector connector, JsonLog log) {
        this.connector = connector;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("runner-listen").unstarted(this::run);
    }

    /** Sends {@code payload} on {@code channel} when the caller's transaction commits. */
    public static void notify(Connection c, String channel, String payload) throws SQLException {
        try (var s = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            s.setString(1, channel);
            s.setString(2, payload);
            s.execute();
        }
    }

    public void on(String channel, Consumer<String> listener) {
        listeners.get(channel).add(listener);
    }

    public void off(String channel, Consumer<String> listener) {
        listeners.get(channel).remove(listener);
    }

    public Signals start() {
        thread.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    private void run() {
        long backoffMs = 50;
        while (running) {
            try (Connection c = connector.connect()) {
                current = c;
                listen(c);
                backoffMs = 50;
            } catch (SQLException | RuntimeException e) {
                connected = false;
                if (!running) {
                    return;
                }
                log.warn("listen session lost; waiters poll until it is back", Map.of("retryMs", backoffMs,
                        "error", e.getClass().getName()));
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 2_000);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String channel : CHANNELS) {
                s.execute("LISTEN " + channel);
            }
        }
        connected = true;
        // Whatever was sent while the session was away is found by the waiters' next look: wake them all now.
        listeners.values().forEach(list -> list.forEach(l -> l.accept("")));
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastProbe = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(250);
            if (notifications != null) {
                for (PGNotification n : notifications) {
                    List<Consumer<String>> wanting = listeners.get(n.getName());
                    if (wanting != null) {
                        wanting.forEach(l -> l.accept(n.getParameter()));
                    }
                }
            }
            if ((System.nanoTime() - lastProbe) > 5_000_000_000L) {
                // A silently dropped socket raises nothing by itself; a round trip finds it.
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastProbe = System.nanoTime();
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        Connection c = current;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing anyway.
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
