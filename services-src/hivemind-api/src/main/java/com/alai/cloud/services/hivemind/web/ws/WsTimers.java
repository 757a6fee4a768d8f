package com.alai.cloud.services.hivemind.web.ws;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The replica's WebSocket clock: one thread that runs every connection's keepalive tick and close deadline. Its
 * tasks only look at state and start or abort; anything that can block on a socket runs on a virtual thread.
 */
public final class WsTimers implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("hivemind-ws-timer").factory());
    private final int pingSeconds;
    private final int closeSeconds;

    /**
     * @param pingSeconds  how long a connection may be silent before it is pinged, and how long a ping may go
     *                     unanswered before the connection is closed
     * @param closeSeconds how long a peer has to answer our close frame before its socket is closed under it
     */
    public WsTimers(int pingSeconds, int closeSeconds) {
        this.pingSeconds = pingSeconds;
        this.closeSeconds = closeSeconds;
    }

    int pingSeconds() {
        return pingSeconds;
    }

    long pingNanos() {
        return TimeUnit.SECONDS.toNanos(pingSeconds);
    }

    ScheduledFuture<?> everyPingInterval(Runnable tick) {
        return timer.scheduleAtFixedRate(tick, pingSeconds, pingSeconds, TimeUnit.SECONDS);
    }

    void afterCloseBound(Runnable deadline) {
        timer.schedule(deadline, closeSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
