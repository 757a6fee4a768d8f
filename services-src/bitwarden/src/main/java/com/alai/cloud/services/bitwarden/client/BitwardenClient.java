package com.alai.cloud.services.bitwarden.client;

import com.alai.cloud.services.bitwarden.crypto.CryptoException;
import com.alai.cloud.services.bitwarden.crypto.EncString;
import com.alai.cloud.services.bitwarden.crypto.Kdf;
import com.alai.cloud.services.bitwarden.crypto.SymmetricKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only Bitwarden client: it logs in as the official clients do (prelogin for the KDF settings, the master key
 * derived here, the password hash or the API key sent to {@code connect/token}), opens the user key with the
 * stretched master key, and decrypts the items of {@code /api/sync}. The master password never leaves the process;
 * the master key is derived once and kept, the access token is reused until a minute before it expires.
 * Items of organisations (shared collections) are not read: their keys are RSA-wrapped and none is needed here.
 */
public final class BitwardenClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Endpoints endpoints;
    private final Credentials credentials;
    private final HttpClient http;
    private final Clock clock;
    private SymmetricKey stretchedMasterKey;
    private String masterPasswordHash;
    private String accessToken;
    private Instant accessTokenExpires = Instant.EPOCH;
    private int unreadable;

    public BitwardenClient(Endpoints endpoints, Credentials credentials, HttpClient http, Clock clock) {
        this.endpoints = endpoints;
        this.credentials = credentials;
        this.http = http;
        this.clock = clock;
    }

    /** Every personal item, decrypted. */
    public synchronized List<VaultItem> sync() {
        JsonNode sync = authorizedGet("/sync?excludeDomains=true");
        String wrappedUserKey = sync.path("profile").path("key").asText(null);
        SymmetricKey userKey;
        try {
            userKey = SymmetricKey.of(EncString.decrypt(wrappedUserKey, stretchedMasterKey));
        } catch (CryptoException | IllegalArgumentException e) {
            throw new BitwardenException.Refused("the master password does not open this account's vault key");
        }
        var items = new ArrayList<VaultItem>();
        unreadable = 0;
        for (JsonNode cipher : sync.path("ciphers")) {
            if (cipher.hasNonNull("organizationId") || cipher.hasNonNull("deletedDate")) {
                continue;
            }
            try {
                // Clients since 2024.2 give each item its own key, wrapped with the user key.
                SymmetricKey key = cipher.hasNonNull("key")
                        ? SymmetricKey.of(EncString.decrypt(cipher.path("key").asText(), userKey)) : userKey;
                items.add(decrypt(cipher, key));
            } catch (CryptoException | IllegalArgumentException e) {
                unreadable++;
            }
        }
        return List.copyOf(items);
    }

    /** Items of the last sync that could not be decrypted (and were left out). */
    public synchronized int unreadable() {
        return unreadable;
    }

    private static VaultItem decrypt(JsonNode cipher, SymmetricKey key) {
        var fields = new LinkedHashMap<String, String>();
        JsonNode login = cipher.path("login");
        for (String name : List.of("username", "password", "totp")) {
            put(fields, name, login.path(name), key);
        }
        put(fields, "notes", cipher.path("notes"), key);
        for (JsonNode field : cipher.path("fields")) {
            if (field.hasNonNull("name") && field.hasNonNull("value")) {
                fields.putIfAbsent(EncString.decryptString(field.path("name").asText(), key),
                        EncString.decryptString(field.path("value").asText(), key));
            }
        }
        return new VaultItem(cipher.path("id").asText(), EncString.decryptString(cipher.path("name").asText(), key), fields);
    }

    private static void put(Map<String, String> fields, String name, JsonNode value, SymmetricKey key) {
        if (value.isTextual() && !value.asText().isEmpty()) {
            fields.put(name, EncString.decryptString(value.asText(), key));
        }
    }

    private JsonNode authorizedGet(String path) {
        for (int attempt = 0; ; attempt++) {
            if (accessToken == null || clock.instant().isAfter(accessTokenExpires.minusSeconds(60))) {
                logIn();
            }
            var request = HttpRequest.newBuilder(URI.create(endpoints.api() + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + accessToken).header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response = send(request, "sync");
            if (response.statusCode() == 401 && attempt == 0) {
                accessToken = null;
                continue;
            }
            return json(expectOk(response, "sync"), "sync");
        }
    }

    private void logIn() {
        if (stretchedMasterKey == null) {
            Kdf kdf = prelogin();
            byte[] masterKey = kdf.masterKey(credentials.masterPassword(), credentials.email());
            masterPasswordHash = Kdf.masterPasswordHash(masterKey, credentials.masterPassword());
            stretchedMasterKey = SymmetricKey.stretch(masterKey);
        }
        var form = new LinkedHashMap<String, String>();
        if (credentials.apiKey()) {
            form.put("grant_type", "client_credentials");
            form.put("scope", "api");
            form.put("client_id", credentials.clientId());
            form.put("client_secret", credentials.clientSecret());
        } else {
            form.put("grant_type", "password");
            form.put("scope", "api offline_access");
            form.put("client_id", "cli");
            form.put("username", credentials.email());
            form.put("password", masterPasswordHash);
        }
        form.put("deviceType", "25");
        form.put("deviceIdentifier", credentials.deviceId());
        form.put("deviceName", "alai-secrets-proxy");
        var body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        var request = HttpRequest.newBuilder(URI.create(endpoints.identity() + "/connect/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Accept", "application/json")
                .header("Auth-Email", Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(credentials.email().getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<byte[]> response = send(request, "login");
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            throw new BitwardenException.Refused("Bitwarden refused the login for " + credentials.email()
                    + " (" + json(response.body(), "login").path("error_description").asText("invalid_grant") + ")");
        }
        JsonNode token = json(expectOk(response, "login"), "login");
        accessToken = token.path("access_token").asText(null);
        if (accessToken == null) {
            throw new BitwardenException.Refused("Bitwarden's token answer has no access_token");
        }
        accessTokenExpires = clock.instant().plusSeconds(token.path("expires_in").asLong(3600));
    }

    private Kdf prelogin() {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(Map.of("email", credentials.email()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        var request = HttpRequest.newBuilder(URI.create(endpoints.identity() + "/accounts/prelogin/password")).timeout(TIMEOUT)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        JsonNode prelogin = json(expectOk(send(request, "prelogin"), "prelogin"), "prelogin");
        try {
            return Kdf.of(prelogin.path("kdf").asInt(-1), prelogin.path("kdfIterations").asInt(),
                    prelogin.path("kdfMemory").isNumber() ? prelogin.path("kdfMemory").asInt() : null,
                    prelogin.path("kdfParallelism").isNumber() ? prelogin.path("kdfParallelism").asInt() : null);
        } catch (IllegalArgumentException e) {
            throw new BitwardenException.Refused("Bitwarden's prelogin settings were refused: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request, String step) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new BitwardenException.Unavailable("Bitwarden " + step + " at " + request.uri().getHost()
                    + " did not answer (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BitwardenException.Unavailable("interrupted during Bitwarden " + step, e);
        }
    }

    private static byte[] expectOk(HttpResponse<byte[]> response, String step) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new BitwardenException.Unavailable("Bitwarden " + step + " answered " + status, null);
        }
        if (status != 200) {
            throw new BitwardenException.Refused("Bitwarden " + step + " answered " + status);
        }
        return response.body();
    }

    private static JsonNode json(byte[] body, String step) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new BitwardenException.Unavailable("Bitwarden " + step + " answered something that is not JSON", e);
        }
    }
}
