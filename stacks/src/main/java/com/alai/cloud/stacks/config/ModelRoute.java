package com.alai.cloud.stacks.config;

import com.alai.cloud.components.secrets.SecretRef;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * One entry of the model route table ({@code modelRoutes}), tried in list order: an Ollama endpoint on the tailnet,
 * or an OpenAI-compatible hosted fallback with its model and the Bitwarden binding of its API key.
 */
public record ModelRoute(String name, RouteKind kind, String url, Optional<String> model, Optional<SecretRef> apiKey) {

    public ModelRoute {
        if (name == null || !name.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("name '" + name + "' must be 1-31 lowercase letters, digits or -");
        }
        if (kind == null) {
            throw new IllegalArgumentException("route " + name + " needs a kind: " + java.util.Arrays.toString(RouteKind.values()));
        }
        if (url == null || !url.matches(kind == RouteKind.OLLAMA ? "https?://[A-Za-z0-9.-]+(:\\d+)?/?" : "https://[^\\s]+")) {
            throw new IllegalArgumentException("route " + name + ": url '" + url + "' must be "
                    + (kind == RouteKind.OLLAMA ? "http(s)://host:port" : "an https:// URL"));
        }
        if (kind == RouteKind.OPENAI && (model.isEmpty() || apiKey.isEmpty())) {
            throw new IllegalArgumentException("route " + name + " (openai) needs model and apiKey (bw:ITEM#FIELD)");
        }
    }

    @JsonCreator
    static ModelRoute of(@JsonProperty("name") String name, @JsonProperty("kind") RouteKind kind,
                         @JsonProperty("url") String url, @JsonProperty("model") String model,
                         @JsonProperty("apiKey") String apiKey) {
        Optional<SecretRef> key = Optional.empty();
        if (apiKey != null) {
            try {
                key = Optional.of(SecretRef.parse(apiKey));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("route " + name + ": apiKey " + e.getMessage());
            }
        }
        return new ModelRoute(name, kind, url, Optional.ofNullable(model).filter(m -> !m.isBlank()), key);
    }
}
