package com.alai.cloud.policy.graph;

import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.pulumi.resources.ResourceTransformation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Collects what the engine would see: the transformation gives type, name, parent, options and typed args of
 * every resource (components included); the mock gives the serialised inputs of custom resources.
 */
final class Recorder implements ResourceTransformation {
    private record Declared(String type, String name, Optional<String> parent, boolean protect,
                            Optional<String> importId, boolean component, Object args) {
    }

    private final List<Declared> declared = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();

    @Override
    public Optional<Result> apply(Args args) {
        Resource resource = args.resource();
        Optional<String> parent = args.options().getParent()
                .filter(p -> !"pulumi:pulumi:Stack".equals(p.pulumiResourceType()))
                .map(p -> p.pulumiResourceType() + "::" + p.pulumiResourceName());
        Optional<String> importId = args.options() instanceof CustomResourceOptions custom
                ? custom.getImportId() : Optional.empty();
        declared.add(new Declared(resource.pulumiResourceType(), resource.pulumiResourceName(), parent,
                args.options().isProtect(), importId, resource instanceof ComponentResource, args.args()));
        return Optional.empty();
    }

    void inputs(String type, String name, Map<String, Object> values) {
        inputs.put(type + "::" + name, new LinkedHashMap<>(values));
    }

    List<ResourceNode> nodes() {
        var nodes = new ArrayList<ResourceNode>();
        synchronized (declared) {
            for (Declared d : declared) {
                Map<String, Object> in = inputs.getOrDefault(d.type() + "::" + d.name(), Map.of());
                nodes.add(new ResourceNode(d.type(), d.name(), d.parent(), in, SecretScanner.secretPaths(d.args()),
                        d.protect(), d.importId(), d.component()));
            }
        }
        return nodes;
    }
}
