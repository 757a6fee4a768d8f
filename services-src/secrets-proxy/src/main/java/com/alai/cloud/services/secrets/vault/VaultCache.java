package com.alai.cloud.services.secrets.vault;

import com.alai.cloud.services.bitwarden.client.BitwardenException;
import com.alai.cloud.services.bitwarden.client.VaultItem;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The decrypted vault, held in memory for {@code ttl}. A read in the second half of the TTL syncs first; if Bitwarden
 * is then unavailable, the cached values are served until the TTL ends only when {@code serveCachedWhenDown} says
 * so — otherwise the cache is dropped and reads answer "unavailable" (fail closed: a secret revoked in Bitwarden is
 * not handed out on a copy we cannot confirm). After a failed sync, Bitwarden is not asked again for
 * {@code retryAfter}. One sync at a time; readers of a fresh vault never wait for it.
 */
public final class VaultCache {
    private record Snapshot(Map<String, VaultItem> items, Instant syncedAt) {
    }

    /** Why a value cannot be had now, and when to ask again; never names a value. */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int retryAfterSeconds;

        Unavailable(String message, int retryAfterSeconds) {
            super(message);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    private final Supplier<List<VaultItem>> source;
    private final Duration ttl;
    private final boolean serveCachedWhenDown;
    private final Duration retryAfter;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private volatile Instant downUntil = Instant.EPOCH;
    private volatile String downReason = "";

    public VaultCache(Supplier<List<VaultItem>> source, Duration ttl, boolean serveCachedWhenDown, Duration retryAfter, Clock clock) {
        this.source = source;
        this.ttl = ttl;
        this.serveCachedWhenDown = serveCachedWhenDown;
        this.retryAfter = retryAfter;
        this.clock = clock;
    }

    /** The item by its exact name, from a vault no older than the TTL. @throws Unavailable */
    public Optional<VaultItem> item(String name) {
        return Optional.ofNullable(current().items().get(name));
    }

    /** Syncs now, whatever the cache's age (POST /v1/sync). @return the number of items. @throws Unavailable */
    public synchronized int sync() {
        downUntil = Instant.EPOCH;
        return refresh(snapshot).items().size();
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        Instant now = clock.instant();
        if (held != null && now.isBefore(held.syncedAt().plus(ttl.dividedBy(2)))) {
            return held;
        }
        synchronized (this) {
            held = snapshot;
            if (held != null && now.isBefore(held.syncedAt().plus(ttl.dividedBy(2)))) {
                return held;
            }
            return refresh(held);
        }
    }

    private Snapshot refresh(Snapshot held) {
        Instant now = clock.instant();
        if (now.isBefore(downUntil)) {
            return fallback(held, now, downReason);
        }
        try {
            var items = source.get().stream().collect(Collectors.toUnmodifiableMap(VaultItem::name, Function.identity(), (a, b) -> a));
            snapshot = new Snapshot(items, now);
            return snapshot;
        } catch (BitwardenException e) {
            downUntil = now.plus(retryAfter);
            downReason = e instanceof BitwardenException.Refused ? "Bitwarden refused the proxy's login" : "Bitwarden is unavailable";
            return fallback(held, now, downReason);
        }
    }

    private Snapshot fallback(Snapshot held, Instant now, String reason) {
        if (serveCachedWhenDown && held != null && now.isBefore(held.syncedAt().plus(ttl))) {
            return held;
        }
        snapshot = null;
        long wait = Math.max(1, Duration.between(now, downUntil).toSeconds());
        throw new Unavailable(reason + "; retry in " + wait + " s", (int) wait);
    }
}
