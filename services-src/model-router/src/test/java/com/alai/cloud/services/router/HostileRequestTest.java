package com.alai.cloud.services.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.json.Json;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bodies that must be refused with a 4xx before any backend is asked. */
class HostileRequestTest {
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

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "/api/chat|{\"model\":|400",
            "/api/chat|[1,2]|400",
            "/api/chat||400",
            "/api/chat|{\"messages\":[]}|400",
            "/api/chat|{\"model\":\"\"}|400",
            "/api/chat|{\"model\":\"llama3.3:70b\",\"model\":\"x\"}|400",
            "/api/chat|{\"model\":\"../../etc/passwd\\n\"}|422",
            "/api/chat|{\"model\":\"llama3.3:70b\",\"messages\":\"hi\"}|422",
            "/api/chat|{\"model\":\"llama3.3:70b\",\"messages\":[\"hi\"]}|422",
            "/api/chat|{\"model\":\"llama3.3:70b\",\"stream\":\"yes\"}|422",
            "/api/chat|{\"model\":\"llama3.3:70b\",\"options\":[1]}|422",
            "/api/generate|{\"model\":\"llama3.3:70b\",\"prompt\":42}|422",
            "/v1/chat/completions|{\"model\":\"llama3.3:70b\",\"messages\":[]}|422",
    })
    void isRefused(String path, String body, int status) throws Exception {
        HttpResponse<String> r = h.post(path, body == null ? "" : body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(h.anvil.received("/api/chat")).isEmpty();
        assertThat(h.together.received()).isEmpty();
    }

    @Test
    void anOversizeBodyIs413() throws Exception {
        String big = "{\"model\":\"llama3.3:70b\",\"prompt\":\"" + "a".repeat(70_000) + "\"}";
        assertThat(h.post("/api/generate", big).statusCode()).isEqualTo(413);
    }

    @Test
    void aBodyThatIsNotUtf8Is400() throws Exception {
        byte[] latin1 = "{\"model\":\"llama3.3:70b\",\"prompt\":\"caf\u00e9\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = RouterHarness.HTTP.send(h.at("/api/generate")
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(400);
    }

    @Test
    void aModelNoRouteHasIsA404ProblemNamingIt() throws Exception {
        HttpResponse<String> r = h.post("/api/generate", "{\"model\":\"mistral:7b\",\"prompt\":\"hi\"}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(r.body()).path("detail").asText()).contains("mistral:7b").contains("/api/tags");
    }
}
