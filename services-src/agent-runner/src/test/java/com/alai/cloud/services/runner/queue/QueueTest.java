package com.alai.cloud.services.runner.queue;

import static com.alai.cloud.services.runner.testing.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.runner.agent.DefinitionSource;
import com.alai.cloud.services.runner.model.NewRun;
import com.alai.cloud.services.runner.model.RunStatus;
import com.alai.cloud.services.runner.runtime.AgentRuntime;
import com.alai.cloud.services.runner.runtime.NoopRuntime;
import com.alai.cloud.services.runner.runtime.RunFailure;
import com.alai.cloud.services.runner.testing.Agents;
import com.alai.cloud.services.runner.testing.TestDatabase;
import com.alai.cloud.services.runner.worker.Worker;
import com.alai.cloud.services.runner.worker.WorkerSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable queue and its workers on real PostgreSQL: exactly-once, leases, rescue, retries, limits, stops. */
class QueueTest {
    static TestDatabase db;
    static final AtomicLong KEYS = new AtomicLong();
    final List<AutoCloseable> open = new ArrayList<>();
    @TempDir
    Path tmp;
    DefinitionSource agents;
    RunStore store;
    RunQueue queue;

    @BeforeAll
    static void database() throws Exception {
        db = TestDatabase.start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void setUp() throws Exception {
        db.execute("TRUNCATE runs CASCADE");
        agents = new Agents(tmp.resolve("agents"))
                .add("echo", "noop", "limits: {concurrency: 100}\n", "Echo.")
                .add("solo", "noop", "limits: {concurrency: 1}\n", "One at a time.")
                .add("urgent", "noop", "priority: 10\nlimits: {concurrency: 100}\n", "First.")
                .load();
        store = new RunStore(db.dataSource());
        queue = new RunQueue(db.dataSource(), new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }

    long submit(String agent, int priority) throws SQLException {
        return submit(agent, priority, 60);
    }

    long submit(String agent, int priority, int timeoutSeconds) throws SQLException {
        String key = "k-" + KEYS.incrementAndGet();
        return store.submit(new NewRun(agent, "input " + key, null, null, timeoutSeconds, new BigDecimal("1.00"),
                "alice", key, "hash-" + key, priority, 3)).run().id();
    }

    Worker worker(String name, int slots, Map<String, AgentRuntime> runtimes) {
        Signals signals = db.signals(name);
        open.add(signals);
        return worker(name, slots, runtimes, signals);
    }

    Worker worker(String name, int slots, Map<String, AgentRuntime> runtimes, Signals signals) {
        var settings = new WorkerSettings(name, slots, Duration.ofMillis(500), Duration.ofMillis(200),
                Duration.ofMillis(1_500), tmp.resolve("work-" + name), Duration.ZERO);
        Worker w = new Worker(settings, queue, agents, runtimes, signals, new JsonLog("test-" + name)).start();
        open.add(w);
        return w;
    }

    String status(long id) throws SQLException {
        return db.text("SELECT status FROM runs WHERE id = ?", id);
    }

    long events(long id, String kind) throws SQLException {
        return db.number("SELECT count(*) FROM run_events WHERE run_id = ? AND kind = ?", id, kind);
    }

    @Test
    void aThousandQueuedRunsOnTwoWorkersEachRunExactlyOnce() throws Exception {
        var executions = new ConcurrentHashMap<Long, AtomicInteger>();
        AgentRuntime counting = (agent, ctx) -> {
            executions.computeIfAbsent(ctx.runId(), k -> new AtomicInteger()).incrementAndGet();
            return new NoopRuntime().run(agent, ctx);
        };
        for (int i = 0; i < 1_000; i++) {
            submit("echo", 0);
        }
        worker("a", 4, Map.of("noop", counting));
        worker("b", 4, Map.of("noop", counting));
        await("all 1,000 runs succeeded", () -> db.number("SELECT count(*) FROM runs WHERE status = 'succeeded'") == 1_000);
        assertThat(executions).hasSize(1_000);
        assertThat(executions.values()).allMatch(n -> n.get() == 1);
        assertThat(db.number("SELECT count(*) FROM run_events WHERE kind = 'started'")).isEqualTo(1_000);
        assertThat(db.number("SELECT max(attempt) FROM runs")).isEqualTo(1);
        assertThat(db.number("SELECT count(DISTINCT worker) FROM runs")).isEqualTo(2);
    }

    @Test
    void aDuplicateIdempotencyKeyUnderConcurrencyMakesOneRun() throws Exception {
        int callers = 16;
        var barrier = new CyclicBarrier(callers);
        var pool = Executors.newFixedThreadPool(callers);
        var results = new ArrayList<Future<RunStore.Submitted>>();
        for (int i = 0; i < callers; i++) {
            results.add(pool.submit(() -> {
                barrier.await();
                return store.submit(new NewRun("echo", "same", null, null, 60, BigDecimal.ONE, "alice", "dup-key",
                        "same-hash", 0, 3));
            }));
        }
        var ids = new java.util.HashSet<Long>();
        int created = 0;
        for (var f : results) {
            RunStore.Submitted s = f.get();
            ids.add(s.run().id());
            created += s.created() ? 1 : 0;
            assertThat(s.sameRequest()).isTrue();
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(created).isEqualTo(1);
        assertThat(db.number("SELECT count(*) FROM runs")).isEqualTo(1);
        assertThat(db.number("SELECT count(*) FROM run_events WHERE kind = 'queued'")).isEqualTo(1);
    }

    @Test
    void theSameKeyFromAnotherCallerIsAnotherRunAndADifferentBodyIsNoticed() throws Exception {
        var first = store.submit(new NewRun("echo", "a", null, null, 60, BigDecimal.ONE, "alice", "k", "h1", 0, 3));
        var other = store.submit(new NewRun("echo", "a", null, null, 60, BigDecimal.ONE, "bob", "k", "h1", 0, 3));
        var changed = store.submit(new NewRun("echo", "b", null, null, 60, BigDecimal.ONE, "alice", "k", "h2", 0, 3));
        assertThat(other.run().id()).isNotEqualTo(first.run().id());
        assertThat(changed.run().id()).isEqualTo(first.run().id());
        assertThat(changed.sameRequest()).isFalse();
    }

    /** A worker that claimed a run and then died (no heartbeat): its lease runs out, and two sweepers rescue it once. */
    @Test
    void aRunWhoseWorkerStoppedHeartbeatingIsRescuedExactlyOnceAndRunsAgain() throws Exception {
        long id = submit("echo", 0);
        Claim ghost = queue.claim("ghost", Map.of(), 10).orElseThrow();
        db.execute("UPDATE runs SET heartbeat_at = now() - interval '1 hour' WHERE id = " + id);
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        Future<Integer> one = pool.submit(() -> { barrier.await(); return queue.rescue(Duration.ofSeconds(30)); });
        Future<Integer> two = pool.submit(() -> { barrier.await(); return queue.rescue(Duration.ofSeconds(30)); });
        assertThat(one.get() + two.get()).isEqualTo(1);
        pool.shutdown();
        assertThat(events(id, "rescued")).isEqualTo(1);
        assertThat(status(id)).isEqualTo("queued");
        // The dead worker, if it came back, could no longer write the outcome.
        assertThat(queue.finish(ghost, new Outcome.Succeeded("late"))).isEmpty();
        worker("a", 2, Map.of("noop", new NoopRuntime()));
        await("the rescued run succeeded", () -> "succeeded".equals(status(id)));
        assertThat(db.number("SELECT attempt FROM runs WHERE id = ?", id)).isEqualTo(2);
        assertThat(events(id, "started")).isEqualTo(2);
        assertThat(db.text("SELECT output FROM runs WHERE id = ?", id)).isNotEqualTo("late");
    }

    @Test
    void aRescuedRunThatMayHaveBoughtTokensFailsAndSaysSoInsteadOfRunningAgain() throws Exception {
        long id = submit("echo", 0);
        Claim ghost = queue.claim("ghost", Map.of(), 10).orElseThrow();
        assertThat(queue.markSpent(ghost)).isTrue();
        db.execute("UPDATE runs SET heartbeat_at = now() - interval '1 hour' WHERE id = " + id);
        assertThat(queue.rescue(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(status(id)).isEqualTo("failed");
        assertThat(db.text("SELECT error FROM runs WHERE id = ?", id)).contains("stopped heartbeating", "not retried",
                "model tokens may have been bought");
        assertThat(queue.rescue(Duration.ofSeconds(30))).isZero();
    }

    @Test
    void aFailureBeforeAnyTokenWasBoughtIsRetriedWithBackoff() throws Exception {
        var attempts = new AtomicInteger();
        AgentRuntime flaky = (agent, ctx) -> {
            if (attempts.incrementAndGet() < 3) {
                throw RunFailure.transientFailure("overloaded_error (529)", null, null);
            }
            return "done";
        };
        long id = submit("echo", 0);
        worker("a", 1, Map.of("noop", flaky));
        await("the run succeeded", () -> "succeeded".equals(status(id)));
        assertThat(db.number("SELECT attempt FROM runs WHERE id = ?", id)).isEqualTo(3);
        assertThat(events(id, "retrying")).isEqualTo(2);
        assertThat(db.text("SELECT string_agg(data->>'delayMs', ',' ORDER BY seq) FROM run_events "
                + "WHERE run_id = ? AND kind = 'retrying'", id)).matches("\\d+,\\d+");
    }

    @Test
    void aRetryWaitsAtLeastWhatTheServersRetryAfterSaid() throws Exception {
        var attempts = new AtomicInteger();
        AgentRuntime limited = (agent, ctx) -> {
            if (attempts.incrementAndGet() == 1) {
                throw RunFailure.transientFailure("rate_limit_error (429)", Duration.ofMillis(1_500), null);
            }
            return "done";
        };
        long id = submit("echo", 0);
        worker("a", 1, Map.of("noop", limited));
        await("the run succeeded", () -> "succeeded".equals(status(id)));
        assertThat(db.number("SELECT (data->>'delayMs')::bigint FROM run_events WHERE run_id = ? AND kind = 'retrying'",
                id)).isGreaterThanOrEqualTo(1_500);
    }

    @Test
    void aFailureAfterTokensMayHaveBeenBoughtIsNeverRetried() throws Exception {
        var attempts = new AtomicInteger();
        AgentRuntime paidThenCut = (agent, ctx) -> {
            attempts.incrementAndGet();
            ctx.spending();
            throw RunFailure.transientFailure("the stream ended before message_stop", null, null);
        };
        long id = submit("echo", 0);
        worker("a", 1, Map.of("noop", paidThenCut));
        await("the run failed", () -> "failed".equals(status(id)));
        assertThat(attempts).hasValue(1);
        assertThat(events(id, "retrying")).isZero();
        assertThat(db.text("SELECT error FROM runs WHERE id = ?", id)).contains("message_stop", "not retried");
    }

    @Test
    void anAgentNeverRunsMoreAtOnceThanItsConcurrencyLimitAcrossWorkers() throws Exception {
        var now = new AtomicInteger();
        var most = new AtomicInteger();
        AgentRuntime slow = (agent, ctx) -> {
            int running = now.incrementAndGet();
            most.accumulateAndGet(running, Math::max);
            Thread.sleep(30);
            now.decrementAndGet();
            return "ok";
        };
        for (int i = 0; i < 12; i++) {
            submit("solo", 0);
        }
        worker("a", 4, Map.of("noop", slow));
        worker("b", 4, Map.of("noop", slow));
        await("all ran", () -> db.number("SELECT count(*) FROM runs WHERE status = 'succeeded'") == 12);
        assertThat(most).hasValue(1);
    }

    @Test
    void higherPriorityRunsAreClaimedFirst() throws Exception {
        long low = submit("echo", 0);
        long high = submit("urgent", 10);
        var order = new java.util.concurrent.CopyOnWriteArrayList<Long>();
        worker("a", 1, Map.of("noop", (agent, ctx) -> { order.add(ctx.runId()); return "ok"; }));
        await("both ran", () -> order.size() == 2);
        assertThat(order).containsExactly(high, low);
    }

    @Test
    void cancellingARunningRunStopsItOnItsWorker() throws Exception {
        var started = new CountDownLatch(1);
        var stoppedByCancel = new CountDownLatch(1);
        AgentRuntime waiting = (agent, ctx) -> {
            ctx.onStop(stoppedByCancel::countDown);
            started.countDown();
            stoppedByCancel.await();
            return "never";
        };
        long id = submit("echo", 0);
        worker("a", 1, Map.of("noop", waiting));
        started.await();
        assertThat(store.cancel(id).orElseThrow().cancelRequested()).isTrue();
        await("the run is cancelled", () -> "cancelled".equals(status(id)));
        assertThat(events(id, "cancelled")).isEqualTo(1);
    }

    @Test
    void cancellingReachesTheWorkerByPollingWhenNotificationsAreLost() throws Exception {
        var started = new CountDownLatch(1);
        var stopped = new CountDownLatch(1);
        AgentRuntime waiting = (agent, ctx) -> {
            ctx.onStop(stopped::countDown);
            started.countDown();
            stopped.await();
            return "never";
        };
        Signals deaf = new Signals(() -> { throw new SQLException("no listen session", "08001"); },
                new JsonLog("test-deaf")).start();
        open.add(deaf);
        long id = submit("echo", 0);
        worker("deaf", 1, Map.of("noop", waiting), deaf);
        started.await();
        store.cancel(id);
        await("the run is cancelled", () -> "cancelled".equals(status(id)));
    }

    @Test
    void aQueuedRunIsCancelledAtOnceAndNeverStarts() throws Exception {
        long id = submit("echo", 0);
        assertThat(store.cancel(id).orElseThrow().status()).isEqualTo(RunStatus.CANCELLED);
        worker("a", 1, Map.of("noop", new NoopRuntime()));
        long other = submit("echo", 0);
        await("the next run succeeded", () -> "succeeded".equals(status(other)));
        assertThat(events(id, "started")).isZero();
    }

    @Test
    void aRunPastItsMaximumRuntimeIsStoppedAndFails() throws Exception {
        var stopped = new CountDownLatch(1);
        AgentRuntime endless = (agent, ctx) -> {
            ctx.onStop(stopped::countDown);
            stopped.await();
            return "never";
        };
        long id = submit("echo", 0, 1);
        worker("a", 1, Map.of("noop", endless));
        await("the run failed", () -> "failed".equals(status(id)));
        assertThat(db.text("SELECT error FROM runs WHERE id = ?", id)).contains("exceeded its timeout of 1 s");
        assertThat(events(id, "retrying")).isZero();
    }

    /** The lease is 1.5 s here; a run lasting several leases keeps heartbeating and is never taken for a dead one. */
    @Test
    void aLongRunThatHeartbeatsIsNeverRescued() throws Exception {
        AgentRuntime longRun = (agent, ctx) -> {
            Thread.sleep(5_000);
            return "finished late";
        };
        long id = submit("echo", 0);
        worker("a", 1, Map.of("noop", longRun));
        worker("sweeper", 1, Map.of());
        await("the run succeeded", () -> "succeeded".equals(status(id)));
        assertThat(events(id, "rescued")).isZero();
        assertThat(db.number("SELECT attempt FROM runs WHERE id = ?", id)).isEqualTo(1);
    }

    @Test
    void aWorkerWithoutNotificationsStillFindsWorkByPolling() throws Exception {
        Signals deaf = new Signals(() -> { throw new SQLException("no listen session", "08001"); },
                new JsonLog("test-deaf")).start();
        open.add(deaf);
        worker("deaf", 1, Map.of("noop", new NoopRuntime()), deaf);
        long id = submit("echo", 0);
        await("the run succeeded", () -> "succeeded".equals(status(id)));
    }

    @Test
    void eventsAreNumberedFromOnePerRunWithoutGaps() throws Exception {
        long id = submit("echo", 0);
        worker("a", 1, Map.of("noop", (agent, ctx) -> {
            ctx.log("one");
            ctx.output("two");
            ctx.toolCall("t1", "Bash", Map.of("command", "true"));
            return "three";
        }));
        await("the run succeeded", () -> "succeeded".equals(status(id)));
        try (Connection c = db.connect(); var s = c.prepareStatement(
                "SELECT string_agg(seq || ':' || kind, ',' ORDER BY seq) FROM run_events WHERE run_id = ?")) {
            s.setLong(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1:queued,2:started,3:log,4:output,5:tool_call,6:finished");
            }
        }
    }
}
