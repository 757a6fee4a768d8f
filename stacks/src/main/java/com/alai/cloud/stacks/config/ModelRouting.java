package com.alai.cloud.stacks.config;

import com.alai.cloud.components.secrets.SecretRef;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Phase 5's route table ({@code modelRoutes}): Ollama endpoints in order of preference, then the hosted fallback.
 * The model router reads it through {@link #routes()}.
 */
public record ModelRouting(List<ModelRoute> routes) {
    public static final String KEY = "modelRoutes";
    private static final List<String> OLD_KEYS = List.of("ollamaEndpoints", "fallbackModelUrl", "fallbackModel", "fallbackModelApiKey");

    public ModelRouting {
        routes = List.copyOf(routes);
        var names = new HashSet<String>();
        for (int i = 0; i < routes.size(); i++) {
            if (!names.add(routes.get(i).name())) {
                throw new ConfigException(KEY + "[" + i + "].name", "'" + routes.get(i).name() + "' names two routes");
            }
        }
    }

    static ModelRouting read(SettingsReader in) {
        var type = new TypeReference<List<ModelRoute>>() { };
        Optional<List<ModelRoute>> routes = in.structured(KEY, type, (key, node) -> Optional.empty());
        if (routes.isEmpty() && OLD_KEYS.stream().anyMatch(k -> in.optional(k).isPresent())) {
            LegacyForms.Converted converted = LegacyForms.replaced(KEY, String.join(", ", OLD_KEYS), legacy(in));
            in.notice(converted.notice());
            routes = Optional.of(SettingsReader.bind(KEY, converted.value(), type));
        }
        return new ModelRouting(routes.orElse(List.of()));
    }

    /** The route table the old keys described: each Ollama endpoint, then the fallback. */
    private static JsonNode legacy(SettingsReader in) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        List<String> endpoints = in.list("ollamaEndpoints");
        for (int i = 0; i < endpoints.size(); i++) {
            list.addObject().put("name", "ollama-" + (i + 1)).put("kind", RouteKind.OLLAMA.toString()).put("url", endpoints.get(i));
        }
        if (in.optional("fallbackModelUrl").isPresent()) {
            ObjectNode fallback = list.addObject().put("name", "fallback").put("kind", RouteKind.OPENAI.toString())
                    .put("url", in.string("fallbackModelUrl"));
            in.optional("fallbackModel").ifPresent(m -> fallback.put("model", m));
            in.optional("fallbackModelApiKey").ifPresent(k -> fallback.put("apiKey", k));
        }
        return list;
    }

    /** The Ollama endpoints, in order. */
    public List<String> ollamaEndpoints() {
        return routes.stream().filter(r -> r.kind() == RouteKind.OLLAMA).map(ModelRoute::url).toList();
    }

    /** Every API key binding the routes need. */
    public List<SecretRef> apiKeys() {
        return routes.stream().flatMap(r -> r.apiKey().stream()).toList();
    }
}
