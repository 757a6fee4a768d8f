package com.alai.cloud.services.common.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The authenticated caller: subject and the token's claims. */
public record Principal(String subject, Map<String, Object> claims) {
    public Principal {
        claims = Map.copyOf(claims);
    }

    /** OAuth scopes: Entra's {@code scp} or the standard {@code scope}, space-separated. */
    public Set<String> scopes() {
        Object raw = claims.containsKey("scp") ? claims.get("scp") : claims.get("scope");
        return values(raw, " ");
    }

    /** App roles: Entra's {@code roles} claim, a list or (from some issuers) one comma-separated string. */
    public Set<String> roles() {
        return values(claims.get("roles"), ",");
    }

    private static Set<String> values(Object raw, String separator) {
        if (raw instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        if (raw instanceof String text) {
            return Arrays.stream(text.split(separator)).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }
}
