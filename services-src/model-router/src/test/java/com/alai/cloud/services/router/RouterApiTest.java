package com.alai.cloud.services.router;

import static com.alai.cloud.services.router.RouterHarness.MODEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.testing.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The router's own surface: its document, its catalogue, its settings. */
class RouterApiTest {
    static EmbeddedPostgres postgres;
    static RouterHarness h;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.start();
        h = new RouterHarness(postgres, Map.of());
    }

    @AfterAll
    static void stop() throws Exception {
        h.close();
        postgres.close();
    }

    @Test
    void theOpenApiDocumentDescribesEveryRouteAndLintsClean() throws Exception {
        byte[] served = h.get("/openapi.json").body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        OpenApiContract.assertDescribes(served, h.router.routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(RouterApi.class, "/model-router/openapi.json"));
    }

    @Test
    void tagsListThePrimarysModelsAndTheHostedOnesAsRemote() throws Exception {
        JsonNode models = Json.mapper().readTree(h.get("/api/tags").body()).path("models");
        assertThat(models.findValuesAsText("name")).containsExactly(MODEL, "qwen2.5:7b");
        h.anvil.stop();
        h.forge.stop();
        try {
            JsonNode remote = Json.mapper().readTree(h.get("/api/tags").body()).path("models");
            assertThat(remote.get(0).path("remote_model").asText()).isEqualTo(RouterHarness.TOGETHER_MODEL);
        } finally {
            h.anvil.restart();
            h.forge.restart();
        }
    }

    @Test
    void showComesFromAnOllamaRouteThatHasTheModel() throws Exception {
        var r = h.post("/api/show", "{\"model\":\"llama3.3:70b\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.mapper().readTree(r.body()).path("details").path("family").asText()).isEqualTo("llama");
        assertThat(h.post("/api/show", "{\"model\":\"nope:1b\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void theRootAnswersAsOllamaDoes() throws Exception {
        assertThat(h.get("/").body()).isEqualTo("Ollama is running");
    }

    static Map<String, String> env(Map<String, String> changes) {
        var env = new HashMap<>(h.env(postgres, Map.of()));
        changes.forEach((k, v) -> {
            if (v == null) {
                env.remove(k);
            } else {
                env.put(k, v);
            }
        });
        return env;
    }

    @Test
    void aMissingRouteTableNamesItsVariable() {
        var env = env(new HashMap<>(Map.of()));
        env.remove("ROUTER_ROUTES");
        assertThatThrownBy(() -> RouterConfig.from(new Env(env))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("ROUTER_ROUTES");
    }

    @Test
    void aRouteTableThatIsNotAListIsRefused() {
        assertThatThrownBy(() -> RouterConfig.from(new Env(env(Map.of("ROUTER_ROUTES", "{\"name\":\"anvil\"}")))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("ROUTER_ROUTES").hasMessageContaining("array");
    }

    @Test
    void aHostedRouteWithoutItsKeyIsRefused() {
        var env = env(Map.of());
        env.remove("ROUTER_FALLBACK_API_KEY");
        assertThatThrownBy(() -> RouterConfig.from(new Env(env))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("ROUTER_FALLBACK_API_KEY");
    }

    @Test
    void theKeyNeverAppearsInTheConfigsText() {
        RouterConfig config = RouterConfig.from(new Env(env(Map.of())));
        assertThat(config.toString()).doesNotContain(h.apiKey);
    }

    @Test
    void aTailnetProxyMustBeHostAndPort() {
        assertThatThrownBy(() -> RouterConfig.from(new Env(env(Map.of("ROUTER_TAILNET_PROXY", "localhost")))))
                .isInstanceOf(ConfigError.class).hasMessageContaining("ROUTER_TAILNET_PROXY");
    }
}
