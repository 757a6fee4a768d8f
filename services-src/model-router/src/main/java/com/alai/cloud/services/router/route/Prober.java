package com.alai.cloud.services.router.route;

import com.alai.cloud.services.common.log.JsonLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The replica's one prober: asks each Ollama backend for {@code GET /api/tags} (cheap: no model loads), one at a
 * time, so a replica never sends a burst. A healthy backend is asked again after 80-100 % of the interval (the
 * jitter keeps replicas from probing in step); a failing one sooner, doubling from an eighth of the interval up to
 * the interval itself, so a backend that comes back is seen within one interval. Hosted backends are not probed:
 * their circuit closes on the first request after the cooldown.
 */
public final class Prober implements AutoCloseable {
    private final List<Backend> backends;
    private final Health health;
    private final Function<Backend, HttpClient> clients;
    private final Duration interval;
    private final Duration timeout;
    private final ObjectMapper json;
    private final JsonLog log;
    private final Map<String, Integer> failures = new HashMap<>();
    private final Map<String, Long> due = new HashMap<>();
    private volatile Thread thread;

    public Prober(RouteTable table, Health health, Function<Backend, HttpClient> clients, Duration interval,
                  Duration timeout, ObjectMapper json, JsonLog log) {
        this.backends = table.backends().stream().filter(b -> b.kind() == Backend.Kind.OLLAMA).toList();
        this.health = health;
        this.clients = clients;
        this.interval = interval;
        this.timeout = timeout;
        this.json = json;
        this.log = log;
    }

    public Prober start() {
        thread = Thread.ofVirtual().name("model-router-prober").start(this::run);
        return this;
    }

    @Override
    public void close() {
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    private void run() {
        backends.forEach(b -> due.put(b.name(), 0L));
        while (!Thread.currentThread().isInterrupted() && !backends.isEmpty()) {
            Backend next = backends.stream().min((a, b) -> Long.compare(due.get(a.name()), due.get(b.name()))).orElseThrow();
            long wait = due.get(next.name()) - System.nanoTime() / 1_000_000;
            try {
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException stop) {
                return;
            }
            due.put(next.name(), System.nanoTime() / 1_000_000 + probe(next));
        }
    }

    /** Probes once; returns the milliseconds until this backend's next probe. */
    long probe(Backend backend) {
        try {
            var request = HttpRequest.newBuilder(backend.resolve("/api/tags")).timeout(timeout).GET().build();
            HttpResponse<byte[]> response = clients.apply(backend).send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new java.io.IOException("status " + response.statusCode());
            }
            var models = new ArrayList<String>();
            for (JsonNode m : json.readTree(response.body()).path("models")) {
                models.add(m.path("name").asText());
            }
            boolean wasOpen = health.open(backend);
            health.probed(backend, models);
            if (wasOpen && !health.open(backend)) {
                log.info("backend back", Map.of("backend", backend.name()));
            }
            failures.put(backend.name(), 0);
            return jitter(interval.toMillis());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            int n = failures.merge(backend.name(), 1, Integer::sum);
            if (!health.open(backend)) {
                log.warn("backend down", Map.of("backend", backend.name(), "error", e.getClass().getSimpleName()));
            }
            health.probeFailed(backend, "probe failed: " + e.getClass().getSimpleName());
            long first = Math.max(50, interval.toMillis() / 8);
            return jitter(Math.min(interval.toMillis(), first << Math.min(n - 1, 20)));
        }
    }

    private static long jitter(long millis) {
        return (long) (millis * ThreadLocalRandom.current().nextDouble(0.8, 1.0));
    }
}
