package com.alai.cloud.services.hivemind.model;

import com.alai.cloud.services.common.auth.Principal;
import java.util.Collection;
import java.util.List;

/**
 * Who may publish to or subscribe on a topic: callers whose token claim {@code claim} holds one of {@code values}
 * (a string claim, or any element of an array claim). A topic without an ACL is open to every authenticated caller.
 */
public record Acl(String claim, List<String> values) {
    public Acl {
        values = List.copyOf(values);
    }

    public boolean permits(Principal principal) {
        Object held = principal.claims().get(claim);
        if (held instanceof Collection<?> many) {
            return many.stream().anyMatch(v -> values.contains(String.valueOf(v)));
        }
        return held != null && values.contains(String.valueOf(held));
    }
}
