package com.alai.cloud.services.hivemind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a 4xx problem+json (or a WebSocket close code) and changes nothing. */
class BadInputTest {
    private final Fixture f = Fixture.INSTANCE;

    private HttpResponse<String> publishRaw(String topic, String contentType, byte[] body) throws Exception {
        return f.send(f.authed(f.a, "/topics/" + topic + "/messages").header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private void assertProblem(int status, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(status, Fixture.json(response.body()).get("status").asInt());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "400|{\"payload\": ",
            "400|[1,2,3]",
            "400|{\"payload\":1} trailing",
            "400|{\"payload\":1,\"payload\":2}",
            "422|{\"headers\":{}}",
            "422|{\"payload\":1,\"producer\":\"mallory\"}",
            "422|{\"payload\":1,\"headers\":{\"bad name\":\"x\"}}",
            "422|{\"payload\":1,\"headers\":{\"n\":5}}",
            "422|{\"payload\":1,\"headers\":[\"x\"]}",
            "400|{\"payload\":\"nul \\u0000 inside\"}",
    })
    void aMalformedPublishIsRejectedAndStoresNothing(int status, String body) throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        assertProblem(status, publishRaw(topic, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(before, f.snapshot());
    }

    @Test
    void invalidUtf8IsA400() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        assertProblem(400, publishRaw(topic, "application/json", new byte[]{'{', '"', 'p', (byte) 0xC3, (byte) 0x28, '"', '}'}));
        assertEquals(before, f.snapshot());
    }

    @Test
    void aPayloadOverTheLimitIsA413() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        String big = "{\"payload\":\"" + "x".repeat(70 * 1024) + "\"}";
        assertProblem(413, publishRaw(topic, "application/json", big.getBytes()));
        assertEquals(before, f.snapshot());
    }

    @Test
    void aBodyOverTheServiceLimitIsA413() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        assertProblem(413, publishRaw(topic, "application/json", new byte[300 * 1024]));
        assertEquals(before, f.snapshot());
    }

    @Test
    void aBodyThatIsNotJsonIsA415() throws Exception {
        String topic = f.topic();
        assertProblem(415, publishRaw(topic, "text/plain", "{\"payload\":1}".getBytes()));
    }

    @Test
    void publishingToAnUnknownTopicIsA404() throws Exception {
        String before = f.snapshot();
        assertProblem(404, publishRaw("no-such-topic", "application/json", "{\"payload\":1}".getBytes()));
        assertEquals(before, f.snapshot());
    }

    @Test
    void aBadIdempotencyKeyIsA422() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        assertProblem(422, f.send(f.authed(f.a, "/topics/" + topic + "/messages").header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(129)).POST(HttpRequest.BodyPublishers.ofString("{\"payload\":1}"))));
        assertEquals(before, f.snapshot());
    }

    @ParameterizedTest
    @ValueSource(strings = {"after=-1", "after=abc", "after=99", "after=1e3", "limit=0", "limit=5000", "after=%2D1", "after=%E2%82"})
    void aBadOffsetOrLimitOnReplayIsA400(String query) throws Exception {
        String topic = f.topic();
        f.publish(f.a, topic, "{}");
        assertProblem(400, f.send(f.authed(f.a, "/topics/" + topic + "/messages?" + query)));
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "422|{\"name\":\"Upper\"}",
            "422|{\"name\":\"x'; DROP TABLE topics;--\"}",
            "422|{\"name\":\"\"}",
            "422|{}",
            "422|{\"name\":\"ok-name\",\"retention\":{\"maxCount\":0}}",
            "422|{\"name\":\"ok-name\",\"retention\":{\"maxAgeSeconds\":\"1d\"}}",
            "422|{\"name\":\"ok-name\",\"retention\":{\"forever\":true}}",
            "422|{\"name\":\"ok-name\",\"publishers\":{\"claim\":\"roles\"}}",
            "422|{\"name\":\"ok-name\",\"publishers\":{\"claim\":\"roles\",\"values\":[]}}",
            "422|{\"name\":\"ok-name\",\"owner\":\"me\"}",
    })
    void aBadTopicIsRejectedAndCreatesNothing(int status, String body) throws Exception {
        String before = f.snapshot();
        assertProblem(status, f.postJson(f.a, "/topics", body));
        assertEquals(before, f.snapshot());
    }

    @Test
    void creatingATopicTwiceIsA409() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        assertProblem(409, f.postJson(f.b, "/topics", "{\"name\":\"" + topic + "\"}"));
        assertEquals(before, f.snapshot());
    }

    @Test
    void noTokenAForgedTokenAndAWrongAudienceAreEach401() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        var url = URI.create(Fixture.url(f.a, "/topics/" + topic + "/messages"));
        var body = HttpRequest.BodyPublishers.ofString("{\"payload\":1}");
        assertProblem(401, f.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json").POST(body)));
        String good = f.token();
        String forged = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        String otherAudience = f.issuer.issueToken("default", "alice", "api://someone-else", Map.of(), 3600).serialize();
        for (String token : new String[]{forged, otherAudience, "not-a-jwt"}) {
            assertProblem(401, f.send(HttpRequest.newBuilder(url).header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json").POST(body)));
        }
        assertEquals(before, f.snapshot());
    }

    @Test
    void aCommitBeyondTheLastOffsetIsA400() throws Exception {
        String topic = f.topic();
        String before = f.snapshot();
        assertProblem(400, f.send(f.authed(f.a, "/topics/" + topic + "/groups/g1").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\":5}"))));
        assertProblem(422, f.send(f.authed(f.a, "/topics/" + topic + "/groups/g1").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"offset\":-1}"))));
        assertEquals(before, f.snapshot());
    }

    @ParameterizedTest(name = "[{index}] {0} → {1}")
    @CsvSource({
            "/subscribe?after=0, 401, none",
            "/subscribe?after=-1, 400, good",
            "/subscribe?after=42, 400, good",
            "/subscribe?from=0, 400, good",
            "/subscribe?group=bad%20name, 400, good",
    })
    void aRefusedSubscribeUpgradeAnswersWithTheHttpStatus(String suffix, int status, String token) throws Exception {
        String topic = f.topic();
        var uri = Fixture.ws(f.b, "/topics/" + topic + suffix);
        assertEquals(status, TopicApiTest.assertRefused(uri, token.equals("good") ? f.token() : null));
    }

    @Test
    void subscribingToAnUnknownTopicIsA404() throws Exception {
        assertEquals(404, TopicApiTest.assertRefused(Fixture.ws(f.b, "/topics/nothing-here/subscribe"), f.token()));
    }

    @Test
    void aMalformedFrameClosesWith4400() throws Exception {
        assertClosedAfter("{\"type\":\"ack\"", 4400);
    }

    @Test
    void anUnknownFrameTypeClosesWith4400() throws Exception {
        assertClosedAfter("{\"type\":\"publish\",\"offset\":1}", 4400);
    }

    @Test
    void anAckBeyondWhatWasDeliveredClosesWith4400() throws Exception {
        assertClosedAfter("{\"type\":\"ack\",\"offset\":999}", 4400);
    }

    @Test
    void anOversizeFrameClosesWith1009() throws Exception {
        assertClosedAfter("{\"type\":\"ack\",\"pad\":\"" + "x".repeat(5000) + "\"}", 1009);
    }

    @Test
    void aBinaryFrameClosesWith1003() throws Exception {
        String topic = f.topic();
        try (var sub = WsClient.connect(Fixture.ws(f.a, "/topics/" + topic + "/subscribe"), f.token())) {
            sub.next();
            sub.sendBinary(new byte[]{1, 2, 3});
            assertEquals(1003, sub.closeCode());
        }
    }

    private void assertClosedAfter(String frame, int code) throws Exception {
        String topic = f.topic();
        try (var sub = WsClient.connect(Fixture.ws(f.a, "/topics/" + topic + "/subscribe"), f.token())) {
            sub.next();
            String before = f.snapshot();
            sub.send(frame);
            assertEquals(code, sub.closeCode());
            assertEquals(before, f.snapshot());
        }
    }
}
