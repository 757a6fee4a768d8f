package com.alai.cloud.services.hivemind;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What standard clients do on their defaults (Python websockets, browsers behind proxies): ping every interval and
 * count it a failure when the pong has not come by the next ping.
 */
final class ClientKeepalive implements AutoCloseable {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger missed = new AtomicInteger();
    private int sent;

    ClientKeepalive(WsClient client, int seconds) {
        timer.scheduleAtFixedRate(() -> {
            if (client.pongCount() < sent) {
                missed.incrementAndGet();
            }
            sent++;
            client.ping(new byte[]{(byte) sent});
        }, seconds, seconds, TimeUnit.SECONDS);
    }

    int missed() {
        return missed.get();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
