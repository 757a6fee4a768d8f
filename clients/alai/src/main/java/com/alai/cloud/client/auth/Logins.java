package com.alai.cloud.client.auth;

import com.alai.cloud.client.config.Environment;
import com.alai.cloud.client.config.Profile;
import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Json;
import com.nimbusds.jwt.JWTClaimsSet;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A profile's login: getting tokens (browser or device), keeping them (keyring, else a 0600 file), handing out a
 * fresh access token (ALAI_TOKEN first; refreshed silently when near expiry), and forgetting them.
 */
public final class Logins {
    /** What `alai auth status` shows. {@code source} is "ALAI_TOKEN" or where the login is stored. */
    public record Status(String profile, boolean loggedIn, String account, String issuer, Instant expiresAt,
                         boolean refreshable, String source) {
    }

    /** Waits between device-grant polls; the tests pass one that does not wait. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long seconds) throws InterruptedException;
    }

    private final Environment env;
    private final Profile profile;
    private final HttpClient http;
    private final PrintWriter err;
    private final FileTokenStore file;
    private Optional<KeyringTokenStore> keyring;

    public Logins(Environment env, Profile profile, PrintWriter err) {
        this.env = env;
        this.profile = profile;
        this.err = err;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.file = new FileTokenStore(env.configDir());
        if (!profile.name().matches("[A-Za-z0-9._-]{1,64}")) {
            throw AlaiException.usage("profile name '" + profile.name() + "' must be 1-64 of letters, digits and . _ -");
        }
    }

    public TokenSet login(boolean device, boolean openBrowser, Browser browser, Duration timeout,
                          Sleeper sleeper) {
        Discovery discovery = Discovery.fetch(profile.issuer(), http);
        var endpoint = new TokenEndpoint(http, env.clock());
        String nonce = null;
        TokenEndpoint.Grant grant;
        if (device) {
            grant = new DeviceLogin(discovery, profile, endpoint, err, sleeper).run();
        } else {
            AuthCodeLogin.Result result = new AuthCodeLogin(discovery, profile, endpoint, browser, err, timeout).run(openBrowser);
            grant = result.grant();
            nonce = result.nonce();
        }
        JWTClaimsSet claims = IdTokens.verify(grant.idToken(), discovery, profile.requireClientId(), nonce,
                Date.from(env.clock().instant()));
        var tokens = new TokenSet(discovery.issuer(), profile.issuer().toString(), profile.requireClientId(),
                IdTokens.account(claims), grant.accessToken(), grant.refreshToken(), grant.idToken(), grant.expiresAt(),
                grant.scope());
        TokenStore store = writeStore();
        store.write(profile.name(), Json.compact(tokens));
        if (store != file) {
            file.delete(profile.name());
        }
        return tokens;
    }

    /** The access token to send: ALAI_TOKEN when set, else the stored login's, refreshed first when near expiry. */
    public String accessToken() {
        Optional<String> override = env.get("ALAI_TOKEN");
        if (override.isPresent()) {
            return override.get();
        }
        TokenStore store = readStore();
        TokenSet tokens = stored(store).orElseThrow(() -> AlaiException.authRequired(
                "not logged in (profile " + profile.name() + "): run `alai login`, or set ALAI_TOKEN"));
        if (tokens.usableAt(env.clock().instant())) {
            return tokens.accessToken();
        }
        return refresh(store, tokens).accessToken();
    }

    public Status status() {
        if (env.get("ALAI_TOKEN").isPresent()) {
            return new Status(profile.name(), true, null, null, null, false, "ALAI_TOKEN");
        }
        TokenStore store = readStore();
        return stored(store).map(t -> new Status(profile.name(), true, t.account(), t.issuer(), t.expiresAt(),
                        t.refreshToken() != null, store.describe(profile.name())))
                .orElse(new Status(profile.name(), false, null, null, null, false, null));
    }

    /** Forgets the login wherever it is kept; true when there was one. */
    public boolean logout() {
        boolean had = file.exists(profile.name()) && file.delete(profile.name());
        Optional<KeyringTokenStore> ring = keyring();
        return ring.map(r -> r.delete(profile.name())).orElse(false) || had;
    }

    private TokenSet refresh(TokenStore store, TokenSet tokens) {
        if (tokens.refreshToken() == null) {
            throw AlaiException.authRequired("the login of profile " + profile.name() + " expired at " + tokens.expiresAt()
                    + " and cannot be refreshed (no refresh token; add offline_access to the scopes): run `alai login`");
        }
        Discovery discovery = Discovery.fetch(profile.issuer(), http);
        if (!discovery.issuer().equals(tokens.issuer())) {
            throw AlaiException.authRequired("the issuer of profile " + profile.name() + " is now " + discovery.issuer()
                    + ", not " + tokens.issuer() + " that issued the stored login: run `alai login`");
        }
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", tokens.refreshToken());
        form.put("client_id", tokens.clientId());
        form.put("scope", String.join(" ", profile.scopes()));
        TokenEndpoint.Grant grant;
        try {
            grant = new TokenEndpoint(http, env.clock()).grant(discovery.tokenEndpoint(), form);
        } catch (TokenEndpoint.OAuthError e) {
            throw AlaiException.authRequired("the login of profile " + profile.name() + " expired and the issuer refused to"
                    + " refresh it (" + e.getMessage() + "): run `alai login`");
        }
        TokenSet fresh = tokens.refreshed(grant.accessToken(), grant.refreshToken(), grant.expiresAt(), grant.scope());
        store.write(profile.name(), Json.compact(fresh));
        return fresh;
    }

    static TokenEndpoint.Grant grant(TokenEndpoint endpoint, Discovery discovery, Map<String, String> form) {
        try {
            return endpoint.grant(discovery.tokenEndpoint(), form);
        } catch (TokenEndpoint.OAuthError e) {
            throw AlaiException.failed("login refused by the issuer: " + e.getMessage());
        }
    }

    private Optional<TokenSet> stored(TokenStore store) {
        return store.read(profile.name()).map(json -> {
            try {
                return Json.read(json, TokenSet.class);
            } catch (IllegalArgumentException e) {
                throw AlaiException.authRequired("the stored login of profile " + profile.name() + " is unreadable: run"
                        + " `alai logout` and `alai login`");
            }
        });
    }

    // A file left by an earlier login wins: it needs no subprocess, and a keyring that appeared since holds nothing yet.
    private TokenStore readStore() {
        if (file.exists(profile.name())) {
            return file;
        }
        return keyring().<TokenStore>map(k -> k).orElse(file);
    }

    private TokenStore writeStore() {
        Optional<KeyringTokenStore> ring = keyring();
        if (ring.isPresent()) {
            return ring.get();
        }
        err.println("warning: no OS keyring answered within " + KeyringTokenStore.ANSWER_WITHIN.toSeconds() + " s;"
                + " the tokens are kept in " + file.file(profile.name()) + " (mode 0600)");
        return file;
    }

    private Optional<KeyringTokenStore> keyring() {
        if (keyring == null) {
            keyring = "off".equals(env.get("ALAI_KEYRING").orElse("")) ? Optional.empty()
                    : KeyringTokenStore.probe(env.get("PATH").orElse(null));
        }
        return keyring;
    }
}
