package com.alai.cloud.deploy.plan;

import com.alai.cloud.policy.graph.ResourceGraph;
import com.alai.cloud.policy.graph.ResourceNode;
import java.util.List;

/** Prints a stack's resources as a tree: components, then their children with key properties. */
public final class TreeRenderer {
    private TreeRenderer() {
    }

    public static String render(ResourceGraph graph) {
        var out = new StringBuilder();
        List<ResourceNode> roots = graph.resources().stream()
                .filter(r -> r.parent().isEmpty() && !r.type().equals("pulumi:pulumi:Stack"))
                .toList();
        for (int i = 0; i < roots.size(); i++) {
            node(out, graph, roots.get(i), "", i == roots.size() - 1);
        }
        return out.toString();
    }

    private static void node(StringBuilder out, ResourceGraph graph, ResourceNode node, String indent, boolean last) {
        out.append(indent).append(last ? "└─ " : "├─ ").append(label(node));
        String summary = node.component() ? "" : ResourceSummary.of(node);
        if (!summary.isEmpty()) {
            out.append("  ").append(summary);
        }
        out.append('\n');
        List<ResourceNode> children = graph.childrenOf(node);
        for (int i = 0; i < children.size(); i++) {
            node(out, graph, children.get(i), indent + (last ? "   " : "│  "), i == children.size() - 1);
        }
    }

    private static String label(ResourceNode node) {
        if (node.component()) {
            return node.type().substring(node.type().lastIndexOf(':') + 1) + " " + node.name();
        }
        if (node.type().equals("pulumi:pulumi:StackReference")) {
            return "StackReference " + node.name();
        }
        return node.shortType() + " " + node.physicalName();
    }
}
