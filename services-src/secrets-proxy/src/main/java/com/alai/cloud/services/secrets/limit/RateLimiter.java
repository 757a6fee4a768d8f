package com.alai.cloud.services.secrets.limit;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per caller, a token bucket of {@code perMinute} reads refilled continuously: a caller may burst its minute's worth,
 * then gets one more every {@code 60/perMinute} seconds. Buckets of idle callers are dropped when full again.
 */
public final class RateLimiter {
    private record Bucket(double tokens, long atNanos) {
    }

    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** @return 0 when admitted, else the whole seconds until the caller's next token */
    public int acquire(String caller) {
        long now = clock.instant().toEpochMilli() * 1_000_000L;
        double perNano = perMinute / 60e9;
        int[] wait = {0};
        buckets.compute(caller, (key, bucket) -> {
            double tokens = bucket == null ? perMinute : Math.min(perMinute, bucket.tokens() + (now - bucket.atNanos()) * perNano);
            if (tokens >= 1) {
                return new Bucket(tokens - 1, now);
            }
            wait[0] = (int) Math.ceil((1 - tokens) / perNano / 1e9);
            return new Bucket(tokens, now);
        });
        if (buckets.size() > 10_000) {
            buckets.entrySet().removeIf(e -> e.getValue().tokens() + (now - e.getValue().atNanos()) * perNano >= perMinute);
        }
        return Math.max(wait[0], 0);
    }
}
