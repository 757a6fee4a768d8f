package com.alai.cloud.services.bitwarden.client;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One decrypted vault item: its name and its readable fields — {@code username}, {@code password}, {@code totp},
 * {@code notes} and every custom field by its own name, as {@code bw:ITEM#FIELD} bindings name them.
 */
public record VaultItem(String id, String name, Map<String, String> fields) {
    public VaultItem {
        fields = Map.copyOf(fields);
    }

    public Optional<String> field(String field) {
        return Optional.ofNullable(fields.get(field)).filter(value -> !value.isEmpty());
    }

    public Set<String> fieldNames() {
        return fields.keySet();
    }

    @Override
    public String toString() {
        return "VaultItem[" + name + ", fields=" + fields.keySet() + "]";
    }
}
