package com.alai.cloud.services.common.auth;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies bearer JWTs against an OIDC issuer: the JWKS address comes from the issuer's discovery document (fetched on
 * first use, then cached with the keys), and issuer, audience, expiry and signature (RS/ES/PS) must all hold.
 */
public final class JwtVerifier {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.PS256);

    private final String issuer;
    private final String audience;
    private static final int CACHE_LIMIT = 4_096;
    private volatile DefaultJWTProcessor<SecurityContext> processor;
    // A token already verified is trusted until it expires: agents reuse one token for thousands of calls, and
    // a signature check per call is most of a small replica's CPU. Bounded; cleared whole when full.
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(Principal principal, long expiresAtMillis) {
    }

    public JwtVerifier(String issuer, String audience) {
        this.issuer = issuer;
        this.audience = audience;
    }

    public Principal verify(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("send Authorization: Bearer <token>");
        }
        String token = authorization.substring(7).strip();
        if (token.isEmpty() || token.length() > 16_384) {
            throw ApiException.unauthorized("the bearer token is empty or too long");
        }
        Verified known = verified.get(token);
        if (known != null && System.currentTimeMillis() < known.expiresAtMillis()) {
            return known.principal();
        }
        try {
            JWTClaimsSet claims = processor().process(token, null);
            var principal = new Principal(claims.getSubject(), claims.getClaims());
            if (verified.size() >= CACHE_LIMIT) {
                verified.clear();
            }
            verified.put(token, new Verified(principal, claims.getExpirationTime().getTime()));
            return principal;
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            // The reason (expired, wrong audience, bad signature) helps the client; the token itself is never echoed.
            throw ApiException.unauthorized("invalid token: " + reason(e));
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 160 ? message.substring(0, 160) : message;
    }

    private DefaultJWTProcessor<SecurityContext> processor() {
        DefaultJWTProcessor<SecurityContext> current = processor;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (processor == null) {
                processor = build(discover());
            }
            return processor;
        }
    }

    /** The issuer's discovery document: the JWKS address, and the issuer name its tokens carry. */
    private record Discovery(URI jwks, String issuer) {
    }

    private DefaultJWTProcessor<SecurityContext> build(Discovery discovery) {
        URI jwks = discovery.jwks();
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(jwks.toURL())
                    .cache(Duration.ofHours(1).toMillis(), Duration.ofSeconds(30).toMillis())
                    .retrying(true)
                    .build();
            var p = new DefaultJWTProcessor<SecurityContext>();
            p.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
            p.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                    new JWTClaimsSet.Builder().issuer(discovery.issuer()).build(), new HashSet<>(Set.of("sub", "exp", "iat"))));
            return p;
        } catch (Exception e) {
            throw ApiException.unavailable("cannot use the issuer's keys at " + jwks);
        }
    }

    // Azure AD B2C serves discovery under the policy URL but names the tenant GUID as issuer, so the issuer tokens
    // must carry is the one the (HTTPS) discovery document states, as OIDC clients do.
    private Discovery discover() {
        String discovery = issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration";
        try {
            HttpResponse<String> response = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(HttpRequest.newBuilder(URI.create(discovery)).timeout(Duration.ofSeconds(10)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw ApiException.unavailable("the OIDC issuer answered " + response.statusCode() + " for " + discovery);
            }
            JsonNode doc = JSON.readTree(response.body());
            String named = doc.path("issuer").asText();
            String jwks = doc.path("jwks_uri").asText();
            if (named.isBlank() || !jwks.startsWith(issuer.startsWith("https://") ? "https://" : "http")) {
                throw ApiException.unavailable("the discovery document at " + discovery + " names no issuer or JWKS address");
            }
            return new Discovery(URI.create(jwks), named);
        } catch (ApiException e) {
            throw e;
        } catch (Exception e) {
            throw ApiException.unavailable("cannot reach the OIDC issuer at " + discovery);
        }
    }
}
