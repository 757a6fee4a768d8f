package com.alai.cloud.services.runner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.runner.fixture.AnthropicFixture;
import com.alai.cloud.services.runner.fixture.Reply;
import com.alai.cloud.services.runner.runtime.messages.MessagesRuntime;
import com.alai.cloud.services.runner.testing.Agents;
import com.alai.cloud.services.runner.testing.TestDatabase;
import com.alai.cloud.services.runner.testing.Workers;
import com.anthropic.client.AnthropicClient;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages runtime on a worker, against the Anthropic contract fixture: tools, streaming, usage, failures. */
class MessagesRuntimeTest {
    static final String MODEL = "claude-sonnet-4-5";
    static TestDatabase db;
    static AnthropicFixture fixture;
    static AnthropicClient client;
    @TempDir
    Path tmp;
    Workers workers;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start();
        fixture = AnthropicFixture.start();
        client = MessagesRuntime.client(fixture.baseUrl(), "sk-ant-test-key");
    }

    @AfterAll
    static void stop() throws Exception {
        client.close();
        fixture.close();
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        db.execute("TRUNCATE runs CASCADE");
        fixture.reset();
        var agents = new Agents(tmp.resolve("agents"))
                .add("helper", "messages", "allowedTools: [Bash]\nlimits: {concurrency: 5}\n", "You help.")
                .load();
        workers = new Workers(db, agents, tmp);
    }

    @AfterEach
    void tearDown() throws Exception {
        workers.close();
    }

    void worker(AnthropicClient using) {
        workers.start("w", 2, Map.of("messages", new MessagesRuntime(using, Prices.load(), 1024)));
    }

    long run(String input) throws Exception {
        return workers.submit("helper", input, 60, new BigDecimal("1.00"));
    }

    String column(long id, String column) throws Exception {
        return db.text("SELECT " + column + "::text FROM runs WHERE id = ?", id);
    }

    @Test
    void aStreamedAnswerBecomesTheOutputWithItsUsageAndCost() throws Exception {
        fixture.then(Reply.message(MODEL).text("The answer is 42.").usage(1_000, 200).stream());
        worker(client);
        long id = run("What is the answer?");
        workers.awaitStatus(id, "succeeded");
        assertThat(column(id, "output")).isEqualTo("The answer is 42.");
        assertThat(db.text("SELECT string_agg(data->>'text', '' ORDER BY seq) FROM run_events WHERE run_id = ? "
                + "AND kind = 'output'", id)).isEqualTo("The answer is 42.");
        // 1,000 input tokens at $3/MTok and 200 output tokens at $15/MTok.
        assertThat(column(id, "cost_usd")).isEqualTo("0.006000");
        assertThat(column(id, "input_tokens")).isEqualTo("1000");
        assertThat(workers.events(id, "usage")).isEqualTo(1);
        var request = fixture.received().getFirst().body();
        assertThat(request.path("model").asText()).isEqualTo(MODEL);
        assertThat(request.path("system").toString()).contains("You help.");
        assertThat(request.path("tools").get(0).path("name").asText()).isEqualTo("Bash");
    }

    @Test
    void aToolRoundRunsTheCommandInTheRunsDirectoryAndSendsItsResultBack() throws Exception {
        fixture.then(Reply.message(MODEL).text("Running it.").toolUse("toolu_1", "Bash",
                        Map.of("command", "echo tool-says-hi && pwd")).stream(),
                Reply.message(MODEL).text("It said hi.").stream());
        worker(client);
        long id = run("Say hi with bash");
        workers.awaitStatus(id, "succeeded");
        assertThat(column(id, "output")).isEqualTo("It said hi.");
        var second = fixture.received().get(1).body().path("messages");
        var toolResult = second.get(2).path("content").get(0);
        assertThat(toolResult.path("type").asText()).isEqualTo("tool_result");
        assertThat(toolResult.path("tool_use_id").asText()).isEqualTo("toolu_1");
        assertThat(toolResult.path("content").toString()).contains("tool-says-hi", "run-" + id + "-1");
        assertThat(workers.events(id, "tool_call")).isEqualTo(1);
        assertThat(workers.events(id, "tool_result")).isEqualTo(1);
        assertThat(tmp.resolve("work-w").resolve("run-" + id + "-1")).doesNotExist();
    }

    @Test
    void aToolTheAgentIsNotAllowedIsRefusedToTheModel() throws Exception {
        fixture.then(Reply.message(MODEL).toolUse("toolu_1", "Write", Map.of("path", "x", "content", "y")).stream(),
                Reply.message(MODEL).text("Understood.").stream());
        worker(client);
        long id = run("write a file");
        workers.awaitStatus(id, "succeeded");
        var result = fixture.received().get(1).body().path("messages").get(2).path("content").get(0);
        assertThat(result.path("is_error").asBoolean()).isTrue();
        assertThat(result.path("content").toString()).contains("not allowed");
    }

    @Test
    void anOverloadedBackendIsRetriedBecauseNothingWasBought() throws Exception {
        fixture.then(Reply.overloaded(), Reply.message(MODEL).text("ok").stream());
        worker(client);
        long id = run("hello");
        workers.awaitStatus(id, "succeeded");
        assertThat(column(id, "attempt")).isEqualTo("2");
        assertThat(workers.events(id, "retrying")).isEqualTo(1);
        assertThat(db.text("SELECT data->>'error' FROM run_events WHERE run_id = ? AND kind = 'retrying'", id))
                .contains("overloaded_error", "529");
    }

    @Test
    void aRateLimitIsRetriedNoSoonerThanItsRetryAfter() throws Exception {
        fixture.then(Reply.rateLimited(1), Reply.message(MODEL).text("ok").stream());
        worker(client);
        long id = run("hello");
        workers.awaitStatus(id, "succeeded");
        assertThat(db.number("SELECT (data->>'delayMs')::bigint FROM run_events WHERE run_id = ? AND kind = 'retrying'",
                id)).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void aStreamCutBeforeMessageStopFailsTheRunWithoutRunningItAgain() throws Exception {
        fixture.then(Reply.message(MODEL).text("This answer will be cut.").usage(500, 50).cutAfter(4))
                .otherwise(Reply.message(MODEL).text("a second purchase").stream());
        worker(client);
        long id = run("hello");
        workers.awaitStatus(id, "failed");
        assertThat(column(id, "error")).contains("message_stop", "not retried");
        assertThat(column(id, "attempt")).isEqualTo("1");
        assertThat(fixture.received()).hasSize(1);
        // The input tokens of the cut request were bought, and are counted.
        assertThat(column(id, "input_tokens")).isEqualTo("500");
    }

    @Test
    void anOverloadedErrorInsideAStreamIsNotRetried() throws Exception {
        fixture.then(Reply.message(MODEL).text("partial answer").errorAfter(3, "overloaded_error", "Overloaded"))
                .otherwise(Reply.message(MODEL).text("a second purchase").stream());
        worker(client);
        long id = run("hello");
        workers.awaitStatus(id, "failed");
        assertThat(column(id, "error")).contains("Overloaded", "not retried");
        assertThat(fixture.received()).hasSize(1);
    }

    @Test
    void aBackendThatIsDownIsRetriedAndThenGivenUp() throws Exception {
        int closedPort;
        try (var probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        AnthropicClient down = MessagesRuntime.client("http://127.0.0.1:" + closedPort, "sk-ant-test-key");
        try {
            worker(down);
            long id = run("hello");
            workers.awaitStatus(id, "failed");
            assertThat(column(id, "attempt")).isEqualTo("3");
            assertThat(column(id, "error")).contains("gave up after 3 attempts");
            assertThat(column(id, "spent")).isEqualTo("false");
        } finally {
            down.close();
        }
    }

    @Test
    void aSlowBackendIsStoppedAtTheRunsTimeout() throws Exception {
        fixture.then(Reply.message(MODEL).text("too late").stream().after(10_000));
        worker(client);
        long id = workers.submit("helper", "hello", 1, BigDecimal.ONE);
        workers.awaitStatus(id, "failed");
        assertThat(column(id, "error")).contains("exceeded its timeout of 1 s");
    }

    @Test
    void cancellingWhileTheModelStreamsStopsTheRun() throws Exception {
        fixture.then(Reply.message(MODEL).text("a long answer ".repeat(40)).chunks(4).stream().paced(50));
        worker(client);
        long id = run("hello");
        TestDatabase.await("output is streaming", () -> workers.events(id, "output") > 0
                || db.number("SELECT count(*) FROM run_events WHERE run_id = ? AND kind = 'started'", id) > 0);
        workers.store.cancel(id);
        workers.awaitStatus(id, "cancelled");
        assertThat(workers.events(id, "finished")).isZero();
    }

    @Test
    void aRunPastItsCostLimitStopsBuying() throws Exception {
        fixture.then(Reply.message(MODEL).toolUse("toolu_1", "Bash", Map.of("command", "true")).usage(100_000, 1_000)
                .stream()).otherwise(Reply.message(MODEL).text("more").stream());
        worker(client);
        long id = workers.submit("helper", "expensive", 60, new BigDecimal("0.10"));
        workers.awaitStatus(id, "failed");
        assertThat(column(id, "error")).contains("passed maxCostUsd 0.10");
        assertThat(fixture.received()).hasSize(1);
    }
}
