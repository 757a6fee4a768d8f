package com.alai.cloud.services.router;

import static com.alai.cloud.services.router.RouterHarness.MODEL;
import static com.alai.cloud.services.router.RouterHarness.chat;
import static com.alai.cloud.services.router.RouterHarness.events;
import static com.alai.cloud.services.router.RouterHarness.lines;
import static com.alai.cloud.services.router.RouterHarness.ollamaText;
import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.router.contract.ContractServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fault table of issue 18: when the router falls back, and when it must not. */
class FallbackTest {
    static EmbeddedPostgres postgres;
    RouterHarness h;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        postgres.close();
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    RouterHarness router(Map<String, String> extra) {
        h = new RouterHarness(postgres, extra);
        return h;
    }

    @Test
    void aHealthyPrimaryServesTheStreamLineByLineAsOllamaSentIt() throws Exception {
        var h = router(Map.of());
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(r.headers().firstValue("X-Router-Backend")).hasValue("anvil");
        List<JsonNode> lines = lines(r);
        assertThat(ollamaText(lines)).isEqualTo("Hello from anvil");
        assertThat(lines.getLast().path("done").asBoolean()).isTrue();
        assertThat(h.forge.received("/api/chat")).isEmpty();
    }

    @Test
    void ollamaOptionsReachAnOllamaBackendByteForByte() throws Exception {
        var h = router(Map.of());
        String body = "{\"model\":\"llama3.3:70b\",\"prompt\":\"hi\",\"options\":{\"num_ctx\":8192,\"temperature\":0.2},"
                + "\"keep_alive\":\"5m\"}";
        h.post("/api/generate", body);
        assertThat(h.anvil.received("/api/generate")).extracting(ContractServer.Received::body).containsExactly(body);
    }

    @Test
    void aPrimaryThatRefusesConnectionsFallsBackToTheNextRoute() throws Exception {
        var h = router(Map.of());
        h.anvil.stop();
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.headers().firstValue("X-Router-Backend")).hasValue("forge");
        assertThat(ollamaText(lines(r))).isEqualTo("Hello from forge");
    }

    @Test
    void aPrimaryThatHangsFallsBackAfterTheFirstByteTimeout() throws Exception {
        var h = router(Map.of("ROUTER_FIRST_BYTE_MS", "300"));
        h.anvil.fault(ContractServer.HANG);
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Router-Backend")).hasValue("forge");
        assertThat(h.anvil.received("/api/chat")).hasSize(1);
    }

    @Test
    void aPrimaryAnswering5xxBeforeTheFirstTokenFallsBack() throws Exception {
        var h = router(Map.of());
        h.anvil.fault(new ContractServer.Fault.Status(500, null));
        assertThat(h.post("/api/chat", chat(MODEL, true)).headers().firstValue("X-Router-Backend")).hasValue("forge");
    }

    @Test
    void aPrimaryAnswering429FallsBack() throws Exception {
        var h = router(Map.of());
        h.anvil.fault(new ContractServer.Fault.Status(429, "3"));
        assertThat(h.post("/api/chat", chat(MODEL, false)).headers().firstValue("X-Router-Backend")).hasValue("forge");
    }

    @Test
    void aCutNdjsonStreamEndsWithAnExplicitErrorLineAndIsNotRetried() throws Exception {
        var h = router(Map.of());
        h.anvil.fault(new ContractServer.Fault.CutAfter(2));
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.statusCode()).isEqualTo(200);
        List<JsonNode> lines = lines(r);
        assertThat(lines).hasSize(3);
        assertThat(ollamaText(lines.subList(0, 2))).isEqualTo("Hello from ");
        assertThat(lines.getLast().path("error").asText()).contains("'anvil' cut the stream").contains("not retried");
        assertThat(h.forge.received("/api/chat")).isEmpty();
        assertThat(h.together.received()).isEmpty();
    }

    @Test
    void aCutSseStreamEndsWithAnErrorEventAndNoDone() throws Exception {
        var h = router(Map.of());
        h.anvil.fault(new ContractServer.Fault.CutAfter(1));
        HttpResponse<String> r = h.post("/v1/chat/completions", chat(MODEL, true));
        List<String> events = events(r);
        assertThat(events).doesNotContain("[DONE]");
        assertThat(Json.mapper().readTree(events.getLast()).path("error").path("code").asText()).isEqualTo("stream_cut");
        assertThat(h.forge.received()).noneMatch(x -> x.path().startsWith("/v1"));
    }

    @Test
    void everyBackendDownIs503ProblemJsonWithRetryAfter() throws Exception {
        var h = router(Map.of());
        h.anvil.stop();
        h.forge.stop();
        h.together.stop();
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(r.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(v).matches("[1-9][0-9]*"));
        assertThat(Json.mapper().readTree(r.body()).path("detail").asText()).contains("anvil").contains("together");
    }

    @Test
    void anOpenCircuitIsPassedWithoutCallingTheBackend() throws Exception {
        var h = router(Map.of("ROUTER_COOLDOWN_MS", "600000"));
        h.anvil.fault(new ContractServer.Fault.Status(502, null));
        h.post("/api/chat", chat(MODEL, false));
        h.anvil.fault(ContractServer.NONE);
        HttpResponse<String> second = h.post("/api/chat", chat(MODEL, false));
        assertThat(second.headers().firstValue("X-Router-Backend")).hasValue("forge");
        assertThat(h.anvil.received("/api/chat")).hasSize(1);
    }

    @Test
    void trafficReturnsToThePrimaryOnceAProbeSeesItBack() throws Exception {
        var h = router(Map.of());
        h.anvil.stop();
        assertThat(h.post("/api/chat", chat(MODEL, false)).headers().firstValue("X-Router-Backend")).hasValue("forge");
        h.anvil.restart();
        RouterHarness.eventually(() -> !h.anvil.received("/api/tags").isEmpty() && status(h).contains("\"closed\""));
        RouterHarness.eventually(() -> "anvil".equals(servedBy(h)));
        assertThat(servedBy(h)).isEqualTo("anvil");
    }

    static String status(RouterHarness h) {
        try {
            JsonNode routes = Json.mapper().readTree(h.get("/router/status").body()).path("routes");
            return routes.get(0).toString();
        } catch (Exception e) {
            return "";
        }
    }

    static String servedBy(RouterHarness h) {
        try {
            return h.post("/api/chat", chat(MODEL, false)).headers().firstValue("X-Router-Backend").orElse("");
        } catch (Exception e) {
            return "";
        }
    }
}
