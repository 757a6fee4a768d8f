package com.alai.cloud.services.runner.queue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for a retry: base · 2^(attempt-1), capped, then a random half of it added on top of
 * the other half (so retries of many runs failed together spread out), and never sooner than a server's Retry-After.
 */
public record Backoff(Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    public Duration delay(int attempt, Duration retryAfter) {
        long exp = base.toMillis() << Math.min(Math.max(attempt - 1, 0), 20);
        long ceiling = Math.min(exp, cap.toMillis());
        long half = ceiling / 2;
        long jittered = half + ThreadLocalRandom.current().nextLong(half + 1);
        return Duration.ofMillis(Math.max(jittered, retryAfter == null ? 0 : retryAfter.toMillis()));
    }
}
