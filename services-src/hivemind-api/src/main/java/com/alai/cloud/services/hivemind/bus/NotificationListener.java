package com.alai.cloud.services.hivemind.bus;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.hivemind.store.MessageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * One dedicated LISTEN connection per replica, outside the pool. Each (re)connect LISTENs first and then resyncs the
 * fan-out from the database, so whatever was committed while it was away is delivered, in order, before anything new.
 */
public final class NotificationListener implements AutoCloseable {
    @FunctionalInterface
    public interface Connector {
        Connection connect() throws SQLException;
    }

    private static final int POLL_MS = 250;
    private static final int COALESCE_MS = 2;
    private static final int PROBE_EVERY_MS = 5_000;
    private final Connector connector;
    private final Fanout fanout;
    private final TopicCache cache;
    private final JsonLog log;
    private final AtomicLong connects = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean connected;
    private volatile Connection current;

    public NotificationListener(Connector connector, Fanout fanout, TopicCache cache, JsonLog log) {
        this.connector = connector;
        this.fanout = fanout;
        this.cache = cache;
        this.log = log;
        this.thread = Thread.ofPlatform().daemon().name("hivemind-listen").unstarted(this::run);
    }

    public NotificationListener start() {
        thread.start();
        return this;
    }

    public boolean connected() {
        return connected;
    }

    /** How many times the LISTEN connection has been established. */
    public long connects() {
        return connects.get();
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
                log.error("listen connection lost; reconnecting", Map.of("error", String.valueOf(e.getMessage()),
                        "retryMs", backoffMs));
                sleep(backoffMs);
                backoffMs = Math.min(backoffMs * 2, 2_000);
            }
        }
    }

    private void listen(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN " + MessageStore.CHANNEL);
            s.execute("LISTEN " + MessageStore.DELETED);
        }
        connected = true;
        connects.incrementAndGet();
        cache.forgetAll();
        fanout.resync();
        PGConnection pg = c.unwrap(PGConnection.class);
        long lastProbe = System.nanoTime();
        while (running) {
            PGNotification[] notifications = pg.getNotifications(POLL_MS);
            if (notifications != null && notifications.length > 0) {
                // Under load, gather what commits in the next couple of milliseconds too: one read then serves
                // several messages, which is most of a small replica's fan-out cost.
                PGNotification[] more = pg.getNotifications(COALESCE_MS);
                fanout.notified(latest(notifications, more));
                deleted(notifications, more);
            } else if ((System.nanoTime() - lastProbe) / 1_000_000 > PROBE_EVERY_MS) {
                // A silently dropped socket raises no error on its own; a round trip finds it.
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                lastProbe = System.nanoTime();
            }
        }
    }

    // After the batch's messages: what was published before the deletion has been handed over already.
    private void deleted(PGNotification[]... batches) {
        for (PGNotification n : all(batches)) {
            if (MessageStore.DELETED.equals(n.getName())) {
                cache.forget(n.getParameter());
                fanout.deleted(n.getParameter());
            }
        }
    }

    private static List<PGNotification> all(PGNotification[]... batches) {
        return java.util.Arrays.stream(batches).filter(java.util.Objects::nonNull).flatMap(java.util.Arrays::stream)
                .toList();
    }

    static Map<String, Long> latest(PGNotification[]... batches) {
        var upTo = new HashMap<String, Long>();
        for (PGNotification n : all(batches)) {
            if (!MessageStore.CHANNEL.equals(n.getName())) {
                continue;
            }
            String text = n.getParameter();
            int colon = text.lastIndexOf(':');
            if (colon > 0) {
                try {
                    upTo.merge(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)), Math::max);
                } catch (NumberFormatException ignored) {
                    // Not ours: the channel only carries topic:offset.
                }
            }
        }
        return upTo;
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
