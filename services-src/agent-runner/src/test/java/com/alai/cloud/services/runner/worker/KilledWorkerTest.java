package com.alai.cloud.services.runner.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.runner.AgentRunner;
import com.alai.cloud.services.runner.fixture.AnthropicFixture;
import com.alai.cloud.services.runner.fixture.Reply;
import com.alai.cloud.services.runner.runtime.Prices;
import com.alai.cloud.services.runner.runtime.messages.MessagesRuntime;
import com.alai.cloud.services.runner.testing.Agents;
import com.alai.cloud.services.runner.testing.TestDatabase;
import com.alai.cloud.services.runner.testing.Workers;
import com.anthropic.client.AnthropicClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real worker process (ALAI_ROLE=worker, its own JVM) killed with SIGKILL while the model streams its answer: the
 * run is rescued once by another worker and fails saying why, and the model is never asked twice (never double-billed).
 */
class KilledWorkerTest {
    static TestDatabase db;
    static AnthropicFixture fixture;
    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start();
        fixture = AnthropicFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        db.close();
    }

    static Process workerProcess(Path agents) throws Exception {
        var command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), AgentRunner.class.getName()));
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("doomed.log").toFile());
        builder.environment().putAll(Map.of("PORT", "0", "DATABASE_URL", "postgres://postgres:@localhost:" + db.port()
                        + "/postgres", "OIDC_ISSUER", "http://127.0.0.1:9/unused", "OIDC_AUDIENCE", "api://runs",
                "ALAI_ROLE", "worker", "WORKER_NAME", "doomed", "RUNNER_AGENTS_DIR", agents.toString(),
                "ANTHROPIC_BASE_URL", fixture.baseUrl(), "ANTHROPIC_API_KEY", "sk-ant-test-key",
                "RUNNER_WORK_DIR", tmp.resolve("doomed-work").toString()));
        builder.environment().putAll(Map.of("RUNNER_HEARTBEAT_SECONDS", "1", "RUNNER_LEASE_SECONDS", "3",
                "RUNNER_POLL_MS", "200"));
        return builder.start();
    }

    @Test
    void aWorkerKilledMidStreamIsRescuedOnceAndTheModelIsNeverAskedTwice() throws Exception {
        var agents = new Agents(tmp.resolve("agents")).add("talker", "messages", "", "You talk.");
        fixture.then(Reply.message("claude-sonnet-4-5").text("a long answer ".repeat(200)).chunks(4).stream().paced(50))
                .otherwise(Reply.message("claude-sonnet-4-5").text("a second purchase").stream());
        try (var workers = new Workers(db, agents.load(), tmp)) {
            long id = workers.submit("talker", "talk at length", 120, BigDecimal.ONE);
            Process doomed = workerProcess(agents.dir());
            try {
                TestDatabase.await("the doomed worker streams", () -> db.number("SELECT count(*) FROM runs WHERE id = ? "
                        + "AND worker = 'doomed' AND spent", id) == 1 && !fixture.received().isEmpty());
                doomed.destroyForcibly();
                doomed.waitFor();
            } finally {
                doomed.destroyForcibly();
            }
            AnthropicClient client = MessagesRuntime.client(fixture.baseUrl(), "sk-ant-test-key");
            try {
                workers.start("rescuer", 2, Map.of("messages", new MessagesRuntime(client, Prices.load(), 1024)));
                workers.awaitStatus(id, "failed");
            } finally {
                client.close();
            }
            assertThat(workers.events(id, "rescued")).isEqualTo(1);
            assertThat(workers.events(id, "started")).isEqualTo(1);
            assertThat(db.text("SELECT error FROM runs WHERE id = ?", id)).contains("worker doomed stopped heartbeating",
                    "not retried", "model tokens may have been bought");
            assertThat(fixture.received()).hasSize(1);
        }
    }
}
