package com.alai.cloud.services.router;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.router.contract.OllamaContract;
import com.alai.cloud.services.router.contract.OpenAiContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * A router on PORT=0 over embedded PostgreSQL in front of three contract fixtures: ANVIL and FORGE (Ollama) and
 * Together (OpenAI-compatible), in the table's order. One per test, so each test scripts its own faults.
 */
final class RouterHarness implements AutoCloseable {
    static final String MODEL = "llama3.3:70b";
    static final String TOGETHER_MODEL = "meta-llama/Llama-3.3-70B-Instruct-Turbo";
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String apiKey = "tg-" + UUID.randomUUID();
    final OllamaContract anvil = (OllamaContract) new OllamaContract(List.of(MODEL, "qwen2.5:7b"), "Hello from anvil").start();
    final OllamaContract forge = (OllamaContract) new OllamaContract(List.of(MODEL), "Hello from forge").start();
    final OpenAiContract together = (OpenAiContract) new OpenAiContract(List.of(TOGETHER_MODEL), apiKey,
            "Hello from together").start();
    final Service router;

    RouterHarness(EmbeddedPostgres postgres, Map<String, String> extra) {
        router = RouterApi.start(RouterConfig.from(new Env(env(postgres, extra))));
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("DELETE FROM fallback_usage");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long monthTokens(EmbeddedPostgres postgres) throws java.sql.SQLException {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement();
             var rs = s.executeQuery("SELECT coalesce(sum(prompt_tokens + completion_tokens), 0) FROM fallback_usage")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Map<String, String> env(EmbeddedPostgres postgres, Map<String, String> extra) {
        var env = new HashMap<String, String>();
        env.put("PORT", "0");
        env.put("DATABASE_URL", "postgres://postgres:@localhost:" + postgres.getPort() + "/postgres");
        env.put("OIDC_ISSUER", "http://127.0.0.1/no-route-is-authenticated");
        env.put("OIDC_AUDIENCE", "api://model-router");
        env.put("MAX_BODY_BYTES", "65536");
        env.put("ROUTER_ROUTES", routes());
        env.put("ROUTER_FALLBACK_API_KEY", apiKey);
        env.put("ROUTER_FALLBACK_CAP_MTOKENS", "2");
        env.put("ROUTER_FALLBACK_PRICE_PER_MTOKEN", "0.88");
        env.put("ROUTER_FIRST_BYTE_MS", "2000");
        env.put("ROUTER_PROBE_MS", "200");
        env.put("ROUTER_COOLDOWN_MS", "100");
        env.putAll(extra);
        return env;
    }

    String routes() {
        var routes = List.of(
                Map.of("name", "anvil", "kind", "ollama", "url", anvil.url()),
                Map.of("name", "forge", "kind", "ollama", "url", forge.url()),
                Map.of("name", "together", "kind", "together", "url", together.url(), "models", Map.of(MODEL, TOGETHER_MODEL)));
        try {
            return Json.mapper().writeValueAsString(routes);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + router.port() + path));
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(at(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(at(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static String chat(String model, boolean stream) {
        return "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"why is the sky blue\"}]}";
    }

    static List<JsonNode> lines(HttpResponse<String> response) throws Exception {
        var out = new ArrayList<JsonNode>();
        for (String line : response.body().split("\n")) {
            if (!line.isEmpty()) {
                out.add(Json.mapper().readTree(line));
            }
        }
        return out;
    }

    /** The SSE data payloads, in order ([DONE] included as text). */
    static List<String> events(HttpResponse<String> response) {
        var out = new ArrayList<String>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: ")) {
                out.add(line.substring(6));
            }
        }
        return out;
    }

    static String ollamaText(List<JsonNode> lines) {
        var text = new StringBuilder();
        lines.forEach(l -> text.append(l.path("message").path("content").asText(l.path("response").asText(""))));
        return text.toString();
    }

    /** Waits for a condition the router reaches on its own (a probe), polling; fails only if it never holds. */
    static void eventually(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 300 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError("the condition never held");
        }
    }

    @Override
    public void close() {
        router.close();
        anvil.close();
        forge.close();
        together.close();
    }
}
