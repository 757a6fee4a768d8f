package com.alai.cloud.services.runner.testing;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.runner.agent.DefinitionSource;
import com.alai.cloud.services.runner.model.NewRun;
import com.alai.cloud.services.runner.queue.Backoff;
import com.alai.cloud.services.runner.queue.RunQueue;
import com.alai.cloud.services.runner.queue.RunStore;
import com.alai.cloud.services.runner.queue.Signals;
import com.alai.cloud.services.runner.runtime.AgentRuntime;
import com.alai.cloud.services.runner.worker.Worker;
import com.alai.cloud.services.runner.worker.WorkerSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Workers and runs for a test, on its database, with short leases and a fast backoff; closed after the test. */
public final class Workers implements AutoCloseable {
    private static final AtomicLong KEYS = new AtomicLong();
    private final TestDatabase db;
    private final DefinitionSource agents;
    private final Path work;
    private final List<AutoCloseable> open = new ArrayList<>();
    public final RunStore store;
    public final RunQueue queue;

    public Workers(TestDatabase db, DefinitionSource agents, Path work) {
        this.db = db;
        this.agents = agents;
        this.work = work;
        this.store = new RunStore(db.dataSource());
        this.queue = new RunQueue(db.dataSource(), new Backoff(Duration.ofMillis(20), Duration.ofMillis(200)));
    }

    public Worker start(String name, int slots, Map<String, AgentRuntime> runtimes) {
        Signals signals = db.signals(name);
        open.add(signals);
        return start(name, slots, runtimes, signals);
    }

    public Worker start(String name, int slots, Map<String, AgentRuntime> runtimes, Signals signals) {
        var settings = new WorkerSettings(name, slots, Duration.ofMillis(500), Duration.ofMillis(200),
                Duration.ofMillis(1_500), work.resolve("work-" + name), Duration.ZERO);
        Worker w = new Worker(settings, queue, agents, runtimes, signals, new JsonLog("test-" + name)).start();
        open.add(w);
        return w;
    }

    public long submit(String agent, String input, int timeoutSeconds, BigDecimal maxCost) throws SQLException {
        String key = "k-" + KEYS.incrementAndGet();
        int priority = agents.find(agent).map(a -> a.priority()).orElse(0);
        return store.submit(new NewRun(agent, input, null, null, timeoutSeconds, maxCost, "alice", key, "hash-" + key,
                priority, 3)).run().id();
    }

    public String status(long id) throws SQLException {
        return db.text("SELECT status FROM runs WHERE id = ?", id);
    }

    public long events(long id, String kind) throws SQLException {
        return db.number("SELECT count(*) FROM run_events WHERE run_id = ? AND kind = ?", id, kind);
    }

    public void awaitStatus(long id, String status) throws Exception {
        TestDatabase.await("run " + id + " " + status, () -> status.equals(status(id)));
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : open.reversed()) {
            c.close();
        }
    }
}
