package com.alai.cloud.policy.rules;

import com.alai.cloud.components.azure.AzureType;
import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A policy rule: stable id, severity, one-line rationale, the external checks it mirrors, and which resources
 * it applies to. {@code check} returns a message for a violating resource, empty when it complies.
 */
public record Rule(String id, Severity severity, String title, String rationale, List<String> mirrors,
                   Predicate<ResourceNode> appliesTo, Check check) {

    /** Returns why {@code node} violates the rule, or empty. */
    @FunctionalInterface
    public interface Check {
        Optional<String> apply(ResourceNode node, ResourceGraph graph, PolicyContext context);
    }

    public Rule {
        if (!id.matches("ALAI-\\d{3}")) {
            throw new IllegalArgumentException("rule id " + id + " must be ALAI-NNN");
        }
        mirrors = List.copyOf(mirrors);
    }

    /** Resources this rule applies to in {@code graph}. */
    public List<ResourceNode> subjects(ResourceGraph graph) {
        return graph.resources().stream().filter(r -> !r.component()).filter(appliesTo).toList();
    }

    public List<Finding> evaluate(ResourceGraph graph, PolicyContext context) {
        var findings = new ArrayList<Finding>();
        for (ResourceNode node : subjects(graph)) {
            check.apply(node, graph, context).ifPresent(message -> findings.add(new Finding(node.physicalName(), message)));
        }
        return findings;
    }

    static Predicate<ResourceNode> type(AzureType type) {
        return node -> type.matches(node.type());
    }

    static Optional<String> failIf(boolean violated, String message) {
        return violated ? Optional.of(message) : Optional.empty();
    }
}
