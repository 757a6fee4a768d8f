package com.alai.cloud.deploy.plan;

import com.alai.cloud.policy.graph.ResourceNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine form of a plan. Secret inputs are replaced by "[secret]"; nothing secret is ever printed. */
public final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    public static String render(List<StackPlan> plans) {
        var stacks = plans.stream().map(PlanJson::stack).toList();
        try {
            return JSON.writeValueAsString(Map.of("stacks", stacks,
                    "ok", plans.stream().noneMatch(StackPlan::blocked)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> stack(StackPlan plan) {
        var out = new LinkedHashMap<String, Object>();
        out.put("stack", plan.graph().stack());
        out.put("phase", plan.phase().number());
        out.put("resources", plan.graph().resources().stream().map(PlanJson::resource).toList());
        out.put("policy", plan.policy());
        var cost = new LinkedHashMap<String, Object>();
        cost.put("lines", plan.cost().lines());
        cost.put("total", plan.cost().total());
        cost.put("budget", plan.cost().budget().orElse(null));
        cost.put("overBudget", plan.cost().overBudget());
        cost.put("seedEstimate", plan.cost().seedEstimate().orElse(null));
        out.put("cost", cost);
        out.put("blocked", plan.blocked());
        return out;
    }

    private static Map<String, Object> resource(ResourceNode node) {
        var out = new LinkedHashMap<String, Object>();
        out.put("type", node.type());
        out.put("name", node.name());
        out.put("physicalName", node.physicalName());
        out.put("parent", node.parent().orElse(null));
        out.put("protect", node.protect());
        out.put("secretInputs", node.secretPaths().stream().sorted().toList());
        out.put("inputs", redact(node.inputs(), "", node));
        return out;
    }

    private static Object redact(Object value, String path, ResourceNode node) {
        if (!path.isEmpty() && node.isSecret(path)) {
            return "[secret]";
        }
        if (value instanceof Map<?, ?> map) {
            var out = new LinkedHashMap<String, Object>();
            map.forEach((k, v) -> out.put(String.valueOf(k), redact(v, path.isEmpty() ? String.valueOf(k) : path + "." + k, node)));
            return out;
        }
        if (value instanceof List<?> list) {
            var out = new java.util.ArrayList<Object>();
            for (int i = 0; i < list.size(); i++) {
                out.add(redact(list.get(i), path + "[" + i + "]", node));
            }
            return out;
        }
        return value;
    }
}
