package com.alai.cloud.policy.graph;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One declared resource as the engine would receive it: type token, logical name, parent, inputs, which input
 * paths hold secrets (e.g. {@code configuration.secrets[0].value}), and its resource options.
 */
public record ResourceNode(String type, String name, Optional<String> parent, Map<String, Object> inputs,
                           Set<String> secretPaths, boolean protect, Optional<String> importId, boolean component) {

    public ResourceNode {
        Objects.requireNonNull(type, "type");
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(inputs));
        secretPaths = Set.copyOf(secretPaths);
    }

    /** The name Azure will know the resource by (its *Name input), or the logical name when it has none. */
    public String physicalName() {
        return physicalName(type, inputs, name);
    }

    static String physicalName(String type, Map<String, Object> inputs, String logicalName) {
        String own = switch (type.substring(type.lastIndexOf(':') + 1)) {
            case "StorageAccount" -> "accountName";
            case "Server" -> "serverName";
            case "UserAssignedIdentity" -> "resourceName";
            case "ResourceGroup" -> "resourceGroupName";
            default -> null;
        };
        if (own != null && inputs.get(own) instanceof String s) {
            return s;
        }
        for (Map.Entry<String, Object> e : inputs.entrySet()) {
            String key = e.getKey();
            if (key.endsWith("Name") && !List.of("resourceGroupName", "accountName", "serverName", "managedEnvironmentName")
                    .contains(key) && e.getValue() instanceof String s) {
                return s;
            }
        }
        return logicalName;
    }

    /** "type::name", unique within a stack. */
    public String key() {
        return type + "::" + name;
    }

    /** The value at a dotted path such as {@code template.scale.minReplicas} or {@code configuration.registries[0].identity}. */
    public Optional<Object> at(String path) {
        Object current = inputs;
        for (String segment : path.split("\\.")) {
            String field = segment;
            Integer index = null;
            int bracket = segment.indexOf('[');
            if (bracket >= 0) {
                field = segment.substring(0, bracket);
                index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
            }
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(field);
            if (index != null) {
                if (!(current instanceof List<?> list) || index >= list.size()) {
                    return Optional.empty();
                }
                current = list.get(index);
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    public Optional<String> string(String path) {
        return at(path).map(String::valueOf);
    }

    /** A list input, or empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        return at(path).filter(v -> v instanceof List<?>).map(v -> (List<Object>) v).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    public Map<String, String> tags() {
        return at("tags").filter(v -> v instanceof Map<?, ?>).map(v -> (Map<String, String>) v).orElse(Map.of());
    }

    public boolean isSecret(String path) {
        return secretPaths.contains(path);
    }

    /** The short type, e.g. "app:ContainerApp" for "azure-native:app:ContainerApp". */
    public String shortType() {
        int first = type.indexOf(':');
        return first < 0 ? type : type.substring(first + 1);
    }
}
