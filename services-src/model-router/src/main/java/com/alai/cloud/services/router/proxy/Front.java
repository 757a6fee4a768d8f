package com.alai.cloud.services.router.proxy;

/** The API a caller speaks: Ollama's chat or generate, or OpenAI's chat completions. */
public enum Front {
    OLLAMA_CHAT("/api/chat", true), OLLAMA_GENERATE("/api/generate", true), OPENAI_CHAT("/chat/completions", false);

    private final String ollamaPath;
    private final boolean ollama;

    Front(String ollamaPath, boolean ollama) {
        this.ollamaPath = ollamaPath;
        this.ollama = ollama;
    }

    public boolean ollama() {
        return ollama;
    }

    /** The path on an Ollama backend: its native API, or its OpenAI-compatible one for an OpenAI caller. */
    String onOllama() {
        return ollama ? ollamaPath : "/v1/chat/completions";
    }

    boolean chat() {
        return this != OLLAMA_GENERATE;
    }

    /** Ollama streams unless told not to; OpenAI only when asked. */
    boolean streamsByDefault() {
        return ollama;
    }
}
