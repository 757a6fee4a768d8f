package com.alai.cloud.services.common.auth;

import java.util.Map;

/** The authenticated caller: subject and the token's claims. */
public record Principal(String subject, Map<String, Object> claims) {
    public Principal {
        claims = Map.copyOf(claims);
    }
}
