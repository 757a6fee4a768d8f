package com.alai.cloud.services.secrets;

import com.alai.cloud.services.bitwarden.client.Credentials;
import com.alai.cloud.services.bitwarden.client.Endpoints;
import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.secrets.rules.AccessRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Every service's settings plus the proxy's, from the environment; each error names its variable (exit 2).
 * Secrets ({@code BITWARDEN_MASTER_PASSWORD}, {@code BITWARDEN_CLIENT_SECRET}, {@code SECRETS_AUDIT_HMAC_KEY}) come
 * from Container Apps secret references and are never printed, not even by {@link #toString()}.
 */
public record SecretsConfig(ServiceConfig service, Endpoints bitwarden, Credentials credentials, Optional<Path> caFile,
                            AccessRules rules, Duration cacheTtl, boolean serveCachedWhenDown, int ratePerMinute,
                            byte[] auditKey) {

    public static SecretsConfig from(Env env) {
        ServiceConfig service = ServiceConfig.from(env);
        Endpoints endpoints;
        try {
            endpoints = Endpoints.of(env.url("BITWARDEN_URL", "https://"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("BITWARDEN_URL", e.getMessage());
        }
        String email = env.required("BITWARDEN_EMAIL");
        String clientId = env.optional("BITWARDEN_CLIENT_ID").orElse(null);
        String clientSecret = env.optional("BITWARDEN_CLIENT_SECRET").orElse(null);
        if ((clientId == null) != (clientSecret == null)) {
            throw new ConfigError(clientId == null ? "BITWARDEN_CLIENT_ID" : "BITWARDEN_CLIENT_SECRET",
                    "is required with the other half of the API key (or set neither)");
        }
        String device = env.optional("BITWARDEN_DEVICE_ID")
                .orElse(UUID.nameUUIDFromBytes(("alai-secrets-proxy:" + email).getBytes(StandardCharsets.UTF_8)).toString());
        var credentials = new Credentials(email, env.required("BITWARDEN_MASTER_PASSWORD"), clientId, clientSecret, device);
        Optional<Path> ca = env.optional("BITWARDEN_CA_FILE").map(Path::of);
        ca.filter(p -> !Files.isReadable(p)).ifPresent(p -> {
            throw new ConfigError("BITWARDEN_CA_FILE", p + " is not a readable file");
        });
        AccessRules rules;
        try {
            rules = AccessRules.parse(env.required("SECRETS_RULES"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("SECRETS_RULES", e.getMessage());
        }
        return new SecretsConfig(service, endpoints, credentials, ca, rules,
                Duration.ofSeconds(env.integer("SECRETS_CACHE_TTL_SECONDS", 300, 10, 86_400)),
                bool(env, "SECRETS_SERVE_CACHED_WHEN_DOWN"),
                env.integer("SECRETS_RATE_PER_MINUTE", 60, 1, 6_000),
                auditKey(env));
    }

    private static boolean bool(Env env, String name) {
        return switch (env.optional(name).orElse("false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigError(name, "must be true or false");
        };
    }

    private static byte[] auditKey(Env env) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(env.required("SECRETS_AUDIT_HMAC_KEY"));
        } catch (IllegalArgumentException e) {
            throw new ConfigError("SECRETS_AUDIT_HMAC_KEY", "is not base64 (openssl rand -base64 32)");
        }
        if (key.length < 32) {
            throw new ConfigError("SECRETS_AUDIT_HMAC_KEY", "must be at least 32 bytes (openssl rand -base64 32)");
        }
        return key;
    }

    @Override
    public String toString() {
        return "SecretsConfig[" + service + ", bitwarden=" + bitwarden.api() + ", " + credentials + ", roles=" + rules.roles()
                + ", cacheTtl=" + cacheTtl + ", serveCachedWhenDown=" + serveCachedWhenDown + ", ratePerMinute=" + ratePerMinute + "]";
    }
}
