package com.alai.cloud.services.hivemind.store;

import com.alai.cloud.services.common.log.JsonLog;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Deletes what each topic's retention no longer keeps. Every replica runs it; an advisory lock lets one sweep at a
 * time. Offsets are never reused: the next publish still gets next_offset.
 */
public final class RetentionSweeper implements AutoCloseable {
    private static final long LOCK_KEY = 0x4869_7665_4d69_6e64L;
    private final DataSource db;
    private final JsonLog log;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("retention-sweep").factory());

    public RetentionSweeper(DataSource db, JsonLog log) {
        this.db = db;
        this.log = log;
    }

    public RetentionSweeper every(int seconds) {
        timer.scheduleWithFixedDelay(this::sweepQuietly, seconds, seconds, TimeUnit.SECONDS);
        return this;
    }

    /** One sweep; returns the number of messages deleted, or -1 when another replica holds the sweep lock. */
    public long sweep() throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return -1;
                }
            }
            try {
                long byAge = s.executeUpdate("""
                        DELETE FROM messages m USING topics t
                        WHERE m.topic = t.name AND t.retention_max_age IS NOT NULL
                          AND m.created_at < now() - t.retention_max_age""");
                long byCount = s.executeUpdate("""
                        DELETE FROM messages m USING topics t
                        WHERE m.topic = t.name AND t.retention_max_count IS NOT NULL
                          AND m."offset" < t.next_offset - t.retention_max_count""");
                return byAge + byCount;
            } finally {
                s.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        }
    }

    private void sweepQuietly() {
        try {
            long deleted = sweep();
            if (deleted > 0) {
                log.info("retention sweep", Map.of("deleted", deleted));
            }
        } catch (SQLException | RuntimeException e) {
            log.error("retention sweep failed", Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
