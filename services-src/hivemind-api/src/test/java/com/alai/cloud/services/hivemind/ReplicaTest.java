package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two replicas on one database: what one publishes, the other's subscribers get, whole and in order. */
class ReplicaTest {
    private final Fixture f = Fixture.INSTANCE;

    @Test
    void aMessagePublishedThroughReplicaAReachesASubscriberOnReplicaB() throws Exception {
        String topic = f.topic();
        try (var sub = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe?after=0"), f.token())) {
            assertEquals("subscribed", sub.next().get("type").asText());
            long offset = f.publish(f.a, topic, "{\"hello\":\"from A\",\"emoji\":\"\uD83D\uDC1D\"}");
            JsonNode message = sub.messages(1).get(0);
            assertEquals(offset, message.get("offset").asLong());
            assertEquals("from A", message.get("payload").get("hello").asText());
            assertEquals("\uD83D\uDC1D", message.get("payload").get("emoji").asText());
            assertEquals("alice", message.get("producer").asText());
        }
    }

    @Test
    void aProducerNamedWithQuotesAndControlCharactersArrivesIntactInTheFrame() throws Exception {
        String topic = f.topic();
        String subject = "agent \"x\"\\\n\u0001\u2028\uD83D\uDC1D";
        try (var sub = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe"), f.token())) {
            sub.next();
            var response = f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Fixture.url(f.a, "/topics/"
                            + topic + "/messages"))).header("Authorization", "Bearer " + f.token(subject, Map.of()))
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"payload\":1}")));
            assertEquals(201, response.statusCode());
            assertEquals(subject, sub.messages(1).get(0).get("producer").asText());
        }
    }

    @Test
    void killingTheListenConnectionMidStreamLosesAndReordersNothing() throws Exception {
        String topic = f.topic();
        int total = 300;
        long connectsBefore = f.b.listener().connects();
        try (var sub = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe?after=0"), f.token())) {
            sub.next();
            var publisher = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 1; i <= total; i++) {
                        f.publish(i % 2 == 0 ? f.a : f.b, topic, "{\"n\":" + i + "}");
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<JsonNode> received = new ArrayList<>(sub.messages(100));
            f.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'hivemind-listen-b'");
            received.addAll(sub.messages(total - 100));
            publisher.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < total; i++) {
                assertEquals(i + 1, received.get(i).get("offset").asLong(), "offset order");
                assertEquals(i + 1, received.get(i).get("payload").get("n").asInt(), "payload order");
            }
            assertTrue(f.b.listener().connects() > connectsBefore, "replica B reconnected its LISTEN session");
            assertEquals(null, sub.frames.poll(300, TimeUnit.MILLISECONDS), "no duplicate after the last message");
        }
    }

    @Test
    void concurrentPublishersOnBothReplicasGetGapFreeOffsets() throws Exception {
        String topic = f.topic();
        var offsets = java.util.concurrent.ConcurrentHashMap.<Long>newKeySet();
        var writers = new ArrayList<CompletableFuture<Void>>();
        for (int w = 0; w < 4; w++) {
            var replica = w % 2 == 0 ? f.a : f.b;
            writers.add(CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < 25; i++) {
                        offsets.add(f.publish(replica, topic, "{}"));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        assertEquals(100, offsets.size());
        assertEquals(1L, offsets.stream().mapToLong(Long::longValue).min().orElseThrow());
        assertEquals(100L, offsets.stream().mapToLong(Long::longValue).max().orElseThrow());
    }

    @Test
    void aSubscriberThatReconnectsToTheOtherReplicaFromItsLastAckGetsEverythingOnce() throws Exception {
        String topic = f.topic();
        for (int i = 1; i <= 10; i++) {
            f.publish(f.a, topic, "{\"n\":" + i + "}");
        }
        long lastAcked;
        try (var first = WsClient.connect(Fixture.ws(f.a, "/topics/" + topic + "/subscribe?after=0"), f.token())) {
            first.next();
            lastAcked = first.messages(6).get(5).get("offset").asLong();
        }
        for (int i = 11; i <= 15; i++) {
            f.publish(f.a, topic, "{\"n\":" + i + "}");
        }
        try (var second = WsClient.connect(
                Fixture.ws(f.b, "/topics/" + topic + "/subscribe?after=" + lastAcked), f.token())) {
            second.next();
            List<JsonNode> rest = second.messages(9);
            assertEquals(7, rest.get(0).get("offset").asLong());
            assertEquals(15, rest.get(8).get("offset").asLong());
        }
    }

    @Test
    void aConsumerGroupResumesAfterItsCommittedOffset() throws Exception {
        String topic = f.topic();
        for (int i = 1; i <= 5; i++) {
            f.publish(f.a, topic, "{\"n\":" + i + "}");
        }
        String path = "/topics/" + topic + "/subscribe?group=indexer&after=0";
        try (var sub = WsClient.connect(Fixture.ws(f.a, path), f.token())) {
            sub.next();
            sub.messages(3);
        }
        // The commit of the last ack is flushed when the writer stops; wait for it rather than for the clock.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (f.count("SELECT coalesce(max(committed_offset), 0) FROM consumer_groups WHERE topic = '" + topic + "'") < 3
                && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        try (var sub = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe?group=indexer"), f.token())) {
            JsonNode hello = sub.next();
            assertEquals(3, hello.get("after").asLong());
            assertEquals(4, sub.messages(1).get(0).get("offset").asLong());
        }
        var group = f.send(f.authed(f.b, "/topics/" + topic + "/groups/indexer"));
        assertEquals(200, group.statusCode());
        assertTrue(Fixture.json(group.body()).get("committedOffset").asLong() >= 3);
    }

    @Test
    void aSlowConsumerIsClosedWith4408InsteadOfBufferingWithoutBound() throws Exception {
        var small = f.replica("c", Map.of("HIVEMIND_WS_WINDOW", "1", "HIVEMIND_WS_BUFFER", "16"));
        try {
            String topic = f.topic();
            try (var sub = WsClient.connect(Fixture.ws(small, "/topics/" + topic + "/subscribe"), f.token())) {
                sub.next();
                for (int i = 0; i < 40; i++) {
                    f.publish(f.a, topic, "{\"n\":" + i + "}");
                }
                assertEquals(4408, sub.closeCode());
            }
            assertEquals(40, f.count("SELECT count(*) FROM messages WHERE topic = '" + topic + "'"));
        } finally {
            small.close();
        }
    }
}
