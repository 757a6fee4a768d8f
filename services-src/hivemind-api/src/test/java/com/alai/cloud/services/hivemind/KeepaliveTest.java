package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keepalive with an independent client (the JDK's), across two replicas whose intervals are shortened by config:
 * one quiet subscriber pings like a standard client, one never pings and relies on the server's, one streams.
 * {@code bench/hivemind-keepalive.sh} runs the same class at the real intervals for 10 minutes through the system
 * properties below.
 */
class KeepaliveTest {
    /** The server's HIVEMIND_WS_PING_SECONDS. */
    static final int SERVER_PING = Integer.getInteger("hivemind.keepalive.pingSeconds", 2);
    /** The client's ping interval and pong timeout (Python websockets: 20 and 20 by default). */
    static final int CLIENT_PING = Integer.getInteger("hivemind.keepalive.clientPingSeconds", 2);
    /** How long the quiet and streaming periods last: longer than every interval above. */
    static final int SPAN = Integer.getInteger("hivemind.keepalive.spanSeconds", 10);
    private static final Fixture F = Fixture.INSTANCE;
    private static HiveMindApi a;
    private static HiveMindApi b;

    @BeforeAll
    static void replicas() throws Exception {
        var fast = Map.of("HIVEMIND_WS_PING_SECONDS", String.valueOf(SERVER_PING), "HIVEMIND_WS_CLOSE_SECONDS", "2");
        a = F.replica("ka-a", fast);
        b = F.replica("ka-b", fast);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    private static WsClient subscribe(HiveMindApi replica, String topic) throws Exception {
        var client = WsClient.connect(Fixture.ws(replica, "/topics/" + topic + "/subscribe"), F.token());
        assertEquals("subscribed", client.next().get("type").asText());
        return client;
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingTheSamePayload() throws Exception {
        try (var client = subscribe(b, F.topic())) {
            byte[] payload = "are you there? \uD83D\uDC1D".getBytes(StandardCharsets.UTF_8);
            client.ping(payload);
            ByteBuffer pong = client.pongs.poll(20, TimeUnit.SECONDS);
            assertNotNull(pong, "a pong");
            byte[] got = new byte[pong.remaining()];
            pong.get(got);
            assertArrayEquals(payload, got);
        }
    }

    @Test
    void aSilentSubscriberIsPingedByTheServerAndStaysSubscribed() throws Exception {
        String topic = F.topic();
        try (var client = subscribe(b, topic)) {
            for (int i = 0; i < 3; i++) {
                client.nextPing(); // the JDK client answers each by itself
            }
            long offset = F.publish(a, topic, "{\"after\":\"pings\"}");
            assertEquals(offset, client.messages(1).get(0).get("offset").asLong());
            assertTrue(client.open());
        }
    }

    @Test
    void aStandardClientStaysSubscribedThroughQuietPeriodsAndLongStreams() throws Exception {
        String quietTopic = F.topic();
        String streamTopic = F.topic();
        try (var quiet = subscribe(b, quietTopic); var silent = subscribe(a, quietTopic);
             var streaming = subscribe(a, streamTopic);
             var quietKeepalive = new ClientKeepalive(quiet, CLIENT_PING);
             var streamKeepalive = new ClientKeepalive(streaming, CLIENT_PING)) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SPAN);
            var publisher = CompletableFuture.supplyAsync(() -> publishUntil(end, streamTopic));
            // Acking as they come, as a subscriber must: unacked, the window and then the buffer fill (4408).
            List<JsonNode> received = new ArrayList<>();
            while (!publisher.isDone()) {
                streaming.pollMessage(100).ifPresent(received::add);
            }
            int published = publisher.get();
            received.addAll(streaming.messages(published - received.size()));
            for (int i = 0; i < published; i++) {
                assertEquals(i + 1, received.get(i).get("offset").asLong(), "in order, none lost");
            }
            long last = F.publish(a, quietTopic, "{\"after\":\"quiet\"}");
            assertEquals(last, quiet.messages(1).get(0).get("offset").asLong());
            assertEquals(last, silent.messages(1).get(0).get("offset").asLong(), "kept alive by the server's pings");
            assertEquals(0, quietKeepalive.missed() + streamKeepalive.missed(), "every client ping got its pong");
            assertTrue(quiet.open() && silent.open() && streaming.open(), "none was closed");
        }
    }

    // A message every 200 ms through alternating replicas, until the span is over.
    private static int publishUntil(long end, String topic) {
        int n = 0;
        try {
            while (System.nanoTime() < end) {
                F.publish(++n % 2 == 0 ? a : b, topic, "{\"n\":" + n + "}");
                Thread.sleep(200);
            }
            return n;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aSubscriberThatStopsAnsweringPingsIsClosedWith4410() throws Exception {
        try (var peer = RawWs.connect(b, "/topics/" + F.topic() + "/subscribe", F.token())) {
            RawWs.Frame close = peer.readClose(); // reads the pings, answers none
            assertNotNull(close);
            assertEquals(4410, close.closeCode(), close.text());
        }
    }
}
