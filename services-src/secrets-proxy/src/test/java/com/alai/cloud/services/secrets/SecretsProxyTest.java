package com.alai.cloud.services.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.bitwarden.crypto.Kdf;
import com.alai.cloud.services.bitwarden.fixture.BitwardenFixture;
import com.alai.cloud.services.bitwarden.fixture.FixtureAccount;
import com.alai.cloud.services.bitwarden.fixture.FixtureItem;
import com.alai.cloud.services.bitwarden.fixture.FixtureTls;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.testing.LogCapture;
import com.alai.cloud.services.common.testing.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The proxy against the Bitwarden contract fixture, embedded PostgreSQL and mock-oauth2-server. */
class SecretsProxyTest {
    static final String AUDIENCE = "api://secrets-proxy";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String RULES = """
            {"agent.runner": {"github-token": ["password", "api-key"], "postgres-admin": ["username"]},
             "ops.people": {"postgres-admin": ["password"], "ghost-item": ["password"]},
             "secrets.sync": {"github-token": ["username"]}}""";
    static final List<String> generated = new ArrayList<>();

    static final class StepClock extends Clock {
        volatile Instant now = Instant.now();

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }
    }

    static LogCapture logs;
    static EmbeddedPostgres postgres;
    static MockOAuth2Server issuer;
    static BitwardenFixture bitwarden;
    static Path ca;
    static byte[] auditKey = new byte[32];
    static final StepClock clock = new StepClock();
    static final StepClock lenientClock = new StepClock();
    static Service strict;
    static Service lenient;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.start();
        postgres = EmbeddedPostgres.start();
        issuer = new MockOAuth2Server();
        issuer.start();
        var account = new FixtureAccount("secrets-proxy@alai.test", Kdf.pbkdf2(5_000));
        bitwarden = BitwardenFixture.start(account, FixtureTls.generate(), 0, Clock.systemUTC(), 3600)
                .add(FixtureItem.login("github-token", "alai-bot", secret("ghp")).withField("api-key", secret("key")).withItemKey())
                .add(FixtureItem.login("postgres-admin", "alai_admin", secret("pg")));
        generated.add(account.masterPassword());
        generated.add(account.clientSecret());
        ca = bitwarden.tls().writePem(Files.createTempFile("fixture-ca", ".pem"));
        new SecureRandom().nextBytes(auditKey);
        strict = SecretsProxy.start(SecretsConfig.from(new Env(env(Map.of()))), clock);
        lenient = SecretsProxy.start(SecretsConfig.from(new Env(env(Map.of("SECRETS_SERVE_CACHED_WHEN_DOWN", "true")))), lenientClock);
    }

    @AfterAll
    static void stop() throws Exception {
        strict.close();
        lenient.close();
        bitwarden.close();
        issuer.shutdown();
        postgres.close();
        Files.deleteIfExists(ca);
        assertThat(generated).allSatisfy(value -> assertThat(logs.text()).doesNotContain(value));
        logs.close();
    }

    static String secret(String prefix) {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        String value = prefix + "-" + HexFormat.of().formatHex(b);
        generated.add(value);
        return value;
    }

    static Map<String, String> env(Map<String, String> extra) {
        var account = bitwarden.account();
        var env = new HashMap<>(Map.of("PORT", "0",
                "DATABASE_URL", "postgres://postgres:@localhost:" + postgres.getPort() + "/postgres",
                "OIDC_ISSUER", issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", AUDIENCE,
                "BITWARDEN_URL", bitwarden.url(), "BITWARDEN_CA_FILE", ca.toString(),
                "BITWARDEN_EMAIL", account.email(), "BITWARDEN_MASTER_PASSWORD", account.masterPassword(),
                "SECRETS_RULES", RULES, "SECRETS_AUDIT_HMAC_KEY", Base64.getEncoder().encodeToString(auditKey)));
        env.put("BITWARDEN_CLIENT_ID", account.clientId());
        env.put("BITWARDEN_CLIENT_SECRET", account.clientSecret());
        env.put("SECRETS_CACHE_TTL_SECONDS", "300");
        env.put("SECRETS_RATE_PER_MINUTE", "6");
        env.putAll(extra);
        return env;
    }

    static String token(String subject, String... roles) {
        return issuer.issueToken("default", subject, AUDIENCE, Map.of("roles", List.of(roles)), 600).serialize();
    }

    static HttpResponse<String> get(Service api, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(Service api, String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    static List<Map<String, Object>> audit(String caller) throws Exception {
        try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.prepareStatement(
                "SELECT item_hmac, field, decision, reason, array_to_string(roles, ',') AS roles FROM secret_access WHERE caller = ? ORDER BY id")) {
            s.setString(1, caller);
            var rows = new ArrayList<Map<String, Object>>();
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(Map.of("item", rs.getString(1), "field", rs.getString(2), "decision", rs.getString(3),
                            "reason", rs.getString(4), "roles", rs.getString(5)));
                }
            }
            return rows;
        }
    }

    static String hmac(String item) {
        return new com.alai.cloud.services.secrets.audit.AuditLog(null, auditKey).hmac(item);
    }

    static String valueOf(String item, String field) {
        var fixtureItem = bitwarden.items().stream().filter(i -> i.name().equals(item)).findFirst().orElseThrow();
        return field.equals("password") ? fixtureItem.password() : field.equals("username") ? fixtureItem.username()
                : fixtureItem.fields().get(field);
    }

    @Test
    void aRoleReadsTheFieldsItsRulesNameWithNoStoreAndEachReadIsAudited() throws Exception {
        var response = get(strict, "/v1/secrets/github-token/api-key", token("agent-1", "agent.runner"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(json(response).path("value").asText()).isEqualTo(valueOf("github-token", "api-key"));
        assertThat(audit("agent-1")).containsExactly(Map.of("item", hmac("github-token"), "field", "api-key",
                "decision", "allowed", "reason", "rule", "roles", "agent.runner"));
    }

    @Test
    void aFieldTheRulesDoNotNameIs403AndTheRefusalIsAuditedWithTheItemHashed() throws Exception {
        var response = get(strict, "/v1/secrets/postgres-admin/password", token("agent-2", "agent.runner"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain(valueOf("postgres-admin", "password"));
        var rows = audit("agent-2");
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("decision", "denied").containsEntry("item", hmac("postgres-admin"));
            assertThat(row.get("item").toString()).startsWith("hmac-sha256:").doesNotContain("postgres");
        });
    }

    @Test
    void theSameFieldIsReadableByTheRoleWhoseRuleNamesIt() throws Exception {
        var response = get(strict, "/v1/secrets/postgres-admin/password", token("person-1", "ops.people"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("value").asText()).isEqualTo(valueOf("postgres-admin", "password"));
    }

    @Test
    void aTokenWithoutRolesOrWithAnUnknownRoleIsDenied() throws Exception {
        assertThat(get(strict, "/v1/secrets/github-token/password", token("nobody")).statusCode()).isEqualTo(403);
        assertThat(get(strict, "/v1/secrets/github-token/password", token("stranger", "Agent.Runner")).statusCode()).isEqualTo(403);
        assertThat(audit("nobody")).extracting(row -> row.get("decision")).containsExactly("denied");
    }

    @Test
    void anAllowedItemTheVaultDoesNotHoldIs404() throws Exception {
        var response = get(strict, "/v1/secrets/ghost-item/password", token("person-2", "ops.people"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(audit("person-2")).extracting(row -> row.get("reason")).containsExactly("not in the vault");
    }

    @Test
    void aForgedTokenIs401() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("forged").generate();
        var claims = new JWTClaimsSet.Builder().issuer(issuer.issuerUrl("default").toString()).subject("mallory")
                .audience(AUDIENCE).claim("roles", List.of("agent.runner", "ops.people"))
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));

        var response = get(strict, "/v1/secrets/github-token/password", jwt.serialize());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).doesNotContain(valueOf("github-token", "password"));
    }

    @Test
    void aTokenWhoseRolesWereEditedIs401() throws Exception {
        String[] parts = token("agent-3").split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"roles\":[]", "\"roles\":[\"ops.people\"]");
        String edited = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        assertThat(get(strict, "/v1/secrets/postgres-admin/password", edited).statusCode()).isEqualTo(401);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        String expired = issuer.issueToken("default", "agent-4", AUDIENCE, Map.of("roles", List.of("agent.runner")), -120).serialize();
        assertThat(get(strict, "/v1/secrets/github-token/password", expired).statusCode()).isEqualTo(401);
        assertThat(audit("agent-4")).isEmpty();
    }

    @Test
    void aCallerOverItsRateIs429WithRetryAfterAndOthersAreNotSlowed() throws Exception {
        String greedy = token("greedy", "agent.runner");
        for (int i = 0; i < 6; i++) {
            assertThat(get(strict, "/v1/secrets/github-token/password", greedy).statusCode()).isEqualTo(200);
        }
        var limited = get(strict, "/v1/secrets/github-token/password", greedy);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).contains("10");
        assertThat(get(strict, "/v1/secrets/github-token/password", token("patient", "agent.runner")).statusCode()).isEqualTo(200);
    }

    @Test
    void theCacheServesItsCopyUntilItsTtlThenSyncsAndPostSyncSyncsAtOnce() throws Exception {
        String agent = token("agent-5", "agent.runner", "secrets.sync");
        assertThat(get(strict, "/v1/secrets/postgres-admin/username", agent).statusCode()).isEqualTo(200);
        bitwarden.add(FixtureItem.login("postgres-admin", "renamed_admin", valueOf("postgres-admin", "password")));

        assertThat(json(get(strict, "/v1/secrets/postgres-admin/username", agent)).path("value").asText()).isEqualTo("alai_admin");
        clock.advance(Duration.ofSeconds(151));
        assertThat(json(get(strict, "/v1/secrets/postgres-admin/username", agent)).path("value").asText()).isEqualTo("renamed_admin");

        bitwarden.add(FixtureItem.login("postgres-admin", "alai_admin", valueOf("postgres-admin", "password")));
        var synced = post(strict, "/v1/sync", agent);
        assertThat(synced.statusCode()).isEqualTo(200);
        assertThat(json(synced).path("items").asInt()).isEqualTo(2);
        assertThat(json(get(strict, "/v1/secrets/postgres-admin/username", agent)).path("value").asText()).isEqualTo("alai_admin");
    }

    @Test
    void syncNeedsTheSyncRole() throws Exception {
        assertThat(post(strict, "/v1/sync", token("agent-6", "agent.runner")).statusCode()).isEqualTo(403);
    }

    @Test
    void bitwardenDownIs503WithRetryAfterAndCachedValuesServedUntilTheirTtlOnlyWhenConfigured() throws Exception {
        String strictAgent = token("agent-7", "agent.runner");
        String lenientAgent = token("agent-8", "agent.runner");
        assertThat(get(strict, "/v1/secrets/github-token/password", strictAgent).statusCode()).isEqualTo(200);
        assertThat(get(lenient, "/v1/secrets/github-token/password", lenientAgent).statusCode()).isEqualTo(200);
        bitwarden.outage(true);
        try {
            clock.advance(Duration.ofSeconds(200));
            lenientClock.advance(Duration.ofSeconds(200));
            var down = get(strict, "/v1/secrets/github-token/password", strictAgent);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).contains("10");
            assertThat(down.body()).doesNotContain(valueOf("github-token", "password"));

            var cached = get(lenient, "/v1/secrets/github-token/password", lenientAgent);
            assertThat(cached.statusCode()).isEqualTo(200);
            assertThat(json(cached).path("value").asText()).isEqualTo(valueOf("github-token", "password"));

            lenientClock.advance(Duration.ofSeconds(101));
            var expired = get(lenient, "/v1/secrets/github-token/password", lenientAgent);
            assertThat(expired.statusCode()).isEqualTo(503);
            assertThat(expired.headers().firstValue("Retry-After")).isPresent();
        } finally {
            bitwarden.outage(false);
            clock.advance(Duration.ofSeconds(20));
            lenientClock.advance(Duration.ofSeconds(20));
        }
        assertThat(get(strict, "/v1/secrets/github-token/password", strictAgent).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesTheRoutesAndIsLintClean() throws Exception {
        var served = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + strict.port() + "/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        OpenApiContract.assertDescribes(served.body().getBytes(StandardCharsets.UTF_8), strict.routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(SecretsProxy.class, "/secrets-proxy/openapi.json"));
    }

    @Test
    void badConfigurationNamesTheVariable() {
        assertThatThrownBy(() -> SecretsConfig.from(new Env(env(Map.of("SECRETS_RULES", "{\"r\": {\"i\": []}}")))))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("SECRETS_RULES").hasMessageContaining("at least one field");
        assertThatThrownBy(() -> SecretsConfig.from(new Env(env(Map.of("SECRETS_RULES", "not json")))))
                .hasMessageStartingWith("SECRETS_RULES");
        assertThatThrownBy(() -> SecretsConfig.from(new Env(env(Map.of("SECRETS_AUDIT_HMAC_KEY", "c2hvcnQ=")))))
                .hasMessageStartingWith("SECRETS_AUDIT_HMAC_KEY").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretsConfig.from(new Env(env(Map.of("BITWARDEN_URL", "http://vault.basicconsulting.no")))))
                .hasMessageStartingWith("BITWARDEN_URL");
        assertThatThrownBy(() -> SecretsConfig.from(new Env(env(Map.of("SECRETS_SERVE_CACHED_WHEN_DOWN", "yes")))))
                .hasMessageStartingWith("SECRETS_SERVE_CACHED_WHEN_DOWN");
        var withoutPassword = env(Map.of());
        withoutPassword.remove("BITWARDEN_MASTER_PASSWORD");
        assertThatThrownBy(() -> SecretsConfig.from(new Env(withoutPassword))).hasMessageStartingWith("BITWARDEN_MASTER_PASSWORD");
    }

    @Test
    void theConfigNeverPrintsItsSecrets() {
        String printed = SecretsConfig.from(new Env(env(Map.of()))).toString();
        assertThat(printed).doesNotContain(bitwarden.account().masterPassword()).doesNotContain(bitwarden.account().clientSecret())
                .doesNotContain(Base64.getEncoder().encodeToString(auditKey));
    }
}
