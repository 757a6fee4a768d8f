package com.alai.cloud.services.router.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** The tokens one request used, as the OpenAI-style {@code usage} object reports them. */
public record Tokens(long prompt, long completion) {

    public Tokens {
        if (prompt < 0 || completion < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
    }

    public long total() {
        return prompt + completion;
    }

    /** The usage object of a completion or a chunk; empty when absent or null (every chunk but the last). */
    public static Optional<Tokens> of(JsonNode usage) {
        if (usage == null || !usage.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Tokens(Math.max(0, usage.path("prompt_tokens").asLong()),
                Math.max(0, usage.path("completion_tokens").asLong())));
    }
}
