package com.alai.cloud.services.runner.agent;

import java.math.BigDecimal;
import java.util.List;

/**
 * An agent: data, not code. {@code runtime} picks how it runs ({@code claude-code}, {@code messages}, {@code noop});
 * {@code model} is its model route, {@code provider/model} ({@code anthropic/claude-sonnet-4-5}); {@code systemPrompt}
 * is the body of its file; {@code allowedTools} is all it may use.
 */
public record AgentDefinition(String name, String runtime, ModelRoute model, String systemPrompt,
                              List<String> allowedTools, Limits limits, int priority) {
    public AgentDefinition {
        allowedTools = List.copyOf(allowedTools);
    }

    /** Per-agent bounds: the longest a run may take, what it may cost, how many run at once, how often to try. */
    public record Limits(int maxTimeoutSeconds, BigDecimal maxCostUsd, int concurrency, int maxAttempts, int maxTurns) {
    }

    /** Where an agent's model requests go: a provider this runner knows and the model name there. */
    public record ModelRoute(String provider, String model) {
        public static ModelRoute parse(String route) {
            int slash = route == null ? -1 : route.indexOf('/');
            if (slash <= 0 || slash == route.length() - 1) {
                throw new IllegalArgumentException("model must be provider/model, e.g. anthropic/claude-sonnet-4-5");
            }
            return new ModelRoute(route.substring(0, slash), route.substring(slash + 1));
        }

        @Override
        public String toString() {
            return provider + "/" + model;
        }
    }
}
