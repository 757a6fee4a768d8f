package com.alai.cloud.client.auth;

import java.time.Instant;

/**
 * What a login keeps: the tokens, when the access token expires, and who logged in where. The refresh token is what
 * makes later commands silent; it never leaves the token store except to the issuer's token endpoint.
 */
public record TokenSet(String issuer, String configuredIssuer, String clientId, String account, String accessToken,
                       String refreshToken, String idToken, Instant expiresAt, String scope) {

    /** Fresh enough to send: more than a minute of life left, so a request in flight does not expire on the way. */
    public boolean usableAt(Instant now) {
        return expiresAt != null && now.plusSeconds(60).isBefore(expiresAt);
    }

    public TokenSet refreshed(String access, String refresh, Instant expires, String newScope) {
        return new TokenSet(issuer, configuredIssuer, clientId, account, access, refresh != null ? refresh : refreshToken,
                idToken, expires, newScope != null ? newScope : scope);
    }
}
