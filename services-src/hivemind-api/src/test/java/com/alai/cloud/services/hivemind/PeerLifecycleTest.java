package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Nothing outlives its subscriber, on a replica of its own so its counts are this class's alone: a peer that
 * vanishes (FIN or RST), leaves right after the 101, or stops reading is released — writer thread, buffer and
 * fan-out registration — without waiting for the topic's next message.
 */
class PeerLifecycleTest {
    private static final Fixture F = Fixture.INSTANCE;
    private static HiveMindApi replica;

    @BeforeAll
    static void start() throws Exception {
        replica = F.replica("life", Map.of("HIVEMIND_WS_CLOSE_SECONDS", "1", "HIVEMIND_WS_WINDOW", "4",
                "HIVEMIND_WS_BUFFER", "16"));
    }

    @AfterAll
    static void stop() {
        replica.close();
    }

    /** Waits, at most 20 s, for the count to reach zero; returns what it ended at. */
    private static int settle(IntSupplier count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (count.getAsInt() != 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return count.getAsInt();
    }

    private static RawWs subscribed(String topic) throws Exception {
        var peer = RawWs.connect(replica, "/topics/" + topic + "/subscribe", F.token());
        assertEquals("subscribed", Fixture.json(peer.read().text()).get("type").asText());
        assertEquals(1, replica.subscriptions().count());
        assertEquals(1, replica.subscriptions().registrations());
        return peer;
    }

    private static void assertReleased() {
        assertEquals(0, settle(() -> replica.subscriptions().count()), "writer threads still running");
        assertEquals(0, settle(() -> replica.subscriptions().registrations()), "fan-out registrations left");
    }

    @Test
    void aPeerThatVanishesWithAFinIsReleasedWithoutAnotherMessage() throws Exception {
        subscribed(F.topic()).close();
        assertReleased();
    }

    @Test
    void aPeerThatVanishesWithAResetIsReleasedWithoutAnotherMessage() throws Exception {
        var peer = subscribed(F.topic());
        peer.socket.setSoLinger(true, 0); // close() now sends RST
        peer.close();
        assertReleased();
    }

    @Test
    void aClientThatLeavesRightAfterThe101LogsNothingAtErrorLevel() throws Exception {
        String topic = F.topic();
        try (var helidon = HelidonLog.capture()) {
            for (int i = 0; i < 20; i++) {
                RawWs.connect(replica, "/topics/" + topic + "/subscribe", F.token()).close();
            }
            assertReleased();
            assertEquals(List.of(), helidon.messages());
        }
        assertEquals(List.of(), F.logLines("life").stream().filter(l -> l.contains("\"level\":\"error\"")).toList());
    }

    @Test
    void aPeerThatNeitherReadsNorAnswersTheCloseIsCutAtTheSocket() throws Exception {
        String topic = F.topic();
        var peer = subscribed(topic);
        String big = "\"" + "x".repeat(60_000) + "\"";
        for (int i = 0; i < 40; i++) {
            F.publish(F.a, topic, big); // fills the socket, then the buffer: 4408, which cannot be written
        }
        assertReleased();
        peer.close();
    }

    @Test
    void aPeerThatReadsTheCloseButNeverAnswersIsCutAfterTheBound() throws Exception {
        try (var peer = subscribed(F.topic())) {
            peer.sendText("not an ack");
            RawWs.Frame close = peer.readClose();
            assertNotNull(close);
            assertEquals(4400, close.closeCode());
            assertNull(peer.read(), "the server closed the socket, having waited for no answer");
            assertReleased();
        }
    }
}
