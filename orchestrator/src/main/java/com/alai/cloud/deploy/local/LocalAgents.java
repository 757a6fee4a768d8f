package com.alai.cloud.deploy.local;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.runner.AgentRunner;
import com.alai.cloud.services.runner.RunnerConfig;
import com.alai.cloud.services.runner.fixture.AnthropicFixture;
import com.alai.cloud.services.runner.runtime.claude.ClaudeCli;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/**
 * Phase 3 in `local up dev-phase3`: the agent runner's API and two workers (ALAI_ROLE=api, worker, worker) on their
 * own database, the real Claude Code CLI (installed once by npm), the Anthropic contract fixture as the model server
 * (a Bash tool round per run), reporting to the local mc-api and hivemind-api, and a Mission Control task to move.
 */
final class LocalAgents implements AutoCloseable {
    private final AnthropicFixture model;
    private final List<Service> services;

    private LocalAgents(AnthropicFixture model, List<Service> services) {
        this.model = model;
        this.services = services;
    }

    static LocalAgents start(EmbeddedPostgres pg, MockOAuth2Server issuer, String audience, String mcUrl,
                             String hivemindUrl, Path dir, Map<String, String> vars) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE agent_runner");
        }
        Path claude = ClaudeCli.install();
        var model = AnthropicFixture.start().otherwise(AnthropicFixture::toolRound);
        Path agents = Files.createDirectories(dir.resolve("agents"));
        Files.writeString(agents.resolve("local-coder.md"), "---\nname: local-coder\nruntime: claude-code\n"
                + "model: anthropic/claude-sonnet-4-5\nallowedTools: [Bash]\nlimits: {timeoutSeconds: 300, concurrency: 2}\n"
                + "---\nYou check that the local environment works. Use Bash when asked.\n");
        Files.writeString(agents.resolve("local-messages.md"), "---\nname: local-messages\nruntime: messages\n"
                + "model: anthropic/claude-sonnet-4-5\nallowedTools: [Bash]\n---\nYou check the local environment.\n");
        String issuerUrl = issuer.issuerUrl("default").toString();
        var env = new HashMap<String, String>(Map.of("PORT", "0",
                "DATABASE_URL", "postgres://postgres:@localhost:" + pg.getPort() + "/agent_runner",
                "OIDC_ISSUER", issuerUrl, "OIDC_AUDIENCE", audience, "RUNNER_AGENTS_DIR", agents.toString(),
                "ANTHROPIC_BASE_URL", model.baseUrl(), "ANTHROPIC_API_KEY", "sk-ant-local-" + UUID.randomUUID(),
                "CLAUDE_CODE_BIN", claude.toString(), "RUNNER_WORK_DIR", dir.resolve("runs").toString(),
                "MC_URL", mcUrl));
        env.putAll(Map.of("HIVEMIND_URL", hivemindUrl, "REPORT_TOKEN_URL", issuerUrl + "/token",
                "REPORT_CLIENT_ID", "agent-runner", "REPORT_CLIENT_SECRET", UUID.randomUUID().toString(),
                "REPORT_SCOPE", audience));
        var services = new ArrayList<Service>();
        Service api = AgentRunner.start(RunnerConfig.from(new Env(with(env, "api", "local-api"))));
        services.add(api);
        for (String worker : List.of("local-worker-1", "local-worker-2")) {
            services.add(AgentRunner.start(RunnerConfig.from(new Env(with(env, "worker", worker)))));
        }
        String operator = issuer.issueToken("default", "operator", audience,
                Map.of("name", "local operator", "scp", "runs:read runs:write"), 8 * 3600).serialize();
        vars.put("AGENT_RUNNER_URL", "http://127.0.0.1:" + api.port());
        vars.put("AGENT_RUNNER_DATABASE_URL", "jdbc:postgresql://localhost:" + pg.getPort() + "/agent_runner?user=postgres");
        vars.put("RUNNER_TOKEN", operator);
        vars.put("LOCAL_MODEL_URL", model.baseUrl());
        vars.put("LOCAL_TASK_ID", Long.toString(task(mcUrl, operator)));
        return new LocalAgents(model, services);
    }

    private static Map<String, String> with(Map<String, String> base, String role, String name) {
        var env = new HashMap<>(base);
        env.put("ALAI_ROLE", role);
        env.put("WORKER_NAME", name);
        return env;
    }

    // The task the runbook's run moves: created through mc-api like any client would.
    private static long task(String mcUrl, String token) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(mcUrl + "/tasks"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"phase 3 local check: an agent run moves this task\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("mc-api refused the phase 3 task: " + created.statusCode());
        }
        return new ObjectMapper().readTree(created.body()).path("id").asLong();
    }

    @Override
    public void close() throws Exception {
        for (Service s : services.reversed()) {
            s.close();
        }
        model.close();
    }
}
