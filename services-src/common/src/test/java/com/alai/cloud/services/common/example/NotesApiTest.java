package com.alai.cloud.services.common.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alai.cloud.services.common.app.Service;
import com.alai.cloud.services.common.config.ConfigError;
import com.alai.cloud.services.common.config.Env;
import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.testing.LogCapture;
import com.alai.cloud.services.common.testing.OpenApiContract;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The skeleton, through the example every new service copies: what each service gets without writing it. */
class NotesApiTest {
    static final String AUDIENCE = "api://notes";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static EmbeddedPostgres postgres;
    static MockOAuth2Server issuer;
    static LogCapture logs;
    static Service api;

    @BeforeAll
    static void start() throws Exception {
        logs = LogCapture.start();
        postgres = EmbeddedPostgres.start();
        issuer = new MockOAuth2Server();
        issuer.start();
        api = NotesApi.start(NotesApi.Config.from(new Env(env(Map.of()))));
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
        issuer.shutdown();
        postgres.close();
        logs.close();
    }

    static Map<String, String> env(Map<String, String> extra) {
        var env = new java.util.HashMap<>(Map.of("PORT", "0",
                "DATABASE_URL", "postgres://postgres:@localhost:" + postgres.getPort() + "/postgres",
                "OIDC_ISSUER", issuer.issuerUrl("default").toString(), "OIDC_AUDIENCE", AUDIENCE, "MAX_BODY_BYTES", "1024"));
        env.putAll(extra);
        return env;
    }

    static String token(Map<String, Object> claims) {
        return issuer.issueToken("default", "alice", AUDIENCE, claims, 600).serialize();
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path));
    }

    static HttpResponse<String> post(String token, String body) throws Exception {
        return send(at("/notes").header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(json(response).path("status").asInt()).isEqualTo(status);
    }

    @Test
    void aConfigurationErrorNamesTheVariable() {
        assertThatThrownBy(() -> NotesApi.Config.from(new Env(env(Map.of("NOTES_MAX_LENGTH", "lots")))))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith("NOTES_MAX_LENGTH: ");
        var noDatabase = env(Map.of());
        noDatabase.remove("DATABASE_URL");
        assertThatThrownBy(() -> NotesApi.Config.from(new Env(noDatabase))).hasMessage("DATABASE_URL: is required but not set");
    }

    @Test
    void livenessAndReadinessAnswerWithoutAToken() throws Exception {
        assertThat(send(at("/healthz")).statusCode()).isEqualTo(200);
        assertThat(send(at("/readyz")).statusCode()).isEqualTo(200);
    }

    @Test
    void aRouteNeedsAValidTokenThenItsScopeOrRole() throws Exception {
        assertProblem(send(at("/notes/1")), 401);
        assertProblem(send(at("/notes/1").header("Authorization", "Bearer not.a.jwt")), 401);
        var forbidden = post(token(Map.of("scp", "notes.read")), "{\"text\":\"hello\"}");
        assertProblem(forbidden, 403);
        assertThat(json(forbidden).path("detail").asText()).contains("notes.write", "notes.admin");
        var created = post(token(Map.of("scp", "notes.read notes.write")), "{\"text\":\"hello\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(post(token(Map.of("roles", java.util.List.of("notes.admin"))), "{\"text\":\"hi\"}").statusCode()).isEqualTo(201);
        var read = send(at("/notes/" + json(created).path("id").asLong()).header("Authorization", "Bearer " + token(Map.of("scp", "notes.read"))));
        assertThat(json(read).path("text").asText()).isEqualTo("hello");
    }

    @Test
    void badInputIsProblemJsonWhereverItIsCaught() throws Exception {
        String writer = token(Map.of("scp", "notes.write"));
        assertProblem(post(writer, "{\"text\":\"\"}"), 422);
        assertProblem(post(writer, "{\"text\":\"a\",\"text\":\"b\"}"), 400);
        assertProblem(post(writer, "{\"text\":\"a\"} trailing"), 400);
        assertProblem(post(writer, "{\"text\":\"" + "x".repeat(2000) + "\"}"), 413);
        assertProblem(send(at("/nowhere")), 404);
        assertProblem(send(at("/notes").header("Authorization", "Bearer " + writer)), 405);
    }

    @Test
    void whatTheServerRejectsBeforeOurCodeIsProblemJsonToo() throws Exception {
        String badHeader = exchange("GET /notes/1 HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n");
        assertThat(badHeader).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400");
        // Helidon rejects this request line itself; the JDK server answered it with an HTML page (URISyntaxException).
        String badQuery = exchange("GET /notes/1?cursor=%%%garbage HTTP/1.1\r\nHost: x\r\n\r\n");
        assertThat(badQuery).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"status\":400");
    }

    @Test
    void eachRequestIsOneJsonLogLineWithItsIdAndNeverTheToken() throws Exception {
        String secret = token(Map.of("scp", "notes.read"));
        send(at("/notes/424242").header("Authorization", "Bearer " + secret).header("X-Request-Id", "trace-me-1"));
        JsonNode line = logs.await(l -> l.path("requestId").asText().equals("trace-me-1"), java.time.Duration.ofSeconds(10));
        assertThat(line.path("msg").asText()).isEqualTo("request");
        assertThat(line.path("status").asInt()).isEqualTo(404);
        assertThat(logs.text()).doesNotContain(secret);
    }

    @Test
    void theServedOpenApiDocumentDescribesExactlyTheRoutesAndPassesRedoclyLint() throws Exception {
        var served = send(at("/openapi.json"));
        assertThat(served.statusCode()).isEqualTo(200);
        OpenApiContract.assertDescribes(served.body().getBytes(StandardCharsets.UTF_8), api.routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(NotesApi.class, "/notes-openapi.json"));
    }

    private static String exchange(String request) throws Exception {
        try (var socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            var text = new StringBuilder();
            byte[] buffer = new byte[4096];
            int n;
            while (!text.toString().contains("}") && (n = in.read(buffer)) > 0) {
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return text.toString();
        }
    }
}
