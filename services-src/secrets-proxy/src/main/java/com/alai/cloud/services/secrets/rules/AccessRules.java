package com.alai.cloud.services.secrets.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which role may read which fields of which Bitwarden items, from configuration — everything else is denied. The
 * document is {@code {"ROLE": {"ITEM": ["FIELD", …]}, …}}; names are exact (no wildcards: a new item or field is
 * unreadable until a rule names it).
 */
public final class AccessRules {
    private static final String NAME = "[A-Za-z0-9][A-Za-z0-9._:/@-]{0,127}";

    private final Map<String, Map<String, Set<String>>> byRole;

    private AccessRules(Map<String, Map<String, Set<String>>> byRole) {
        this.byRole = Map.copyOf(byRole);
    }

    /** @throws IllegalArgumentException naming the offending role, item or field */
    public static AccessRules parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("is not JSON ({\"ROLE\": {\"ITEM\": [\"FIELD\"]}})");
        }
        if (root == null || !root.isObject() || root.isEmpty()) {
            throw new IllegalArgumentException("must be a non-empty object {\"ROLE\": {\"ITEM\": [\"FIELD\"]}}");
        }
        var byRole = new LinkedHashMap<String, Map<String, Set<String>>>();
        for (var role : root.properties()) {
            check(role.getKey(), "role");
            if (!role.getValue().isObject()) {
                throw new IllegalArgumentException("role " + role.getKey() + ": must map items to field lists");
            }
            var items = new LinkedHashMap<String, Set<String>>();
            for (var item : role.getValue().properties()) {
                check(item.getKey(), "item");
                if (!item.getValue().isArray() || item.getValue().isEmpty()) {
                    throw new IllegalArgumentException("role " + role.getKey() + ", item " + item.getKey()
                            + ": must list at least one field");
                }
                var fields = new TreeSet<String>();
                for (JsonNode field : item.getValue()) {
                    check(field.asText(""), "field");
                    fields.add(field.asText());
                }
                items.put(item.getKey(), Set.copyOf(fields));
            }
            byRole.put(role.getKey(), Map.copyOf(items));
        }
        return new AccessRules(byRole);
    }

    private static void check(String name, String what) {
        if (!name.matches(NAME)) {
            throw new IllegalArgumentException(what + " name '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                    + "' is not a valid name (letters, digits, . _ : / @ -; at most 128)");
        }
    }

    /** True only when one of the caller's roles names this item and this field. */
    public boolean allows(Collection<String> roles, String item, String field) {
        return roles.stream().map(byRole::get).filter(java.util.Objects::nonNull)
                .anyMatch(items -> items.getOrDefault(item, Set.of()).contains(field));
    }

    public Set<String> roles() {
        return byRole.keySet();
    }
}
