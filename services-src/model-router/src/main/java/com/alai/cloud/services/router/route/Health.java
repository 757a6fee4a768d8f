package com.alai.cloud.services.router.route;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One replica's view of its backends: a circuit per backend and the models each Ollama last listed. A failure on
 * the request path opens the circuit for at least the cooldown; a failed probe opens it until a probe succeeds.
 * An Ollama backend's circuit is closed only by a successful probe once the cooldown is over, so no request pays
 * for finding it still down; a hosted backend (not probed) gets one trial request after the cooldown.
 */
public final class Health {
    private record State(boolean open, Instant openUntil, String reason, List<String> models) {
    }

    private final Clock clock;
    private final Duration cooldown;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    public Health(Clock clock, Duration cooldown) {
        this.clock = clock;
        this.cooldown = cooldown;
    }

    /** Whether a request may go to {@code backend}: its circuit is closed, or its cooldown is over. */
    public boolean allows(Backend backend) {
        State s = states.get(backend.name());
        return s == null || !s.open()
                || backend.kind() == Backend.Kind.OPENAI && !clock.instant().isBefore(s.openUntil());
    }

    public boolean open(Backend backend) {
        State s = states.get(backend.name());
        return s != null && s.open();
    }

    public void failed(Backend backend, String reason) {
        states.compute(backend.name(), (k, s) -> new State(true, clock.instant().plus(cooldown), reason,
                s == null ? null : s.models()));
    }

    /** A probe failed: open until a probe succeeds, keeping a running cooldown. */
    public void probeFailed(Backend backend, String reason) {
        states.compute(backend.name(), (k, s) -> new State(true,
                s != null && s.open() && s.openUntil().isAfter(clock.instant()) ? s.openUntil() : clock.instant(),
                reason, s == null ? null : s.models()));
    }

    public void succeeded(Backend backend) {
        states.compute(backend.name(), (k, s) -> new State(false, Instant.EPOCH, null, s == null ? null : s.models()));
    }

    /** A probe answered with these models: the circuit closes, unless a failure's cooldown still runs. */
    public void probed(Backend backend, List<String> models) {
        states.compute(backend.name(), (k, s) -> s != null && s.open() && clock.instant().isBefore(s.openUntil())
                ? new State(true, s.openUntil(), s.reason(), List.copyOf(models))
                : new State(false, Instant.EPOCH, null, List.copyOf(models)));
    }

    /** The models an Ollama backend last listed; empty when it has not been probed yet. */
    public Optional<List<String>> models(Backend backend) {
        State s = states.get(backend.name());
        return Optional.ofNullable(s == null ? null : s.models());
    }

    /** Whether {@code backend} may serve {@code model}: a hosted one maps it, an Ollama lists it (or was not asked yet). */
    public boolean mayServe(Backend backend, String model) {
        if (backend.kind() == Backend.Kind.OPENAI) {
            return backend.models().containsKey(model);
        }
        return models(backend).map(list -> list.contains(model) || list.contains(model + ":latest")).orElse(true);
    }

    /** Seconds until the first open circuit's cooldown ends (at least 1): what a 503's Retry-After says. */
    public long retryAfterSeconds() {
        Instant now = clock.instant();
        long best = Long.MAX_VALUE;
        for (State s : states.values()) {
            if (s.open()) {
                long millis = Math.max(0, Duration.between(now, s.openUntil()).toMillis());
                best = Math.min(best, Math.max(1, (millis + 999) / 1000));
            }
        }
        return best == Long.MAX_VALUE ? Math.max(1, cooldown.toSeconds()) : best;
    }

    /** For /readyz-style reports and logs: each backend's circuit, "closed" or "open: REASON". */
    public String describe(Backend backend) {
        State s = states.get(backend.name());
        return s == null || !s.open() ? "closed" : "open: " + s.reason();
    }
}
