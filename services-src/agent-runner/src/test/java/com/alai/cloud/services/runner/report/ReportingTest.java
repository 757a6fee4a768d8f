package com.alai.cloud.services.runner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.hivemind.HiveMindApi;
import com.alai.cloud.services.hivemind.HiveMindConfig;
import com.alai.cloud.services.mc.McApi;
import com.alai.cloud.services.runner.AgentRunner;
import com.alai.cloud.services.runner.RunnerConfig;
import com.alai.cloud.services.runner.testing.Agents;
import com.alai.cloud.services.runner.testing.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A run reports to the real Mission Control and HiveMind: its task moves (in_progress, then review or blocked) with
 * comments linking the run, and its lifecycle is published on topic agent-runs, once per event.
 */
class ReportingTest {
    static final String AUDIENCE = "api://alai-control-plane";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static EmbeddedPostgres pg;
    static MockOAuth2Server issuer;
    static Service mc;
    static HiveMindApi hive;
    static Service runner;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        pg = EmbeddedPostgres.start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE mission_control");
            s.execute("CREATE DATABASE hivemind");
            s.execute("CREATE DATABASE agent_runner");
        }
        issuer = new MockOAuth2Server();
        issuer.start();
        String oidc = issuer.issuerUrl("default").toString();
        mc = McApi.start(ServiceConfig.from(new Env(Map.of("PORT", "0", "DATABASE_URL", url("mission_control"),
                "OIDC_ISSUER", oidc, "OIDC_AUDIENCE", AUDIENCE))));
        hive = HiveMindApi.start(HiveMindConfig.from(new Env(Map.of("PORT", "0", "DATABASE_URL", url("hivemind"),
                "HIVEMIND_REPLICA", "test", "OIDC_ISSUER", oidc, "OIDC_AUDIENCE", AUDIENCE))));
        Path dir = Files.createTempDirectory("reporting");
        new Agents(dir.resolve("agents")).add("echo", "noop", "limits: {concurrency: 10}\n", "Echo.");
        // A route this runner does not serve (phase 5's model router): every run of it fails at once.
        Files.writeString(dir.resolve("agents/elsewhere.md"),
                "---\nname: elsewhere\nruntime: messages\nmodel: router/qwen-task\n---\nTune.\n");
        var env = new HashMap<String, String>(Map.of("PORT", "0", "DATABASE_URL", url("agent_runner"),
                "OIDC_ISSUER", oidc, "OIDC_AUDIENCE", AUDIENCE, "ALAI_ROLE", "all",
                "RUNNER_AGENTS_DIR", dir.resolve("agents").toString(), "ANTHROPIC_API_KEY", "sk-ant-unused",
                "RUNNER_WORK_DIR", dir.resolve("work").toString(), "MC_URL", "http://127.0.0.1:" + mc.port()));
        env.putAll(Map.of("HIVEMIND_URL", "http://127.0.0.1:" + hive.port(), "REPORT_TOKEN_URL", oidc + "/token",
                "REPORT_CLIENT_ID", "agent-runner", "REPORT_CLIENT_SECRET", UUID.randomUUID().toString(),
                "REPORT_SCOPE", AUDIENCE, "RUNNER_PUBLIC_URL", "https://runner.example", "RUNNER_POLL_MS", "500"));
        runner = AgentRunner.start(RunnerConfig.from(new Env(env)));
        token = issuer.issueToken("default", "operator", AUDIENCE, Map.of("scp", "runs:write runs:read"), 600).serialize();
    }

    static String url(String db) {
        return "postgres://postgres:@localhost:" + pg.getPort() + "/" + db;
    }

    @AfterAll
    static void stop() throws Exception {
        runner.close();
        hive.close();
        mc.close();
        issuer.shutdown();
        pg.close();
    }

    static HttpResponse<String> call(String base, String path, String method, Object body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(Json.bytes(body)));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(String base, String path) throws Exception {
        return Json.mapper().readTree(call(base, path, "GET", null).body());
    }

    static String mc() {
        return "http://127.0.0.1:" + mc.port();
    }

    static String runnerUrl() {
        return "http://127.0.0.1:" + runner.port();
    }

    static long task(String title) throws Exception {
        var created = call(mc(), "/tasks", "POST", Map.of("title", title));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.mapper().readTree(created.body()).path("id").asLong();
    }

    static List<JsonNode> published(String runId) throws Exception {
        var mine = new ArrayList<JsonNode>();
        JsonNode page = json("http://127.0.0.1:" + hive.port(), "/topics/agent-runs/messages?limit=1000");
        for (JsonNode m : page.path("messages")) {
            if (m.path("payload").path("runId").asText().equals(runId)) {
                mine.add(m.path("payload"));
            }
        }
        return mine;
    }

    @Test
    void aSucceededRunMovesItsTaskToReviewWithCommentsAndPublishesItsLifecycle() throws Exception {
        long taskId = task("summarise the backlog");
        var submitted = call(runnerUrl(), "/runs", "POST", Map.of("agent", "echo", "input", "the summary",
                "taskId", taskId, "timeoutSeconds", 60));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String runId = Json.mapper().readTree(submitted.body()).path("id").asText();
        TestDatabase.await("the task is in review", () -> json(mc(), "/tasks/" + taskId).path("status").asText()
                .equals("review"));
        TestDatabase.await("the lifecycle is published", () -> published(runId).size() == 3);
        assertThat(published(runId)).extracting(p -> p.path("kind").asText())
                .containsExactly("queued", "started", "finished");
        assertThat(published(runId).getLast().path("url").asText()).isEqualTo("https://runner.example/runs/" + runId);
        JsonNode comments = json(mc(), "/tasks/" + taskId + "/comments");
        String text = comments.toString();
        assertThat(text).contains("started run " + runId, "finished run " + runId,
                "https://runner.example/runs/" + runId, "the summary");
    }

    @Test
    void aFailedRunBlocksItsTaskWithTheReason() throws Exception {
        long taskId = task("use the fine-tuned model");
        var submitted = call(runnerUrl(), "/runs", "POST", Map.of("agent", "elsewhere", "input", "x", "taskId", taskId,
                "timeoutSeconds", 60));
        String runId = Json.mapper().readTree(submitted.body()).path("id").asText();
        TestDatabase.await("the task is blocked", () -> json(mc(), "/tasks/" + taskId).path("status").asText()
                .equals("blocked"));
        assertThat(json(mc(), "/tasks/" + taskId + "/comments").toString()).contains("run " + runId + " failed",
                "router/qwen-task", "not served");
        TestDatabase.await("the failure is published", () -> published(runId).stream()
                .anyMatch(p -> p.path("kind").asText().equals("failed")));
    }
}
