package com.alai.cloud.client.auth;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** POSTs to the issuer's token (or device authorization) endpoint; an OAuth error comes back as {@link OAuthError}. */
final class TokenEndpoint {
    /** An RFC 6749 §5.2 error answer: {@code error} and its description. */
    static final class OAuthError extends RuntimeException {
        final String error;

        OAuthError(String error, String description) {
            super(error + (description == null ? "" : ": " + description));
            this.error = error;
        }
    }

    /** A successful answer, with the access token's expiry computed against the clock at receipt. */
    record Grant(String accessToken, String refreshToken, String idToken, Instant expiresAt, String scope) {
    }

    private final HttpClient http;
    private final Clock clock;

    TokenEndpoint(HttpClient http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    Grant grant(URI endpoint, Map<String, String> form) {
        JsonNode json = post(endpoint, form);
        if (!json.path("access_token").isTextual()) {
            throw AlaiException.failed(endpoint + " answered without an access_token");
        }
        long expiresIn = json.path("expires_in").asLong(3600);
        return new Grant(json.get("access_token").asText(), textOrNull(json, "refresh_token"), textOrNull(json, "id_token"),
                clock.instant().plusSeconds(expiresIn), textOrNull(json, "scope"));
    }

    JsonNode post(URI endpoint, Map<String, String> form) {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Form.encode(form))).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw AlaiException.unreachable(endpoint.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AlaiException.failed("interrupted");
        }
        JsonNode json;
        try {
            json = Json.tree(response.body());
        } catch (IllegalArgumentException e) {
            throw AlaiException.failed(endpoint + " answered " + response.statusCode() + " without JSON");
        }
        if (response.statusCode() != 200) {
            throw new OAuthError(json.path("error").asText("http_" + response.statusCode()), textOrNull(json, "error_description"));
        }
        return json;
    }

    static String textOrNull(JsonNode json, String field) {
        return json.path(field).isTextual() ? json.get(field).asText() : null;
    }
}
