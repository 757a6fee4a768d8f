package com.alai.cloud.client.auth;

import com.alai.cloud.client.config.Profile;
import com.alai.cloud.client.error.AlaiException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The device authorization grant (RFC 8628): for a machine whose browser cannot reach its loopback port. We show a
 * code and a URL, the user enters the code on any device, and we poll the token endpoint at the issuer's interval.
 */
final class DeviceLogin {
    static final String GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private final Discovery discovery;
    private final Profile profile;
    private final TokenEndpoint tokens;
    private final PrintWriter err;
    private final Logins.Sleeper sleeper;

    DeviceLogin(Discovery discovery, Profile profile, TokenEndpoint tokens, PrintWriter err, Logins.Sleeper sleeper) {
        this.discovery = discovery;
        this.profile = profile;
        this.tokens = tokens;
        this.err = err;
        this.sleeper = sleeper;
    }

    TokenEndpoint.Grant run() {
        if (!discovery.offersDeviceGrant()) {
            throw AlaiException.failed("the issuer " + discovery.issuer() + " does not offer the device grant (its discovery"
                    + " document has no device_authorization_endpoint); use `alai login` (add --no-browser over SSH)");
        }
        JsonNode device;
        try {
            device = tokens.post(discovery.deviceAuthorizationEndpoint(),
                    Map.of("client_id", profile.requireClientId(), "scope", String.join(" ", profile.scopes())));
        } catch (TokenEndpoint.OAuthError e) {
            throw AlaiException.failed("the device authorization request was refused: " + e.getMessage());
        }
        String deviceCode = device.path("device_code").asText(null);
        String userCode = device.path("user_code").asText(null);
        String uri = device.path("verification_uri").asText(device.path("verification_url").asText(null));
        if (deviceCode == null || userCode == null || uri == null) {
            throw AlaiException.failed(discovery.deviceAuthorizationEndpoint() + " answered without device_code, user_code"
                    + " or verification_uri");
        }
        long interval = Math.max(1, device.path("interval").asLong(5));
        long remaining = device.path("expires_in").asLong(900);
        err.println("On any device, open " + uri + " and enter the code " + userCode);
        if (device.path("verification_uri_complete").isTextual()) {
            err.println("(or open " + device.get("verification_uri_complete").asText() + ")");
        }
        err.println("Waiting for you to finish there ...");
        err.flush();
        var form = new LinkedHashMap<String, String>();
        form.put("grant_type", GRANT);
        form.put("device_code", deviceCode);
        form.put("client_id", profile.requireClientId());
        while (remaining > 0) {
            try {
                sleeper.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw AlaiException.failed("interrupted");
            }
            remaining -= interval;
            try {
                return tokens.grant(discovery.tokenEndpoint(), form);
            } catch (TokenEndpoint.OAuthError e) {
                switch (e.error) {
                    case "authorization_pending" -> { }
                    case "slow_down" -> interval += 5;
                    case "access_denied" -> throw AlaiException.failed("login refused: the request was denied on the device");
                    case "expired_token" -> remaining = 0;
                    default -> throw AlaiException.failed("login refused by the issuer: " + e.getMessage());
                }
            }
        }
        throw AlaiException.failed("the device code expired before the login was finished; run `alai login --device` again");
    }
}
