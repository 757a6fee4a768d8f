package com.alai.cloud.services.runner.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.testing.OpenApiContract;
import com.alai.cloud.services.runner.AgentRunner;
import com.alai.cloud.services.runner.RunnerConfig;
import com.alai.cloud.services.runner.fixture.AnthropicFixture;
import com.alai.cloud.services.runner.fixture.Reply;
import com.alai.cloud.services.runner.testing.Agents;
import com.alai.cloud.services.runner.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The runs API over HTTP, with the API and a worker in one service (ALAI_ROLE=all), on real PostgreSQL. */
class RunsApiTest {
    static final String AUDIENCE = "api://agent-runner";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static TestDatabase db;
    static MockOAuth2Server issuer;
    static AnthropicFixture fixture;
    static Service api;
    static Path dir;
    static String writer;
    static String reader;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start();
        issuer = new MockOAuth2Server();
        issuer.start();
        fixture = AnthropicFixture.start();
        dir = Files.createTempDirectory("runs-api");
        new Agents(dir.resolve("agents"))
                .add("echo", "noop", "limits: {timeoutSeconds: 120, maxCostUsd: 2.0, concurrency: 50}\n", "Echo.")
                .add("talker", "messages", "limits: {concurrency: 5}\n", "You talk.");
        api = AgentRunner.start(RunnerConfig.from(new Env(env(Map.of()))));
        writer = token("runs:write");
        reader = token("runs:read");
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        fixture.close();
        issuer.shutdown();
        db.close();
    }

    static Map<String, String> env(Map<String, String> extra) {
        var env = new HashMap<>(Map.of("PORT", "0", "DATABASE_URL", "postgres://postgres:@localhost:" + db.port()
                        + "/postgres", "OIDC_ISSUER", issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", AUDIENCE,
                "MAX_BODY_BYTES", "200000", "ALAI_ROLE", "all", "RUNNER_AGENTS_DIR", dir.resolve("agents").toString(),
                "ANTHROPIC_BASE_URL", fixture.baseUrl(), "ANTHROPIC_API_KEY", "sk-ant-test-" + UUID.randomUUID(),
                "RUNNER_WORK_DIR", dir.resolve("work").toString()));
        env.put("RUNNER_POLL_MS", "500");
        env.putAll(extra);
        return env;
    }

    static String token(String scope) {
        return issuer.issueToken("default", "alice", AUDIENCE, Map.of("scp", scope), 600).serialize();
    }

    static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String token, String key, String body) throws Exception {
        var request = at("/runs").header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> get(String path) throws Exception {
        return send(at(path).header("Authorization", "Bearer " + reader));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    static String key() {
        return "key-" + UUID.randomUUID();
    }

    static String submitEcho(String input) throws Exception {
        var response = post(writer, key(), "{\"agent\":\"echo\",\"input\":\"" + input + "\",\"timeoutSeconds\":60}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json(response).path("id").asText();
    }

    static JsonNode awaitStatus(String id, String status) throws Exception {
        TestDatabase.await("run " + id + " " + status, () -> json(get("/runs/" + id)).path("status").asText().equals(status));
        return json(get("/runs/" + id));
    }

    /** Reads an SSE stream to its end: the (id, event) pairs. */
    static List<String[]> events(String id, String lastEventId) throws Exception {
        var request = at("/runs/" + id + "/events").header("Authorization", "Bearer " + reader);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<java.util.stream.Stream<String>> response = HTTP.send(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).contains("text/event-stream");
        var out = new ArrayList<String[]>();
        String[] current = new String[2];
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (line.startsWith("id: ")) {
                current[0] = line.substring(4);
            } else if (line.startsWith("event: ")) {
                current[1] = line.substring(7);
            } else if (line.isEmpty() && current[1] != null) {
                out.add(current);
                current = new String[2];
            }
        }
        return out;
    }

    @Test
    void aSubmittedRunIsAcceptedWithItsLocationAndRunsToItsOutput() throws Exception {
        var response = post(writer, key(), "{\"agent\":\"echo\",\"input\":\"hello runner\",\"timeoutSeconds\":60}");
        assertThat(response.statusCode()).isEqualTo(202);
        String id = json(response).path("id").asText();
        assertThat(response.headers().firstValue("Location")).contains("/runs/" + id);
        JsonNode done = awaitStatus(id, "succeeded");
        assertThat(done.path("output").asText()).isEqualTo("hello runner");
        assertThat(done.path("maxCostUsd").decimalValue()).isEqualByComparingTo("2.0");
        assertThat(done.path("attempt").asInt()).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameRunAndADifferentBodyIsRefused() throws Exception {
        String k = key();
        String body = "{\"agent\":\"echo\",\"input\":\"once\",\"timeoutSeconds\":60}";
        var first = post(writer, k, body);
        var again = post(writer, k, body);
        assertThat(json(again).path("id").asText()).isEqualTo(json(first).path("id").asText());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        var changed = post(writer, k, body.replace("once", "twice"));
        assertProblem(changed, 422);
        assertThat(json(changed).path("detail").asText()).contains("different request");
    }

    @Test
    void concurrentSubmitsWithOneKeyMakeOneRun() throws Exception {
        String k = key();
        var pool = Executors.newFixedThreadPool(8);
        var futures = new ArrayList<Future<HttpResponse<String>>>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> post(writer, k, "{\"agent\":\"echo\",\"input\":\"c\",\"timeoutSeconds\":60}")));
        }
        var ids = new HashSet<String>();
        for (var f : futures) {
            assertThat(f.get().statusCode()).isEqualTo(202);
            ids.add(json(f.get()).path("id").asText());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
    }

    @Test
    void readingNeedsRunsReadAndWritingNeedsRunsWrite() throws Exception {
        String body = "{\"agent\":\"echo\",\"input\":\"x\",\"timeoutSeconds\":60}";
        assertProblem(send(at("/runs")), 401);
        assertProblem(post("not.a.jwt", key(), body), 401);
        var forbidden = post(reader, key(), body);
        assertProblem(forbidden, 403);
        assertThat(json(forbidden).path("detail").asText()).contains("runs:write");
        assertProblem(send(at("/runs").header("Authorization", "Bearer " + token("other:scope"))), 403);
        assertThat(send(at("/runs").header("Authorization", "Bearer " + writer)).statusCode()).isEqualTo(200);
    }

    @Test
    void malformedHostileAndOversizeRequestsAreProblemsNamingWhatIsWrong() throws Exception {
        assertProblem(post(writer, null, "{\"agent\":\"echo\",\"input\":\"x\",\"timeoutSeconds\":60}"), 400);
        assertProblem(post(writer, "bad key with spaces", "{\"agent\":\"echo\",\"input\":\"x\",\"timeoutSeconds\":60}"), 400);
        assertProblem(post(writer, key(), "not json"), 400);
        assertProblem(post(writer, key(), "[1,2]"), 400);
        assertProblem(post(writer, key(), "{\"agent\":\"echo\",\"agent\":\"talker\",\"input\":\"x\",\"timeoutSeconds\":1}"), 400);
        var invalid = post(writer, key(), "{\"agent\":\"nobody\",\"input\":\"\",\"timeoutSeconds\":0,\"taskId\":-3,"
                + "\"model\":\"../../etc\",\"maxCostUsd\":\"lots\",\"extra\":true}");
        assertProblem(invalid, 422);
        assertThat(json(invalid).path("errors").properties().stream().map(Map.Entry::getKey).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("agent", "input", "timeoutSeconds", "taskId", "model", "maxCostUsd", "extra");
        var overLimit = post(writer, key(), "{\"agent\":\"echo\",\"input\":\"x\",\"timeoutSeconds\":121,\"maxCostUsd\":5}");
        assertProblem(overLimit, 422);
        assertThat(json(overLimit).path("errors").path("timeoutSeconds").asText()).contains("1..120");
        assertThat(json(overLimit).path("errors").path("maxCostUsd").asText()).contains("2");
        assertProblem(post(writer, key(), "{\"agent\":\"echo\",\"input\":\"" + "x".repeat(100_001)
                + "\",\"timeoutSeconds\":60}"), 422);
        assertProblem(post(writer, key(), "{\"input\":\"" + "x".repeat(250_000) + "\"}"), 413);
        assertProblem(send(at("/runs").header("Authorization", "Bearer " + writer).header("Idempotency-Key", key())
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}"))), 415);
        byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertProblem(send(at("/runs").header("Authorization", "Bearer " + writer).header("Idempotency-Key", key())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(badUtf8))), 400);
        for (String path : List.of("/runs/abc", "/runs/0", "/runs/..%2F..%2Fetc", "/runs/99999999999999999999",
                "/runs/424242")) {
            assertProblem(get(path), 404);
        }
        assertProblem(get("/runs/424242/events"), 404);
        assertProblem(get("/runs?status=bogus"), 422);
        assertProblem(get("/runs?cursor=-1"), 422);
        assertProblem(get("/runs?limit=0"), 422);
    }

    @Test
    void listingFiltersByStatusAndAgentAndPagesWithACursor() throws Exception {
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            ids.add(submitEcho("page-" + i));
        }
        for (String id : ids) {
            awaitStatus(id, "succeeded");
        }
        JsonNode first = json(get("/runs?status=succeeded&agent=echo&limit=2"));
        assertThat(first.path("items")).hasSize(2);
        assertThat(first.path("items").get(0).path("id").asLong()).isGreaterThan(first.path("items").get(1).path("id").asLong());
        JsonNode second = json(get("/runs?status=succeeded&agent=echo&limit=2&cursor=" + first.path("nextCursor").asText()));
        assertThat(second.path("items").get(0).path("id").asLong()).isLessThan(first.path("items").get(1).path("id").asLong());
        assertThat(json(get("/runs?agent=nobody")).path("items")).isEmpty();
        assertThat(json(get("/runs?agent=nobody")).path("nextCursor").isNull()).isTrue();
    }

    @Test
    void theEventStreamRunsFromQueuedToFinishedAndResumesAfterLastEventId() throws Exception {
        String id = submitEcho("watch me");
        List<String[]> all = events(id, null);
        assertThat(all).extracting(e -> e[1]).containsExactly("queued", "started", "finished");
        assertThat(all).extracting(e -> e[0]).containsExactly("1", "2", "3");
        assertThat(events(id, "2")).extracting(e -> e[1]).containsExactly("finished");
    }

    @Test
    void aRunCancelledThroughTheApiWhileTheModelStreamsEndsCancelled() throws Exception {
        fixture.then(Reply.message("claude-sonnet-4-5").text("slowly ".repeat(100)).chunks(3).stream().paced(100));
        var response = post(writer, key(), "{\"agent\":\"talker\",\"input\":\"talk\",\"timeoutSeconds\":60}");
        String id = json(response).path("id").asText();
        TestDatabase.await("the model streams", () -> db.number("SELECT count(*) FROM run_events WHERE run_id = ? "
                + "AND kind = 'output'", Long.parseLong(id)) > 0);
        var cancel = send(at("/runs/" + id + "/cancel").header("Authorization", "Bearer " + writer)
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(cancel.statusCode()).isEqualTo(202);
        assertThat(json(cancel).path("cancelRequested").asBoolean()).isTrue();
        List<String[]> all = events(id, null);
        assertThat(all.getLast()[1]).isEqualTo("cancelled");
        assertThat(all).extracting(e -> e[1]).contains("output").doesNotContain("finished");
        assertThat(awaitStatus(id, "cancelled").path("spent").asBoolean()).isTrue();
    }

    @Test
    void theServedOpenApiDocumentDescribesExactlyTheRoutesAndPassesRedoclyLint() throws Exception {
        var served = send(at("/openapi.json"));
        assertThat(served.statusCode()).isEqualTo(200);
        OpenApiContract.assertDescribes(served.body().getBytes(StandardCharsets.UTF_8), api.routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(AgentRunner.class, "/agent-runner/openapi.json"));
    }

    @Test
    void aConfigurationErrorNamesTheVariable() {
        assertThatThrownBy(() -> RunnerConfig.from(new Env(env(Map.of("ALAI_ROLE", "boss")))))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("ALAI_ROLE: ");
        assertThatThrownBy(() -> RunnerConfig.from(new Env(env(Map.of("RUNNER_LEASE_SECONDS", "5",
                "RUNNER_HEARTBEAT_SECONDS", "5"))))).hasMessageStartingWith("RUNNER_LEASE_SECONDS: ");
        var noKey = env(Map.of("ALAI_ROLE", "worker"));
        noKey.remove("ANTHROPIC_API_KEY");
        assertThatThrownBy(() -> RunnerConfig.from(new Env(noKey))).hasMessage("ANTHROPIC_API_KEY: is required but not set");
        assertThat(RunnerConfig.from(new Env(env(Map.of()))).toString()).doesNotContain("sk-ant-test");
    }
}
