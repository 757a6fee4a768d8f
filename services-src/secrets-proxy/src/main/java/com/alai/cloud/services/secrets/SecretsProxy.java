package com.alai.cloud.services.secrets;

import com.alai.cloud.services.bitwarden.client.BitwardenClient;
import com.alai.cloud.services.common.app.Launcher;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.auth.Access;
import com.alai.cloud.services.common.auth.Principal;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.secrets.audit.AuditLog;
import com.alai.cloud.services.secrets.audit.AuditLog.Decision;
import com.alai.cloud.services.secrets.limit.RateLimiter;
import com.alai.cloud.services.secrets.vault.VaultCache;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Phase 6's secrets proxy: callers with a valid token (agents' workload identities, people through {@code alai})
 * read the Bitwarden fields their roles allow — {@code GET /v1/secrets/{item}/{field}}, {@code Cache-Control:
 * no-store} — and every read or refusal is audited first. Values are never logged, traced or put in an error.
 */
public final class SecretsProxy {
    /** The app role that may force a sync ({@code POST /v1/sync}). */
    public static final String SYNC_ROLE = "secrets.sync";
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store", "Pragma", "no-cache");

    public record Secret(String item, String field, String value) {
        @Override
        public String toString() {
            return "Secret[" + item + "#" + field + "]";
        }
    }

    public record Synced(int items) {
    }

    private SecretsProxy() {
    }

    public static Service start(SecretsConfig config) {
        return start(config, Clock.systemUTC());
    }

    public static Service start(SecretsConfig config, Clock clock) {
        var service = Service.builder("secrets-proxy", config.service(), "classpath:db/migration/secrets");
        var audit = new AuditLog(service.dataSource(), config.auditKey());
        var client = new BitwardenClient(config.bitwarden(), config.credentials(),
                HttpClient.newBuilder().sslContext(TrustedCa.context(config.caFile())).connectTimeout(Duration.ofSeconds(5)).build(), clock);
        var vault = new VaultCache(client::sync, config.cacheTtl(), config.serveCachedWhenDown(), Duration.ofSeconds(10), clock);
        var limiter = new RateLimiter(config.ratePerMinute(), clock);
        return service.openApi(SecretsProxy.class, "/secrets-proxy/openapi.json")
                .routes(() -> new Routes()
                        .get("/v1/secrets/{item}/{field}", Access.AUTHENTICATED,
                                r -> Response.json(200, read(r, config, audit, vault, limiter), NO_STORE))
                        .post("/v1/sync", Access.role(SYNC_ROLE), r -> {
                            limit(limiter, r.requirePrincipal());
                            return Response.json(200, new Synced(available(vault::sync)));
                        }))
                .start();
    }

    static Secret read(Request r, SecretsConfig config, AuditLog audit, VaultCache vault, RateLimiter limiter) throws SQLException {
        Principal caller = r.requirePrincipal();
        limit(limiter, caller);
        String item = r.pathParam("item");
        String field = r.pathParam("field");
        Set<String> roles = caller.roles();
        if (!config.rules().allows(roles, item, field)) {
            audit.record(caller.subject(), roles, item, field, Decision.denied, "no rule for the caller's roles");
            throw ApiException.forbidden("none of your roles may read this field of this item");
        }
        var found = available(() -> vault.item(item)).flatMap(i -> i.field(field));
        if (found.isEmpty()) {
            audit.record(caller.subject(), roles, item, field, Decision.denied, "not in the vault");
            throw ApiException.notFound("the vault has no such item with that field");
        }
        audit.record(caller.subject(), roles, item, field, Decision.allowed, "rule");
        return new Secret(item, field, found.get());
    }

    private static void limit(RateLimiter limiter, Principal caller) {
        int wait = limiter.acquire(caller.subject());
        if (wait > 0) {
            throw ApiException.tooManyRequests("too many reads from this caller; retry in " + wait + " s", wait);
        }
    }

    private static <T> T available(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (VaultCache.Unavailable e) {
            throw ApiException.unavailable(e.getMessage()).retryAfter(e.retryAfterSeconds());
        }
    }

    public static void main(String[] args) {
        Launcher.run("secrets-proxy", SecretsConfig::from, SecretsProxy::start);
    }
}
