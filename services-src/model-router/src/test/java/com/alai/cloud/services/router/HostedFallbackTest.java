package com.alai.cloud.services.router;

import static com.alai.cloud.services.router.RouterHarness.MODEL;
import static com.alai.cloud.services.router.RouterHarness.TOGETHER_MODEL;
import static com.alai.cloud.services.router.RouterHarness.chat;
import static com.alai.cloud.services.router.RouterHarness.events;
import static com.alai.cloud.services.router.RouterHarness.lines;
import static com.alai.cloud.services.router.RouterHarness.ollamaText;
import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Together as the last route: names and options mapped, Ollama's shape kept, every token counted, the cap kept. */
class HostedFallbackTest {
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

    RouterHarness primariesDown(Map<String, String> extra) {
        h = new RouterHarness(postgres, extra);
        h.anvil.stop();
        h.forge.stop();
        return h;
    }

    static JsonNode onlyBody(List<com.alai.cloud.services.router.contract.ContractServer.Received> received) throws Exception {
        assertThat(received).hasSize(1);
        return Json.mapper().readTree(received.getFirst().body());
    }

    @Test
    void anOllamaChatReachesTogetherUnderItsModelNameWithTheKey() throws Exception {
        var h = primariesDown(Map.of());
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.headers().firstValue("X-Router-Backend")).hasValue("together");
        var received = h.together.received("/v1/chat/completions");
        assertThat(onlyBody(received).path("model").asText()).isEqualTo(TOGETHER_MODEL);
        assertThat(received.getFirst().headers().get("authorization")).isEqualTo("Bearer " + h.apiKey);
    }

    @Test
    void togethersStreamComesBackAsOllamaNdjsonUnderTheOllamaName() throws Exception {
        var h = primariesDown(Map.of());
        HttpResponse<String> r = h.post("/api/chat", chat(MODEL, true));
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        List<JsonNode> lines = lines(r);
        assertThat(ollamaText(lines)).isEqualTo("Hello from together");
        assertThat(lines).allSatisfy(l -> assertThat(l.path("model").asText()).isEqualTo(MODEL));
        JsonNode last = lines.getLast();
        assertThat(last.path("done").asBoolean()).isTrue();
        assertThat(last.path("done_reason").asText()).isEqualTo("stop");
        assertThat(last.path("prompt_eval_count").asLong()).isEqualTo(5);
        assertThat(last.path("eval_count").asLong()).isEqualTo(3);
    }

    @Test
    void aGenerateWithoutStreamingIsOneOllamaAnswer() throws Exception {
        var h = primariesDown(Map.of());
        HttpResponse<String> r = h.post("/api/generate",
                "{\"model\":\"llama3.3:70b\",\"prompt\":\"say hi\",\"system\":\"be brief\",\"stream\":false}");
        JsonNode answer = Json.mapper().readTree(r.body());
        assertThat(answer.path("response").asText()).isEqualTo("Hello from together");
        assertThat(answer.path("done").asBoolean()).isTrue();
        JsonNode sent = onlyBody(h.together.received("/v1/chat/completions"));
        assertThat(sent.path("messages").findValuesAsText("role")).containsExactly("system", "user");
    }

    @Test
    void ollamaOptionsAreMappedAndTheUnmappableOnesNamed() throws Exception {
        var h = primariesDown(Map.of());
        HttpResponse<String> r = h.post("/api/chat", "{\"model\":\"llama3.3:70b\",\"stream\":false,\"messages\":[],"
                + "\"options\":{\"num_ctx\":8192,\"temperature\":0.2,\"num_predict\":64,\"repeat_penalty\":1.1,\"stop\":[\"\\n\"]}}");
        JsonNode sent = onlyBody(h.together.received("/v1/chat/completions"));
        assertThat(sent.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(sent.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(sent.path("repetition_penalty").asDouble()).isEqualTo(1.1);
        assertThat(sent.path("stop").get(0).asText()).isEqualTo("\n");
        assertThat(sent.has("num_ctx")).isFalse();
        assertThat(r.headers().firstValue("X-Router-Dropped-Options")).hasValue("num_ctx");
    }

    @Test
    void anOpenAiCallerGetsTogethersSseWithTheModelMapped() throws Exception {
        var h = primariesDown(Map.of());
        HttpResponse<String> r = h.post("/v1/chat/completions", chat(MODEL, true));
        assertThat(events(r).getLast()).isEqualTo("[DONE]");
        assertThat(onlyBody(h.together.received("/v1/chat/completions")).path("model").asText()).isEqualTo(TOGETHER_MODEL);
    }

    @Test
    void everyTogetherRequestsTokensAreCountedFromItsUsage() throws Exception {
        var h = primariesDown(Map.of());
        h.post("/api/chat", chat(MODEL, true));
        h.post("/v1/chat/completions", chat(MODEL, false));
        assertThat(h.monthTokens(postgres)).isEqualTo(2 * (5 + 3));
        JsonNode status = Json.mapper().readTree(h.get("/router/status").body());
        assertThat(status.path("fallback").path("monthTokens").asLong()).isEqualTo(16);
        assertThat(status.path("fallback").path("capUsd").asDouble()).isEqualTo(1.76);
    }

    @Test
    void pastTheMonthlyCapFallbackIsRefusedWithAClearError() throws Exception {
        // 0.000008 M tokens = 8 tokens: one answer of 5 + 3 reaches it.
        var h = primariesDown(Map.of("ROUTER_FALLBACK_CAP_MTOKENS", "0.000008"));
        assertThat(h.post("/api/chat", chat(MODEL, false)).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = h.post("/api/chat", chat(MODEL, false));
        assertThat(refused.statusCode()).isEqualTo(503);
        JsonNode problem = Json.mapper().readTree(refused.body());
        assertThat(problem.path("title").asText()).isEqualTo("Fallback cap reached");
        assertThat(problem.path("detail").asText()).contains("monthly cap is reached").contains("8 tokens")
                .contains("usageFallbackMTokensPerMonth");
        assertThat(h.together.received("/v1/chat/completions")).hasSize(1);
    }

    @Test
    void theCapDoesNotStopThePrimary() throws Exception {
        h = new RouterHarness(postgres, Map.of("ROUTER_FALLBACK_CAP_MTOKENS", "0"));
        assertThat(h.post("/api/chat", chat(MODEL, false)).headers().firstValue("X-Router-Backend")).hasValue("anvil");
    }
}
