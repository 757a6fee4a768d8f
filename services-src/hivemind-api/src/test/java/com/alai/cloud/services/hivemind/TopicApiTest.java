package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The REST contract: topics, idempotent publish, replay pages, groups, retention and claim-based ACLs. */
class TopicApiTest {
    private final Fixture f = Fixture.INSTANCE;

    private java.net.http.HttpResponse<String> publishWithKey(HiveMindApi replica, String topic, String key,
                                                              String body) throws Exception {
        return f.send(f.authed(replica, "/topics/" + topic + "/messages").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void theSameIdempotencyKeyTwiceGivesOneMessageAndTheSameOffset() throws Exception {
        String topic = f.topic();
        var first = publishWithKey(f.a, topic, "job-42", "{\"payload\":{\"run\":42}}");
        var retry = publishWithKey(f.b, topic, "job-42", "{\"payload\":{\"run\":42}}");
        assertEquals(201, first.statusCode());
        assertEquals(200, retry.statusCode());
        assertEquals("true", retry.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(Fixture.json(first.body()).get("offset"), Fixture.json(retry.body()).get("offset"));
        assertEquals(1, f.count("SELECT count(*) FROM messages WHERE topic = '" + topic + "'"));
    }

    @Test
    void concurrentRetriesWithOneKeyThroughBothReplicasStoreOneMessage() throws Exception {
        String topic = f.topic();
        var attempts = new ArrayList<CompletableFuture<Integer>>();
        for (int i = 0; i < 6; i++) {
            var replica = i % 2 == 0 ? f.a : f.b;
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return publishWithKey(replica, topic, "once", "{\"payload\":1}").statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (var a : attempts) {
            statuses.add(a.get(30, TimeUnit.SECONDS));
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(5, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(1, f.count("SELECT count(*) FROM messages WHERE topic = '" + topic + "'"));
    }

    @Test
    void reusingAnIdempotencyKeyForADifferentMessageIsAConflictThatStoresNothing() throws Exception {
        String topic = f.topic();
        publishWithKey(f.a, topic, "k1", "{\"payload\":{\"v\":1}}");
        String before = f.snapshot();
        var reuse = publishWithKey(f.a, topic, "k1", "{\"payload\":{\"v\":2}}");
        assertEquals(409, reuse.statusCode());
        assertEquals(before, f.snapshot());
    }

    @Test
    void everyKindOfJsonPayloadComesBackAsItWasSent() throws Exception {
        String topic = f.topic();
        List<String> payloads = List.of("\"tab\\t quote\\\" \\u00e9 \\ud83d\\udc1d\"", "-12.5", "[1, [2, {\"a\": null}], \"x\"]",
                "{ \"nested\" : { \"deep\": [true, false] } , \"n\": 18446744073709551616 }", "null", "true", "{}");
        for (String payload : payloads) {
            f.publish(f.a, topic, payload);
        }
        JsonNode page = Fixture.json(f.send(f.authed(f.b, "/topics/" + topic + "/messages?after=0")).body());
        for (int i = 0; i < payloads.size(); i++) {
            assertEquals(Fixture.json(payloads.get(i)), page.get("messages").get(i).get("payload"), payloads.get(i));
        }
    }

    @Test
    void replayPagesThroughTheLogInOffsetOrder() throws Exception {
        String topic = f.topic();
        for (int i = 1; i <= 7; i++) {
            f.publish(f.a, topic, "{\"n\":" + i + "}");
        }
        JsonNode page1 = Fixture.json(f.send(f.authed(f.b, "/topics/" + topic + "/messages?after=0&limit=4")).body());
        assertEquals(4, page1.get("messages").size());
        assertEquals(4, page1.get("next").asLong());
        JsonNode page2 = Fixture.json(f.send(f.authed(f.b, "/topics/" + topic + "/messages?after=4&limit=4")).body());
        assertEquals(List.of(5L, 6L, 7L), offsets(page2));
        assertEquals(7, page2.get("next").asLong());
    }

    @Test
    void retentionByCountKeepsTheNewestAndNeverReusesOffsets() throws Exception {
        String topic = f.topic(",\"retention\":{\"maxCount\":5}");
        for (int i = 1; i <= 12; i++) {
            f.publish(f.a, topic, "{\"n\":" + i + "}");
        }
        new com.alai.cloud.services.hivemind.store.RetentionSweeper(
                f.postgres.getDatabase("postgres", "hivemind"), new com.alai.cloud.services.common.log.JsonLog("t")).sweep();
        JsonNode t = Fixture.json(f.send(f.authed(f.a, "/topics/" + topic)).body());
        assertEquals(8, t.get("firstOffset").asLong());
        assertEquals(12, t.get("lastOffset").asLong());
        assertEquals(13, f.publish(f.b, topic, "{}"));
    }

    @Test
    void retentionByAgeRemovesOlderMessages() throws Exception {
        String topic = f.topic(",\"retention\":{\"maxAgeSeconds\":60}");
        f.publish(f.a, topic, "{\"old\":true}");
        f.publish(f.a, topic, "{\"old\":false}");
        f.execute("UPDATE messages SET created_at = now() - interval '2 minutes' WHERE topic = '" + topic
                + "' AND \"offset\" = 1");
        new com.alai.cloud.services.hivemind.store.RetentionSweeper(
                f.postgres.getDatabase("postgres", "hivemind"), new com.alai.cloud.services.common.log.JsonLog("t")).sweep();
        JsonNode page = Fixture.json(f.send(f.authed(f.a, "/topics/" + topic + "/messages?after=0")).body());
        assertEquals(List.of(2L), offsets(page));
    }

    @Test
    void aTopicRestrictedByClaimAdmitsOnlyMatchingTokens() throws Exception {
        String topic = f.topic(",\"publishers\":{\"claim\":\"roles\",\"values\":[\"planner\"]},"
                + "\"subscribers\":{\"claim\":\"roles\",\"values\":[\"planner\",\"auditor\"]}");
        String planner = f.token("p1", Map.of("roles", List.of("planner", "agent")));
        String agent = f.token("a1", Map.of("roles", "agent"));
        String auditor = f.token("au", Map.of("roles", "auditor"));
        assertEquals(201, publishAs(planner, topic).statusCode());
        String before = f.snapshot();
        var refused = publishAs(agent, topic);
        assertEquals(403, refused.statusCode());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(403, publishAs(auditor, topic).statusCode());
        assertEquals(before, f.snapshot());
        assertEquals(200, f.send(HttpRequest.newBuilder(java.net.URI.create(Fixture.url(f.a, "/topics/" + topic
                + "/messages"))).header("Authorization", "Bearer " + auditor)).statusCode());
        var upgrade = assertRefused(Fixture.ws(f.b, "/topics/" + topic + "/subscribe"), agent);
        assertEquals(403, upgrade);
        try (var ok = WsClient.connect(Fixture.ws(f.b, "/topics/" + topic + "/subscribe?after=0"), auditor)) {
            ok.next();
            assertEquals(1, ok.messages(1).get(0).get("offset").asLong());
        }
    }

    @Test
    void aGroupCommitNeverMovesBackwardsUnlessItAsksToReset() throws Exception {
        String topic = f.topic();
        for (int i = 0; i < 5; i++) {
            f.publish(f.a, topic, "{}");
        }
        assertEquals(4, commit(topic, "{\"offset\":4}").get("committedOffset").asLong());
        assertEquals(4, commit(topic, "{\"offset\":2}").get("committedOffset").asLong());
        assertEquals(2, commit(topic, "{\"offset\":2,\"reset\":true}").get("committedOffset").asLong());
        JsonNode groups = Fixture.json(f.send(f.authed(f.b, "/topics/" + topic + "/groups")).body());
        assertEquals("billing", groups.get("groups").get(0).get("name").asText());
    }

    @Test
    void aPlainGetOnTheSubscribePathIsTold426UpgradeRequired() throws Exception {
        String topic = f.topic();
        assertEquals(426, f.send(f.authed(f.a, "/topics/" + topic + "/subscribe")).statusCode());
    }

    @Test
    void healthAndReadinessAnswerWithoutAToken() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/healthz", "/readyz", "/openapi.json")) {
            var response = client.send(HttpRequest.newBuilder(java.net.URI.create(Fixture.url(f.b, path))).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path);
        }
    }

    private JsonNode commit(String topic, String body) throws Exception {
        var response = f.send(f.authed(f.a, "/topics/" + topic + "/groups/billing")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());
        return Fixture.json(response.body());
    }

    private java.net.http.HttpResponse<String> publishAs(String token, String topic) throws Exception {
        return f.send(HttpRequest.newBuilder(java.net.URI.create(Fixture.url(f.a, "/topics/" + topic + "/messages")))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"payload\":{\"x\":1}}")));
    }

    /** The HTTP status a refused WebSocket upgrade answered with. */
    static int assertRefused(java.net.URI uri, String token) throws Exception {
        try (var ignored = WsClient.connect(uri, token)) {
            throw new AssertionError("the upgrade was accepted: " + uri);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static List<Long> offsets(JsonNode page) {
        var offsets = new ArrayList<Long>();
        page.get("messages").forEach(m -> offsets.add(m.get("offset").asLong()));
        return offsets;
    }
}
