package com.alai.cloud.services.runner.report;

import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** An OAuth 2.0 client-credentials token for the runner's own calls, reused until a minute before it expires. */
public final class TokenSource {
    private final HttpClient http;
    private final URI tokenUrl;
    private final String form;
    private String token;
    private Instant renewAt = Instant.EPOCH;

    public TokenSource(HttpClient http, String tokenUrl, String clientId, String clientSecret, String scope) {
        this.http = http;
        this.tokenUrl = URI.create(tokenUrl);
        this.form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret)
                + (scope.isBlank() ? "" : "&scope=" + enc(scope));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    public synchronized String token() throws IOException, InterruptedException {
        if (token != null && Instant.now().isBefore(renewAt)) {
            return token;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenUrl).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the token endpoint answered " + response.statusCode());
        }
        JsonNode body = Json.mapper().readTree(response.body());
        token = body.path("access_token").asText();
        renewAt = Instant.now().plusSeconds(Math.max(30, body.path("expires_in").asLong(300) - 60));
        return token;
    }
}
