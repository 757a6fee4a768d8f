package com.alai.cloud.services.runner.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an agent file: Markdown with YAML front matter (the layout Claude Code's own agent files use), the front
 * matter holding the settings and the body the system prompt. Unknown keys are errors, so a typo is not ignored.
 */
public final class DefinitionParser {
    public static final Set<String> RUNTIMES = Set.of("claude-code", "messages", "noop");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9_():*. /-]{1,100}");
    private static final Set<String> KEYS = Set.of("name", "description", "runtime", "model", "allowedTools", "limits",
            "priority");
    private static final Set<String> LIMIT_KEYS = Set.of("timeoutSeconds", "maxCostUsd", "concurrency", "maxAttempts",
            "maxTurns");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private DefinitionParser() {
    }

    public static AgentDefinition parse(String file, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new DefinitionError(file, "must start with a '---' line opening its YAML front matter");
        }
        int end = normalized.indexOf("\n---", 3);
        if (end < 0) {
            throw new DefinitionError(file, "its front matter has no closing '---' line");
        }
        JsonNode front;
        try {
            front = YAML.readTree(normalized.substring(4, end + 1));
        } catch (Exception e) {
            throw new DefinitionError(file, "its front matter is not YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (front == null || !front.isObject()) {
            throw new DefinitionError(file, "its front matter must be a mapping");
        }
        unknown(file, front, KEYS, "");
        String body = normalized.substring(end + 4).replaceFirst("^[^\n]*\n", "").strip();
        String name = text(file, front, "name", NAME);
        String runtime = front.path("runtime").asText("");
        if (!RUNTIMES.contains(runtime)) {
            throw new DefinitionError(file, "runtime must be one of " + String.join(", ", new java.util.TreeSet<>(RUNTIMES)));
        }
        AgentDefinition.ModelRoute model;
        try {
            model = AgentDefinition.ModelRoute.parse(front.path("model").asText(null));
        } catch (IllegalArgumentException e) {
            throw new DefinitionError(file, e.getMessage());
        }
        var tools = new ArrayList<String>();
        for (JsonNode tool : front.path("allowedTools")) {
            if (!tool.isTextual() || !TOOL.matcher(tool.asText()).matches()) {
                throw new DefinitionError(file, "allowedTools holds an invalid tool name: " + tool);
            }
            tools.add(tool.asText());
        }
        JsonNode limits = front.path("limits");
        unknown(file, limits, LIMIT_KEYS, "limits.");
        var parsed = new AgentDefinition.Limits(
                bounded(file, limits, "timeoutSeconds", 600, 1, 86_400),
                cost(file, limits),
                bounded(file, limits, "concurrency", 2, 1, 1_000),
                bounded(file, limits, "maxAttempts", 3, 1, 10),
                bounded(file, limits, "maxTurns", 20, 1, 200));
        return new AgentDefinition(name, runtime, model, body, tools, parsed,
                bounded(file, front, "priority", 0, -100, 100));
    }

    private static void unknown(String file, JsonNode node, Set<String> known, String prefix) {
        List<String> extra = new ArrayList<>();
        node.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                extra.add(prefix + k);
            }
        });
        if (!extra.isEmpty()) {
            throw new DefinitionError(file, "unknown keys " + extra + "; known: " + new java.util.TreeSet<>(known));
        }
    }

    private static String text(String file, JsonNode node, String key, Pattern pattern) {
        String value = node.path(key).asText("");
        if (!pattern.matcher(value).matches()) {
            throw new DefinitionError(file, key + " must match " + pattern.pattern());
        }
        return value;
    }

    private static int bounded(String file, JsonNode node, String key, int fallback, int min, int max) {
        JsonNode value = node.path(key);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new DefinitionError(file, key + " must be an integer in " + min + ".." + max);
        }
        return value.asInt();
    }

    private static BigDecimal cost(String file, JsonNode limits) {
        JsonNode value = limits.path("maxCostUsd");
        if (value.isMissingNode() || value.isNull()) {
            return new BigDecimal("1.00");
        }
        if (!value.isNumber() || value.decimalValue().signum() <= 0 || value.decimalValue().compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new DefinitionError(file, "limits.maxCostUsd must be a number in (0, 1000]");
        }
        return value.decimalValue();
    }
}
