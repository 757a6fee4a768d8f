package com.alai.cloud.policy.graph;

import com.alai.cloud.components.azure.AzureType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything one stack declares, as seen offline: resources in declaration order and the stack's exports. */
public record ResourceGraph(String stack, List<ResourceNode> resources, Map<String, Object> exports) {

    public ResourceGraph {
        resources = List.copyOf(resources);
        exports = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(exports));
    }

    /** Cloud resources (not components, not stack references). */
    public List<ResourceNode> cloudResources() {
        return resources.stream().filter(r -> !r.component() && r.type().startsWith(AzureType.PROVIDER)).toList();
    }

    public List<ResourceNode> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** The resources of {@code type}, whatever API version they bind. */
    public List<ResourceNode> ofType(AzureType type) {
        return resources.stream().filter(r -> type.matches(r.type())).toList();
    }

    public List<ResourceNode> childrenOf(ResourceNode parent) {
        return resources.stream().filter(r -> r.parent().filter(parent.key()::equals).isPresent()).toList();
    }

    public Optional<ResourceNode> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }
}
