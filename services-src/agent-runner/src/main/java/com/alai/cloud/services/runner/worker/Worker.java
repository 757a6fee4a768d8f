package com.alai.cloud.services.runner.worker;

import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.runner.agent.AgentDefinition;
import com.alai.cloud.services.runner.agent.DefinitionSource;
import com.alai.cloud.services.runner.queue.Claim;
import com.alai.cloud.services.runner.queue.Outcome;
import com.alai.cloud.services.runner.queue.RunQueue;
import com.alai.cloud.services.runner.queue.Signals;
import com.alai.cloud.services.runner.runtime.AgentRuntime;
import com.alai.cloud.services.runner.runtime.RunFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Takes runs off the queue and runs them, up to its slots at once. It wakes on {@link Signals#QUEUED} and polls
 * anyway; a tick (every 250 ms) flushes output, stops runs whose cancellation was asked for or whose deadline passed,
 * heartbeats, and sweeps for runs of dead workers.
 */
public final class Worker implements AutoCloseable {
    private static final long TICK_MS = 250;
    private final WorkerSettings settings;
    private final RunQueue queue;
    private final DefinitionSource definitions;
    private final Map<String, AgentRuntime> runtimes;
    private final Signals signals;
    private final JsonLog log;
    private final Semaphore slots;
    private final LinkedBlockingQueue<Boolean> bell = new LinkedBlockingQueue<>(1);
    private final Map<Long, Execution> active = new ConcurrentHashMap<>();
    private final Thread loop;
    private final Thread ticker;
    private final java.util.function.Consumer<String> onQueued = this::ring;
    private final java.util.function.Consumer<String> onCancel = this::cancelled;
    private volatile boolean running = true;
    private long lastBeat;
    private long lastSweep;

    public Worker(WorkerSettings settings, RunQueue queue, DefinitionSource definitions,
                  Map<String, AgentRuntime> runtimes, Signals signals, JsonLog log) {
        this.settings = settings;
        this.queue = queue;
        this.definitions = definitions;
        this.runtimes = Map.copyOf(runtimes);
        this.signals = signals;
        this.log = log;
        this.slots = new Semaphore(settings.slots());
        this.loop = Thread.ofPlatform().daemon().name("worker-" + settings.name()).unstarted(this::claimLoop);
        this.ticker = Thread.ofPlatform().daemon().name("worker-tick-" + settings.name()).unstarted(this::tickLoop);
    }

    public Worker start() {
        signals.on(Signals.QUEUED, onQueued);
        signals.on(Signals.CANCEL, onCancel);
        loop.start();
        ticker.start();
        return this;
    }

    public String name() {
        return settings.name();
    }

    /** The runs this worker is executing now. */
    public List<Long> activeRuns() {
        return List.copyOf(active.keySet());
    }

    private void ring(String ignored) {
        bell.offer(Boolean.TRUE);
    }

    private void cancelled(String runId) {
        try {
            Execution e = active.get(Long.parseLong(runId));
            if (e != null) {
                e.stop(StopReason.CANCELLED);
            }
        } catch (NumberFormatException ignored) {
            // Not a run id: the channel carries nothing else.
        }
    }

    private Map<String, Integer> limits() {
        return definitions.all().stream()
                .collect(Collectors.toMap(AgentDefinition::name, d -> d.limits().concurrency()));
    }

    private void claimLoop() {
        while (running) {
            try {
                slots.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Optional<Claim> claim = Optional.empty();
            try {
                claim = running ? queue.claim(settings.name(), limits(), 1) : Optional.empty();
            } catch (SQLException | RuntimeException e) {
                log.warn("claim failed; retrying after the poll interval", Map.of("error", e.getClass().getName(),
                        "sqlState", e instanceof SQLException sql ? String.valueOf(sql.getSQLState()) : "-"));
            }
            if (claim.isPresent()) {
                Claim taken = claim.get();
                Execution execution = new Execution(taken, queue, settings.workRoot()
                        .resolve("run-" + taken.runId() + "-" + taken.attempt()), log);
                active.put(taken.runId(), execution);
                Thread.ofVirtual().name("run-" + taken.runId()).start(() -> execute(execution));
                continue;
            }
            slots.release();
            try {
                bell.poll(settings.poll().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void execute(Execution execution) {
        Claim claim = execution.claim();
        try {
            Outcome outcome = attempt(execution);
            execution.flush();
            // Gone before the run is seen to end: nothing the agent wrote outlives its run.
            delete(execution.workDir());
            outcome = switch (execution.stopReason()) {
                case null -> outcome;
                case CANCELLED -> new Outcome.Cancelled("cancelled by request");
                case TIMED_OUT -> new Outcome.Failed("exceeded its timeout of " + claim.timeoutSeconds() + " s",
                        false, null);
                case WORKER_STOPPING -> new Outcome.Failed("its worker stopped", true, null);
                case LEASE_LOST -> null;
            };
            if (outcome != null) {
                queue.finish(claim, outcome).ifPresentOrElse(
                        status -> log.info("run ended", Map.of("run", claim.runId(), "status", status.wire(),
                                "attempt", claim.attempt())),
                        () -> log.warn("run lost its lease before it ended", Map.of("run", claim.runId())));
            }
        } catch (SQLException | RuntimeException e) {
            // The lease runs out and a rescuer decides: re-run if nothing was bought, fail if it may have been.
            log.error("run outcome not recorded", Map.of("run", claim.runId(), "error", e.getClass().getName()));
        } finally {
            delete(execution.workDir());
            active.remove(claim.runId());
            slots.release();
            ring("");
        }
    }

    private Outcome attempt(Execution execution) {
        Claim claim = execution.claim();
        Optional<AgentDefinition> agent = definitions.find(claim.agent());
        if (agent.isEmpty()) {
            return new Outcome.Failed("agent " + claim.agent() + " is not defined any more", false, null);
        }
        AgentRuntime runtime = runtimes.get(agent.get().runtime());
        if (runtime == null) {
            return new Outcome.Failed("this worker has no " + agent.get().runtime() + " runtime", false, null);
        }
        try {
            Files.createDirectories(execution.workDir());
            return new Outcome.Succeeded(runtime.run(agent.get(), execution));
        } catch (RunFailure f) {
            return new Outcome.Failed(f.getMessage(), f.retryable(), f.retryAfter());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome.Failed("interrupted", false, null);
        } catch (Exception e) {
            return new Outcome.Failed(e.getClass().getSimpleName() + ": " + e.getMessage(), false, null);
        }
    }

    private void tickLoop() {
        while (running) {
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
            try {
                tick(System.currentTimeMillis());
            } catch (SQLException | RuntimeException e) {
                log.warn("worker tick failed", Map.of("error", e.getClass().getName()));
            }
        }
    }

    private void tick(long now) throws SQLException {
        List<Long> ids = new ArrayList<>(active.keySet());
        for (Execution e : active.values()) {
            e.flush();
            if (Instant.now().isAfter(e.claim().deadline())) {
                e.stop(StopReason.TIMED_OUT);
            }
        }
        for (long id : queue.cancelRequested(ids)) {
            Execution e = active.get(id);
            if (e != null) {
                e.stop(StopReason.CANCELLED);
            }
        }
        if (now - lastBeat >= settings.heartbeat().toMillis()) {
            lastBeat = now;
            List<Long> held = queue.heartbeat(settings.name(), ids);
            for (long id : ids) {
                Execution e = active.get(id);
                if (!held.contains(id) && e != null) {
                    e.stop(StopReason.LEASE_LOST);
                }
            }
        }
        if (now - lastSweep >= settings.lease().toMillis() / 2) {
            lastSweep = now;
            int rescued = queue.rescue(settings.lease());
            if (rescued > 0) {
                log.warn("rescued runs of a worker that stopped heartbeating", Map.of("runs", rescued));
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover directory holds no secret (the runtimes keep none there); the next deploy clears it.
        }
    }

    /** Stops claiming, lets running runs finish for the drain time, then stops the rest (they are re-queued if unpaid). */
    @Override
    public void close() {
        running = false;
        signals.off(Signals.QUEUED, onQueued);
        signals.off(Signals.CANCEL, onCancel);
        loop.interrupt();
        long until = System.currentTimeMillis() + settings.drain().toMillis();
        while (!active.isEmpty() && System.currentTimeMillis() < until) {
            sleep(50);
        }
        active.values().forEach(e -> e.stop(StopReason.WORKER_STOPPING));
        long hard = System.currentTimeMillis() + 5_000;
        while (!active.isEmpty() && System.currentTimeMillis() < hard) {
            sleep(50);
        }
        ticker.interrupt();
        try {
            loop.join(2_000);
            ticker.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
