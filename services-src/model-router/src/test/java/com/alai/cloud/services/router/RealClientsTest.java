package com.alai.cloud.services.router;

import static com.alai.cloud.services.router.RouterHarness.MODEL;
import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.router.contract.ContractServer;
import com.alai.cloud.services.router.contract.OfficialClients;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official clients pointed at the router instead of Ollama or Together: only the host changes. */
class RealClientsTest {
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
        h.close();
    }

    String url() {
        return "http://127.0.0.1:" + h.router.port();
    }

    @Test
    void theOllamaClientChatsGeneratesAndListsThroughTheRouter() throws Exception {
        h = new RouterHarness(postgres, Map.of());
        JsonNode got = OfficialClients.run("ollama", url(), MODEL, null);
        assertThat(got.path("text").asText()).as(got.toString()).isEqualTo("Hello from anvil");
        assertThat(got.path("models").toString()).contains(MODEL);
    }

    @Test
    void theOllamaClientReadsTogethersAnswerTranslatedToOllama() throws Exception {
        h = new RouterHarness(postgres, Map.of());
        h.anvil.stop();
        h.forge.stop();
        JsonNode got = OfficialClients.run("ollama", url(), MODEL, null);
        assertThat(got.path("text").asText()).as(got.toString()).isEqualTo("Hello from together");
        assertThat(got.path("generated").asText()).isEqualTo("Hello from together");
    }

    @Test
    void theOpenAiClientStreamsThroughTheRouter() throws Exception {
        h = new RouterHarness(postgres, Map.of());
        JsonNode got = OfficialClients.run("openai", url() + "/v1", MODEL, "unused");
        assertThat(got.path("text").asText()).as(got.toString()).isEqualTo("Hello from anvil");
    }

    @Test
    void theOllamaClientThrowsOnACutStreamInsteadOfReturningHalfAnAnswer() throws Exception {
        h = new RouterHarness(postgres, Map.of());
        h.anvil.fault(new ContractServer.Fault.CutAfter(1));
        JsonNode got = OfficialClients.run("ollama", url(), MODEL, null);
        assertThat(got.path("error").asText()).as(got.toString()).contains("cut the stream");
    }

    @Test
    void theOpenAiClientThrowsOnACutStream() throws Exception {
        h = new RouterHarness(postgres, Map.of());
        h.anvil.fault(new ContractServer.Fault.CutAfter(1));
        JsonNode got = OfficialClients.run("openai", url() + "/v1", MODEL, "unused");
        assertThat(got.path("error").asText()).as(got.toString()).contains("cut the stream");
    }
}
