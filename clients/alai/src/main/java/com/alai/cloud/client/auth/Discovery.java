package com.alai.cloud.client.auth;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An issuer's OpenID discovery document. {@code issuer} is the one the document names, which is what tokens carry:
 * Entra External ID is configured by tenant name ({@code alaiauth.ciamlogin.com/alaiauth.onmicrosoft.com/v2.0}) but
 * puts the tenant GUID in {@code iss}, and B2C names the policy in the URL but not in {@code iss}.
 */
public record Discovery(URI configured, String issuer, URI authorizationEndpoint, URI tokenEndpoint,
                        URI deviceAuthorizationEndpoint, URI jwksUri, URI endSessionEndpoint, boolean issParameterSupported) {

    public static Discovery fetch(URI issuer, HttpClient http) {
        URI doc = URI.create(issuer + "/.well-known/openid-configuration");
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(doc).timeout(Duration.ofSeconds(15)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw AlaiException.unreachable(doc.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AlaiException.failed("interrupted");
        }
        if (response.statusCode() != 200) {
            throw AlaiException.failed(doc + " answered " + response.statusCode() + "; is the issuer URL right?");
        }
        JsonNode json;
        try {
            json = Json.tree(response.body());
        } catch (IllegalArgumentException e) {
            throw AlaiException.failed(doc + " is not a discovery document (not JSON)");
        }
        String iss = text(json, "issuer", doc);
        URI named = URI.create(iss);
        // The document's issuer is trusted, but it must at least be a secure origin of its own.
        if (!"https".equals(named.getScheme()) && !("http".equals(named.getScheme()) && loopback(named.getHost()))) {
            throw AlaiException.failed(doc + " names issuer " + iss + ", which is not https");
        }
        return new Discovery(issuer, iss, endpoint(json, "authorization_endpoint", doc), endpoint(json, "token_endpoint", doc),
                optional(json, "device_authorization_endpoint"), endpoint(json, "jwks_uri", doc),
                optional(json, "end_session_endpoint"),
                json.path("authorization_response_iss_parameter_supported").asBoolean(false));
    }

    public boolean offersDeviceGrant() {
        return deviceAuthorizationEndpoint != null;
    }

    private static String text(JsonNode json, String field, URI doc) {
        if (!json.path(field).isTextual() || json.get(field).asText().isBlank()) {
            throw AlaiException.failed(doc + " has no " + field);
        }
        return json.get(field).asText();
    }

    private static URI endpoint(JsonNode json, String field, URI doc) {
        URI uri = URI.create(text(json, field, doc));
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback(uri.getHost()))) {
            throw AlaiException.failed(doc + ": " + field + " " + uri + " is not https");
        }
        return uri;
    }

    private static URI optional(JsonNode json, String field) {
        return json.path(field).isTextual() ? URI.create(json.get(field).asText()) : null;
    }

    static boolean loopback(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
    }
}
