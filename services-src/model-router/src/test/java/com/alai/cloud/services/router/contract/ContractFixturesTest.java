package com.alai.cloud.services.router.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fixtures themselves: what the official clients parse, and the faults as a client meets them. */
class ContractFixturesTest {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final OllamaContract ollama = (OllamaContract) new OllamaContract(List.of("llama3.3:70b"), "Hi there").start();
    final OpenAiContract openai = (OpenAiContract) new OpenAiContract(List.of("meta-llama/Llama-3.3-70B-Instruct-Turbo"),
            "k-test", "Hi there").start();

    @AfterEach
    void stop() {
        ollama.close();
        openai.close();
    }

    @Test
    void theOfficialOllamaClientReadsTheOllamaFixture() throws Exception {
        JsonNode got = OfficialClients.run("ollama", ollama.url(), "llama3.3:70b", null);
        assertThat(got.path("text").asText()).as(got.toString()).isEqualTo("Hi there");
        assertThat(got.path("generated").asText()).isEqualTo("Hi there");
        assertThat(got.path("models").get(0).asText()).isEqualTo("llama3.3:70b");
    }

    @Test
    void theOfficialOpenAiClientReadsTheOpenAiFixture() throws Exception {
        JsonNode got = OfficialClients.run("openai", openai.url(), "meta-llama/Llama-3.3-70B-Instruct-Turbo", "k-test");
        assertThat(got.path("text").asText()).as(got.toString()).isEqualTo("Hi there");
        assertThat(got.path("tokens").asInt()).isEqualTo(5 + 2);
    }

    @Test
    void aStoppedFixtureRefusesConnections() {
        ollama.stop();
        var request = HttpRequest.newBuilder(URI.create(ollama.url() + "/api/tags")).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void aCutStreamEndsWithoutItsDoneLine() throws Exception {
        ollama.fault(new ContractServer.Fault.CutAfter(1));
        var request = HttpRequest.newBuilder(URI.create(ollama.url() + "/api/generate"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.3:70b\",\"prompt\":\"hi\"}")).build();
        var lines = new java.util.ArrayList<String>();
        try {
            HTTP.send(request, HttpResponse.BodyHandlers.ofLines()).body().forEach(lines::add);
        } catch (Exception cut) {
            // The JDK client reports the missing last chunk as an error, as any HTTP/1.1 client should.
        }
        assertThat(lines).hasSizeLessThanOrEqualTo(1).noneMatch(l -> l.contains("\"done\":true"));
    }

    @Test
    void aScriptedStatusComesWithTheProvidersErrorBody() throws Exception {
        openai.fault(new ContractServer.Fault.Status(429, "7"));
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(openai.url() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(response.body()).contains("\"type\":\"rate_limit_exceeded\"");
    }

    @Test
    void ollamaStreamsAreNdjsonChunksEndingWithDone() throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(ollama.url() + "/api/chat"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"llama3.3:70b\",\"messages\":[]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-ndjson");
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.getLast()).contains("\"done_reason\":\"stop\",\"done\":true,\"total_duration\":");
    }
}
