package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself restarts mid-stream (its own embedded server, so the shared one is untouched). Publishers retry
 * with idempotency keys; a subscriber that is cut off reconnects from the last offset it received. Every message
 * arrives exactly once, in order.
 */
class PostgresRestartTest {
    private final Fixture f = Fixture.INSTANCE;

    @Test
    void aPostgresRestartLosesAndReordersNothing() throws Exception {
        Path data = Files.createTempDirectory("hivemind-pg");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = start(data, port);
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE hivemind");
        }
        var a = f.replica(port, "restart-a", Map.of());
        var b = f.replica(port, "restart-b", Map.of());
        try {
            var created = f.send(f.authed(a, "/topics").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"restart\"}")));
            assertEquals(201, created.statusCode(), created.body());
            int total = 120;
            var published = new AtomicLong();
            var publisher = CompletableFuture.runAsync(() -> publishWithRetries(a, b, total, published));
            List<Long> received = new ArrayList<>();
            long last = 0;
            boolean restarted = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.size() < total && System.nanoTime() < deadline && !publisher.isCompletedExceptionally()) {
                try (var sub = WsClient.connect(Fixture.ws(b, "/topics/restart/subscribe?after=" + last), f.token())) {
                    sub.next();
                    while (received.size() < total && !publisher.isCompletedExceptionally()) {
                        if (!restarted && received.size() >= 40) {
                            pg.close();
                            pg = start(data, port);
                            restarted = true;
                        }
                        var frame = sub.frames.poll(200, TimeUnit.MILLISECONDS);
                        if (frame == null) {
                            if (sub.closed.isDone()) {
                                break;
                            }
                            continue;
                        }
                        last = frame.get("offset").asLong();
                        received.add(last);
                        sub.ack(last);
                    }
                } catch (java.util.concurrent.ExecutionException refusedWhileDown) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                }
            }
            publisher.get(60, TimeUnit.SECONDS);
            assertTrue(restarted);
            assertEquals(total, published.get());
            for (int i = 0; i < total; i++) {
                assertEquals(i + 1, received.get(i), "offset order after the restart");
            }
            assertEquals(total, received.size());
        } finally {
            f.logs.text().lines().filter(l -> l.contains("request failed")).limit(5).forEach(System.out::println);
            a.close();
            b.close();
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws java.io.IOException {
        return EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).setPort(port).start();
    }

    // A publish whose answer is lost may have committed; the idempotency key makes the retry harmless.
    private void publishWithRetries(HiveMindApi a, HiveMindApi b, int total, AtomicLong published) {
        for (int i = 1; i <= total; i++) {
            var replica = i % 2 == 0 ? a : b;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    var response = f.send(HttpRequest.newBuilder(URI.create(Fixture.url(replica, "/topics/restart/messages")))
                            .header("Authorization", "Bearer " + f.token()).header("Content-Type", "application/json")
                            .header("Idempotency-Key", "m-" + i)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":{\"n\":" + i + "}}")));
                    if (response.statusCode() == 201 || response.statusCode() == 200) {
                        published.incrementAndGet();
                        break;
                    }
                    if (response.statusCode() != 503) {
                        throw new IllegalStateException("publish " + i + ": " + response.statusCode() + " " + response.body());
                    }
                } catch (IllegalStateException e) {
                    throw e;
                } catch (Exception e) {
                    // The replica could not answer; retry.
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("publish " + i + " never succeeded");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }
}
