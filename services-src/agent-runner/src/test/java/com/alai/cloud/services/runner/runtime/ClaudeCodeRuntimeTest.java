package com.alai.cloud.services.runner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.runner.fixture.AnthropicFixture;
import com.alai.cloud.services.runner.fixture.Reply;
import com.alai.cloud.services.runner.runtime.claude.ClaudeCodeRuntime;
import com.alai.cloud.services.runner.testing.Agents;
import com.alai.cloud.services.runner.runtime.claude.ClaudeCli;
import com.alai.cloud.services.runner.testing.TestDatabase;
import com.alai.cloud.services.runner.testing.Workers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The claude-code runtime with the real Claude Code CLI against the Anthropic contract fixture. */
class ClaudeCodeRuntimeTest {
    static final String MODEL = "claude-sonnet-4-5";
    static TestDatabase db;
    static AnthropicFixture fixture;
    static Path claude;
    @TempDir
    Path tmp;
    Workers workers;

    @BeforeAll
    static void start() throws Exception {
        claude = ClaudeCli.install();
        db = TestDatabase.start();
        fixture = AnthropicFixture.start();
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        db.execute("TRUNCATE runs CASCADE");
        fixture.reset();
        Path dotClaude = Files.createDirectories(tmp.resolve("skills/.claude"));
        Files.writeString(dotClaude.resolve("CLAUDE.md"), "Skills repository memory: be precise.\n");
        var agents = new Agents(tmp.resolve("agents"))
                .add("coder", "claude-code", "allowedTools: [Bash]\nlimits: {maxTurns: 5}\n", "You are a careful coder.")
                .load();
        workers = new Workers(db, agents, tmp);
        workers.start("w", 2, Map.of("claude-code", new ClaudeCodeRuntime(claude, fixture.baseUrl(),
                "sk-ant-test-key", Optional.of(dotClaude.getParent().resolve(".claude")), Prices.load())));
    }

    @AfterEach
    void tearDown() throws Exception {
        workers.close();
    }

    String column(long id, String column) throws Exception {
        return db.text("SELECT " + column + "::text FROM runs WHERE id = ?", id);
    }

    @Test
    void aScriptedBashToolRoundRunsEndToEndThroughTheRealCli() throws Exception {
        fixture.then(Reply.message(MODEL).text("I will run it.").toolUse("toolu_01", "Bash",
                        Map.of("command", "echo from-bash > proof.txt && cat proof.txt", "description", "write proof"))
                        .usage(1_000, 100).stream(),
                Reply.message(MODEL).text("The file says from-bash.").usage(1_200, 20).stream())
                .otherwise(Reply.message(MODEL).text("unscripted").stream());
        long id = workers.submit("coder", "Write proof.txt with bash and tell me what it says.", 120, BigDecimal.ONE);
        workers.awaitStatus(id, "succeeded");
        assertThat(column(id, "output")).isEqualTo("The file says from-bash.");
        assertThat(db.text("SELECT data->>'name' FROM run_events WHERE run_id = ? AND kind = 'tool_call'", id))
                .isEqualTo("Bash");
        assertThat(db.text("SELECT data->>'content' FROM run_events WHERE run_id = ? AND kind = 'tool_result'", id))
                .contains("from-bash");
        assertThat(column(id, "cost_usd")).isEqualTo("0.008400");
    }

    @Test
    void eachRunHasAPrivateHomeWithTheSkillsMemoryACleanEnvironmentAndADirectoryRemovedAfterwards() throws Exception {
        fixture.then(Reply.message(MODEL).toolUse("toolu_01", "Bash", Map.of("command", "env; pwd", "description", "env"))
                        .stream(), Reply.message(MODEL).text("seen").stream())
                .otherwise(Reply.message(MODEL).text("unscripted").stream());
        long id = workers.submit("coder", "Show the environment.", 120, BigDecimal.ONE);
        workers.awaitStatus(id, "succeeded");
        String env = db.text("SELECT data->>'content' FROM run_events WHERE run_id = ? AND kind = 'tool_result'", id);
        Path runDir = tmp.resolve("work-w").resolve("run-" + id + "-1");
        assertThat(env).contains("HOME=" + runDir.resolve("home"), runDir.resolve("work").toString(),
                "CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC=1");
        // The worker's own environment (this build's MAVEN_ARGS, JAVA_HOME, …) never reaches the agent.
        assertThat(env).doesNotContain("MAVEN_ARGS", "JAVA_HOME", "MAVEN_PROJECTBASEDIR");
        assertThat(runDir).doesNotExist();
        String request = fixture.received().getFirst().body().toString();
        assertThat(request).contains("You are a careful coder.", "Skills repository memory: be precise.");
        assertThat(db.text("SELECT data->>'claudeCodeVersion' FROM run_events WHERE run_id = ? AND kind = 'log' "
                + "AND data->>'source' = 'claude-code'", id)).isEqualTo(ClaudeCli.version());
    }

    @Test
    void aToolTheDefinitionDoesNotAllowIsRefusedByTheCli() throws Exception {
        fixture.then(Reply.message(MODEL).toolUse("toolu_01", "Write", Map.of("file_path", "/tmp/x-" + System.nanoTime(),
                        "content", "nope")).stream(), Reply.message(MODEL).text("could not write").stream())
                .otherwise(Reply.message(MODEL).text("unscripted").stream());
        long id = workers.submit("coder", "Write a file.", 120, BigDecimal.ONE);
        workers.awaitStatus(id, "succeeded");
        assertThat(db.text("SELECT data->>'error' FROM run_events WHERE run_id = ? AND kind = 'tool_result'", id))
                .isEqualTo("true");
    }

    @Test
    void cancellingARunStopsTheCliProcess() throws Exception {
        fixture.then(Reply.message(MODEL).text("never arrives").stream().after(60_000));
        long id = workers.submit("coder", "Wait.", 120, BigDecimal.ONE);
        TestDatabase.await("the CLI started", () -> ProcessHandle.current().descendants()
                .anyMatch(p -> p.info().command().map(c -> c.contains("claude")).orElse(false)));
        workers.store.cancel(id);
        workers.awaitStatus(id, "cancelled");
        TestDatabase.await("no CLI process is left", () -> ProcessHandle.current().descendants()
                .noneMatch(p -> p.info().command().map(c -> c.contains("claude")).orElse(false)));
    }
}
