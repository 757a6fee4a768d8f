package com.alai.cloud.client.auth;

import com.alai.cloud.client.config.Profile;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * OAuth 2.0 authorization code with PKCE (S256) for a native app (RFC 8252): the browser goes to the issuer, the
 * issuer redirects to our loopback listener, we exchange the code with the verifier only we hold.
 */
final class AuthCodeLogin {
    private final Discovery discovery;
    private final Profile profile;
    private final TokenEndpoint tokens;
    private final Browser browser;
    private final PrintWriter err;
    private final Duration timeout;

    AuthCodeLogin(Discovery discovery, Profile profile, TokenEndpoint tokens, Browser browser, PrintWriter err, Duration timeout) {
        this.discovery = discovery;
        this.profile = profile;
        this.tokens = tokens;
        this.browser = browser;
        this.err = err;
        this.timeout = timeout;
    }

    record Result(TokenEndpoint.Grant grant, String nonce) {
    }

    Result run(boolean openBrowser) {
        Pkce pkce = Pkce.create();
        try (var receiver = new LoopbackReceiver(pkce.state(), discovery.issuer())) {
            URI url = authorizationUrl(pkce, receiver.redirectUri());
            boolean opened = openBrowser && browser.open(url);
            if (opened) {
                err.println("Opened the browser to log in at " + discovery.authorizationEndpoint().getHost()
                        + "; waiting for the redirect to " + receiver.redirectUri() + " ...");
            } else {
                err.println("Open this URL in a browser to log in:");
                err.println();
                err.println("  " + url);
                err.println();
                err.println("If that browser runs on another machine, forward the redirect port from it first:");
                err.println("  ssh -N -L " + receiver.port() + ":127.0.0.1:" + receiver.port() + " <user>@<this host>");
                err.println("Waiting for the redirect to " + receiver.redirectUri() + " ...");
            }
            err.flush();
            String code = receiver.await(timeout);
            var form = new LinkedHashMap<String, String>();
            form.put("grant_type", "authorization_code");
            form.put("code", code);
            form.put("redirect_uri", receiver.redirectUri().toString());
            form.put("client_id", profile.requireClientId());
            form.put("code_verifier", pkce.verifier());
            return new Result(Logins.grant(tokens, discovery, form), pkce.nonce());
        }
    }

    private URI authorizationUrl(Pkce pkce, URI redirect) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", profile.requireClientId());
        query.put("redirect_uri", redirect.toString());
        query.put("scope", String.join(" ", profile.scopes()));
        query.put("state", pkce.state());
        query.put("nonce", pkce.nonce());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        String base = discovery.authorizationEndpoint().toString();
        return URI.create(base + (base.contains("?") ? "&" : "?") + Form.encode(query));
    }
}
