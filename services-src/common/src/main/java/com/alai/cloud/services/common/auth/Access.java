package com.alai.cloud.services.common.auth;

import com.alai.cloud.services.common.error.ApiException;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may call a route: any valid token, or one carrying at least one of the scopes or app roles named. A token that
 * verifies but lacks them is a 403 naming what is needed, never a 401 (retrying with the same token cannot help).
 */
public record Access(Set<String> scopes, Set<String> roles) {
    /** Any caller with a valid token. */
    public static final Access AUTHENTICATED = new Access(Set.of(), Set.of());

    public Access {
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
    }

    public static Access scope(String... anyOf) {
        return new Access(Set.of(anyOf), Set.of());
    }

    public static Access role(String... anyOf) {
        return new Access(Set.of(), Set.of(anyOf));
    }

    /** Also admits a caller holding any of {@code anyOf} as app roles (a daemon's token carries roles, not scopes). */
    public Access orRole(String... anyOf) {
        return new Access(scopes, Set.of(anyOf));
    }

    public void check(Principal caller) {
        if (scopes.isEmpty() && roles.isEmpty()) {
            return;
        }
        if (caller.scopes().stream().anyMatch(scopes::contains) || caller.roles().stream().anyMatch(roles::contains)) {
            return;
        }
        var needed = new StringBuilder("this route needs");
        if (!scopes.isEmpty()) {
            needed.append(" scope ").append(String.join(" or ", new TreeSet<>(scopes)));
        }
        if (!roles.isEmpty()) {
            needed.append(scopes.isEmpty() ? " " : " or ").append("role ").append(String.join(" or ", new TreeSet<>(roles)));
        }
        throw ApiException.forbidden(needed.toString());
    }
}
