package com.alai.cloud.services.hivemind;

import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.testing.LogCapture;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * One real PostgreSQL (embedded), one real OIDC issuer, and two HiveMind replicas (A and B) on that database, as two
 * Container Apps replicas would run; shared by the tests of this JVM.
 */
final class Fixture {
    static final String AUDIENCE = "api://alai-control-plane";
    static final ObjectMapper JSON = new ObjectMapper();
    static final Fixture INSTANCE = start();
    private static final AtomicInteger TOPICS = new AtomicInteger();

    final EmbeddedPostgres postgres;
    final MockOAuth2Server issuer;
    final HiveMindApi a;
    final HiveMindApi b;
    final HttpClient http = HttpClient.newHttpClient();
    final LogCapture logs = LogCapture.start();

    private Fixture() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE hivemind");
        }
        issuer = new MockOAuth2Server();
        issuer.start();
        a = replica("a", Map.of());
        b = replica("b", Map.of());
    }

    private static Fixture start() {
        try {
            return new Fixture();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test fixture", e);
        }
    }

    /** Another replica on the same database, with extra settings (e.g. a small subscriber buffer). */
    HiveMindApi replica(String name, Map<String, String> extra) throws Exception {
        return replica(postgres.getPort(), name, extra);
    }

    /** A replica on the PostgreSQL at {@code pgPort} (database hivemind). */
    HiveMindApi replica(int pgPort, String name, Map<String, String> extra) throws Exception {
        var env = new HashMap<>(Map.of(
                "PORT", "0",
                "DATABASE_URL", "postgres://postgres:@localhost:" + pgPort + "/hivemind",
                "OIDC_ISSUER", issuer.issuerUrl("default").toString(),
                "OIDC_AUDIENCE", AUDIENCE,
                "HIVEMIND_REPLICA", name,
                "HIVEMIND_SWEEP_SECONDS", "3600"));
        env.putAll(extra);
        return HiveMindApi.start(HiveMindConfig.from(new Env(env)));
    }

    /** What replica {@code name} has logged so far, a line an entry. */
    java.util.List<String> logLines(String name) {
        return logs.text().lines().filter(l -> l.contains("\"logger\":\"service.hivemind-api." + name + "\"")).toList();
    }

    String token() {
        return token("alice", Map.of("roles", "agent"));
    }

    String token(String subject, Map<String, Object> claims) {
        return issuer.issueToken("default", subject, AUDIENCE, claims, 3600).serialize();
    }

    static String url(HiveMindApi replica, String path) {
        return "http://127.0.0.1:" + replica.port() + path;
    }

    static URI ws(HiveMindApi replica, String path) {
        return URI.create("ws://127.0.0.1:" + replica.port() + path);
    }

    HttpRequest.Builder authed(HiveMindApi replica, String path) {
        return HttpRequest.newBuilder(URI.create(url(replica, path))).header("Authorization", "Bearer " + token());
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(HiveMindApi replica, String path, String body) throws Exception {
        return send(authed(replica, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A fresh topic for one test, so tests never see each other's messages. */
    String topic(String extraJson) throws Exception {
        String name = "t" + TOPICS.incrementAndGet() + "-" + ProcessHandle.current().pid();
        var response = postJson(a, "/topics", "{\"name\":\"" + name + "\"" + extraJson + "}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("cannot create topic: " + response.body());
        }
        return name;
    }

    String topic() throws Exception {
        return topic("");
    }

    long publish(HiveMindApi replica, String topic, String payload) throws Exception {
        var response = postJson(replica, "/topics/" + topic + "/messages", "{\"payload\":" + payload + "}");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("publish failed: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("offset").asLong();
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    long count(String sql) throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "hivemind").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "hivemind").getConnection();
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A digest of every topic, message and group, to prove a rejected request changed nothing. */
    String snapshot() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "hivemind").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                     SELECT coalesce((SELECT md5(string_agg(t::text, '|' ORDER BY name)) FROM topics t), '')
                         || coalesce((SELECT md5(string_agg(m::text, '|' ORDER BY topic, "offset")) FROM messages m), '')
                         || coalesce((SELECT md5(string_agg(g::text, '|' ORDER BY topic, name)) FROM consumer_groups g), '')
                     """)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
