package com.alai.cloud.services.router.route;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * One route of the table: a backend in order of preference. An Ollama backend serves the models its
 * {@code /api/tags} lists under their own names; an OpenAI-compatible one (Together) serves exactly the models its
 * {@code models} map names, under the backend's names, and is metered: its tokens count against the monthly cap.
 */
public record Backend(String name, Kind kind, URI url, Map<String, String> models) {

    public enum Kind {
        OLLAMA, OPENAI;

        /** The table's spelling: "ollama", or "together" / "openai" for an OpenAI-compatible hosted API. */
        public static Kind parse(String text) {
            return switch (text) {
                case "ollama" -> OLLAMA;
                case "together", "openai" -> OPENAI;
                default -> throw new IllegalArgumentException("kind '" + text + "' must be ollama, together or openai");
            };
        }
    }

    public Backend {
        models = Map.copyOf(models);
    }

    public boolean metered() {
        return kind == Kind.OPENAI;
    }

    /** The backend's name for {@code model}: an Ollama backend's is the same, a hosted one's from its map. */
    public Optional<String> backendModel(String model) {
        return kind == Kind.OLLAMA ? Optional.of(model) : Optional.ofNullable(models.get(model));
    }

    /** {@code path} under the backend's base URL, e.g. /api/chat or /chat/completions (hosted: the base ends in /v1). */
    public URI resolve(String path) {
        String base = url.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }
}
