package com.alai.cloud.stacks.config;

import com.fasterxml.jackson.annotation.JsonValue;

/** The wire protocol a model route speaks. */
public enum RouteKind {
    /** Ollama's own API (/api/chat, /api/tags), as on ANVIL and FORGE. */
    OLLAMA("ollama"),
    /** An OpenAI-compatible API (/v1/chat/completions), as Together.ai serves. */
    OPENAI("openai");

    private final String wire;

    RouteKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String toString() {
        return wire;
    }
}
