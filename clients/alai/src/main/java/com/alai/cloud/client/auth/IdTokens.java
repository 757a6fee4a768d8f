package com.alai.cloud.client.auth;

import com.alai.cloud.client.error.AlaiException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.util.Date;
import java.util.List;
import java.util.Set;

/**
 * Checks the ID token of a login (OpenID Connect Core §3.1.3.7): signed by a key of the issuer's JWKS with an
 * asymmetric algorithm, {@code iss} the discovery document's issuer, {@code aud} our client id, our nonce, not expired.
 * It is what proves the tokens came from the issuer this profile trusts.
 */
final class IdTokens {
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256, JWSAlgorithm.PS384, JWSAlgorithm.PS512);

    private IdTokens() {
    }

    /** The verified claims; the account shown by `alai auth status` is read from them. */
    static JWTClaimsSet verify(String idToken, Discovery discovery, String clientId, String nonce, Date now) {
        if (idToken == null) {
            throw AlaiException.failed("the issuer returned no ID token; the profile's scopes must include openid");
        }
        try {
            var processor = new DefaultJWTProcessor<SecurityContext>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS,
                    JWKSourceBuilder.create(discovery.jwksUri().toURL()).retrying(false).build()));
            processor.setJWTClaimsSetVerifier((claims, context) -> { });
            JWTClaimsSet claims = processor.process(idToken, null);
            if (!discovery.issuer().equals(claims.getIssuer())) {
                throw AlaiException.failed("login refused: the ID token was issued by " + claims.getIssuer()
                        + ", not by " + discovery.issuer() + " (the issuer the discovery document names)");
            }
            List<String> audience = claims.getAudience();
            if (audience == null || !audience.contains(clientId)) {
                throw AlaiException.failed("login refused: the ID token is for " + audience + ", not for client " + clientId);
            }
            if (nonce != null && !nonce.equals(claims.getClaim("nonce"))) {
                throw AlaiException.failed("login refused: the ID token's nonce is not this login's");
            }
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date(now.getTime() - 120_000))) {
                throw AlaiException.failed("login refused: the ID token has expired");
            }
            return claims;
        } catch (AlaiException e) {
            throw e;
        } catch (MalformedURLException e) {
            throw AlaiException.failed("jwks_uri " + discovery.jwksUri() + " is not a URL");
        } catch (Exception e) {
            throw AlaiException.failed("login refused: the ID token does not verify against " + discovery.jwksUri() + " ("
                    + e.getMessage() + ")");
        }
    }

    static String account(JWTClaimsSet claims) {
        for (String name : List.of("preferred_username", "email", "name", "sub")) {
            Object value = claims.getClaim(name);
            if (value instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return "(unknown)";
    }
}
