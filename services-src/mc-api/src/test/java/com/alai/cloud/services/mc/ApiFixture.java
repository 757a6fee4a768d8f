package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.config.ServiceConfig;
import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.testing.LogCapture;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * One real PostgreSQL (embedded), one real OIDC issuer (mock-oauth2-server over HTTP) and one running mc-api,
 * shared by the tests of this JVM.
 */
final class ApiFixture {
    static final String AUDIENCE = "api://alai-control-plane";
    static final ApiFixture INSTANCE = start();

    final EmbeddedPostgres postgres;
    final MockOAuth2Server issuer;
    final Service api;
    final HttpClient http = HttpClient.newHttpClient();
    final LogCapture logs;

    private ApiFixture(EmbeddedPostgres postgres, MockOAuth2Server issuer, Service api, LogCapture logs) {
        this.logs = logs;
        this.postgres = postgres;
        this.issuer = issuer;
        this.api = api;
    }

    private static ApiFixture start() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE mission_control");
            }
            var issuer = new MockOAuth2Server();
            issuer.start();
            var logs = LogCapture.start();
            var config = ServiceConfig.from(new Env(Map.of(
                    "PORT", "0",
                    "DATABASE_URL", "postgres://postgres:@localhost:" + pg.getPort() + "/mission_control",
                    "OIDC_ISSUER", issuer.issuerUrl("default").toString(),
                    "OIDC_AUDIENCE", AUDIENCE,
                    "MAX_BODY_BYTES", "65536")));
            var api = McApi.start(config);
            return new ApiFixture(pg, issuer, api, logs);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test fixture", e);
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + api.port() + path;
    }

    String token() {
        return issuer.issueToken("default", "alice", AUDIENCE, Map.of("roles", "mc"), 3600).serialize();
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder authed(String path) {
        return HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Bearer " + token());
    }

    HttpResponse<String> post(String body) throws Exception {
        return send(authed("/tasks").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    long count(String sql) throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "mission_control").getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A digest of every row, to prove a rejected request changed nothing. */
    String snapshot() throws Exception {
        try (Connection c = postgres.getDatabase("postgres", "mission_control").getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY id)), '') FROM tasks t")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
