package com.alai.cloud.services.mc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of bad request gets a 4xx problem+json and changes nothing in the database. */
class BadInputTest {
    static final ApiFixture F = ApiFixture.INSTANCE;
    long taskId;
    String before;

    @BeforeEach
    void seed() throws Exception {
        taskId = new ObjectMapper().readTree(F.post("{\"title\":\"victim\"}").body()).path("id").asLong();
        before = F.snapshot();
    }

    void assertRejected(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(F.snapshot()).as("database unchanged").isEqualTo(before);
    }

    HttpResponse<String> postRaw(byte[] body, String contentType) throws Exception {
        return F.send(F.authed("/tasks").header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    HttpResponse<String> patch(String etag, String body) throws Exception {
        return F.send(F.authed("/tasks/" + taskId).header("If-Match", etag).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> withToken(String token) throws Exception {
        return F.send(HttpRequest.newBuilder(URI.create(F.url("/tasks"))).header("Authorization", "Bearer " + token));
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertRejected(F.post("{\"title\": \"unterminated"), 400);
    }

    @Test
    void trailingGarbageAfterTheObjectIs400() throws Exception {
        assertRejected(F.post("{\"title\":\"a\"} {\"title\":\"b\"}"), 400);
    }

    @Test
    void aJsonArrayInsteadOfAnObjectIs400() throws Exception {
        assertRejected(F.post("[{\"title\":\"a\"}]"), 400);
    }

    @Test
    void wrongTypesAre422WithAMessagePerField() throws Exception {
        var response = F.post("{\"title\":42,\"priority\":\"high\",\"tags\":\"x\"}");
        assertRejected(response, 422);
        JsonNode errors = new ObjectMapper().readTree(response.body()).path("errors");
        assertThat(errors.path("title").asText()).contains("string");
        assertThat(errors.path("priority").asText()).contains("integer");
        assertThat(errors.path("tags").asText()).contains("array");
    }

    @Test
    void unknownFieldsAreRejected() throws Exception {
        var response = F.post("{\"title\":\"a\",\"id\":99,\"extra\":{}}");
        assertRejected(response, 422);
        assertThat(response.body()).contains("is not a field of a task");
    }

    @Test
    void aMissingTitleIs422() throws Exception {
        assertRejected(F.post("{\"description\":\"no title\"}"), 422);
    }

    @Test
    void anOversizeBodyIs413() throws Exception {
        String huge = "{\"title\":\"a\",\"description\":\"" + "x".repeat(70_000) + "\"}";
        assertRejected(F.post(huge), 413);
    }

    @Test
    void anOverlongFieldIs422() throws Exception {
        assertRejected(F.post("{\"title\":\"" + "t".repeat(501) + "\"}"), 422);
    }

    @Test
    void invalidUtf8Is400() throws Exception {
        byte[] body = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertRejected(postRaw(body, "application/json"), 400);
    }

    @Test
    void aNonJsonContentTypeIs415() throws Exception {
        assertRejected(postRaw("title=a".getBytes(), "application/x-www-form-urlencoded"), 415);
    }

    @Test
    void anUnknownIdIs404() throws Exception {
        assertRejected(F.send(F.authed("/tasks/999999999")), 404);
    }

    @Test
    void aNonNumericIdIs404() throws Exception {
        assertRejected(F.send(F.authed("/tasks/abc%27%3B%20DROP%20TABLE%20tasks")), 404);
    }

    @Test
    void aStaleETagIs412() throws Exception {
        patch("\"v1\"", "{\"title\":\"first\"}");
        before = F.snapshot();
        assertRejected(patch("\"v1\"", "{\"title\":\"second\"}"), 412);
    }

    @Test
    void aPatchWithoutIfMatchIs428() throws Exception {
        assertRejected(F.send(F.authed("/tasks/" + taskId).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}"))), 428);
    }

    @Test
    void anEmptyPatchIs422() throws Exception {
        assertRejected(patch("\"v1\"", "{}"), 422);
    }

    @Test
    void sqlLookingTextIsStoredLiterallyAndQueriedSafely() throws Exception {
        String hostile = "x'); DROP TABLE tasks; --";
        var created = F.post(new ObjectMapper().writeValueAsString(Map.of("title", hostile)));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(new ObjectMapper().readTree(created.body()).path("title").asText()).isEqualTo(hostile);
        var search = F.send(F.authed("/tasks?q=" + java.net.URLEncoder.encode("%' OR '1'='1", "UTF-8")));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(search.body()).path("items")).isEmpty();
        assertThat(F.count("SELECT count(*) FROM tasks")).isPositive();
    }

    @Test
    void unknownQueryParametersAndBadCursorsAre400() throws Exception {
        assertRejected(F.send(F.authed("/tasks?stauts=open")), 400);
        assertRejected(F.send(F.authed("/tasks?cursor=not-a-cursor")), 400);
        assertRejected(F.send(F.authed("/tasks?limit=100000")), 400);
        assertRejected(F.send(F.authed("/tasks?updated_since=yesterday")), 400);
    }

    @Test
    void aMissingTokenIs401() throws Exception {
        assertRejected(F.send(HttpRequest.newBuilder(URI.create(F.url("/tasks")))), 401);
    }

    @Test
    void aTokenSignedByAnotherKeyIs401() throws Exception {
        var key = new RSAKeyGenerator(2048).keyID("forged").generate();
        var claims = new JWTClaimsSet.Builder().issuer(F.issuer.issuerUrl("default").toString()).subject("mallory")
                .audience(ApiFixture.AUDIENCE).issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 600_000)).build();
        var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        assertRejected(withToken(jwt.serialize()), 401);
    }

    @Test
    void anExpiredTokenIs401() throws Exception {
        assertRejected(withToken(F.issuer.issueToken("default", "alice", ApiFixture.AUDIENCE, Map.of(), -120).serialize()), 401);
    }

    @Test
    void aTokenForAnotherAudienceIs401() throws Exception {
        assertRejected(withToken(F.issuer.issueToken("default", "alice", "api://someone-else", Map.of(), 3600).serialize()), 401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() throws Exception {
        assertRejected(withToken(F.issuer.issueToken("other", "alice", ApiFixture.AUDIENCE, Map.of(), 3600).serialize()), 401);
    }

    @Test
    void garbageInTheAuthorizationHeaderIs401AndIsNotEchoed() throws Exception {
        var response = withToken("not.a.jwt");
        assertRejected(response, 401);
        assertThat(response.body()).doesNotContain("not.a.jwt");
    }

    @Test
    void aMalformedQueryIsAProblemNotTheServersOwnPage() throws Exception {
        // The JDK server answered this with its own HTML 400 ("URISyntaxException thrown") before our code ran.
        try (var socket = new java.net.Socket("127.0.0.1", F.api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /tasks?cursor=%%%garbage HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + F.token() + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/problem+json")
                    .contains("\"status\":400").doesNotContain("<h1>");
        }
    }

    @Test
    void anUnsupportedMethodIs405() throws Exception {
        assertRejected(F.send(F.authed("/tasks/" + taskId).DELETE()), 405);
    }

    @Test
    void theLogsNeverContainATokenOrTheBody() throws Exception {
        F.post("{\"title\":\"private text 7c1f\"}");
        F.logs.await(line -> line.path("msg").asText().equals("request") && line.path("method").asText().equals("POST")
                && line.has("requestId"), java.time.Duration.ofSeconds(10));
        String logs = F.logs.text();
        assertThat(logs).contains("\"requestId\"").doesNotContain("private text 7c1f").doesNotContain("Bearer ");
    }
}
