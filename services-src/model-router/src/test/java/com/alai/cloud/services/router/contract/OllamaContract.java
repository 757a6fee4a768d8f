package com.alai.cloud.services.router.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Ollama's HTTP API as github.com/ollama/ollama docs/api.md documents it: {@code POST /api/chat} and
 * {@code POST /api/generate} streaming NDJSON by default (one JSON object a line, the last with {@code "done":true},
 * the metrics in nanoseconds), a single object with {@code "stream":false}; {@code GET /api/tags};
 * {@code POST /api/show}; errors as {@code {"error":"..."}}. Keys in the order Go's encoder writes the structs.
 */
public final class OllamaContract extends ContractServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> models;
    private volatile String reply;

    /** A server holding these models that answers every prompt with {@code reply}, a token per word. */
    public OllamaContract(List<String> models, String reply) {
        this.models = List.copyOf(models);
        this.reply = reply;
    }

    public void reply(String next) {
        this.reply = next;
    }

    @Override
    protected void answer(Received request, Exchange exchange) throws IOException {
        switch (request.method() + " " + request.path()) {
            case "GET /api/tags" -> exchange.json(200, tags(), Map.of());
            case "POST /api/show" -> show(request, exchange);
            case "POST /api/chat" -> generate(request, exchange, true);
            case "POST /api/generate" -> generate(request, exchange, false);
            case "POST /v1/chat/completions" -> OpenAiContract.completions(request, exchange, models, reply);
            default -> exchange.json(404, "404 page not found", Map.of());
        }
    }

    @Override
    protected String errorBody(int status, String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }

    private String tags() {
        var list = JSON.createArrayNode();
        for (String name : models) {
            ObjectNode m = list.addObject().put("name", name).put("model", name)
                    .put("modified_at", "2026-11-30T10:15:00.123456789+01:00").put("size", 42_520_395_169L)
                    .put("digest", "a6eb4748fd2990ad2952b2335a95a7f952d1a06119a0aa6a2df6cd052a93a3fa");
            m.putObject("details").put("parent_model", "").put("format", "gguf").put("family", "llama")
                    .put("parameter_size", "70.6B").put("quantization_level", "Q4_K_M")
                    .putArray("families").add("llama");
        }
        return JSON.createObjectNode().set("models", list).toString();
    }

    private void show(Received request, Exchange exchange) throws IOException {
        String model = body(request).path("model").asText("");
        if (!models.contains(model)) {
            exchange.json(404, errorBody(404, "model '" + model + "' not found"), Map.of());
            return;
        }
        ObjectNode show = JSON.createObjectNode().put("modelfile", "FROM " + model)
                .put("parameters", "stop \"<|eot_id|>\"").put("template", "{{ .Prompt }}");
        show.putObject("details").put("parent_model", "").put("format", "gguf").put("family", "llama")
                .put("parameter_size", "70.6B").put("quantization_level", "Q4_K_M");
        show.putObject("model_info").put("general.architecture", "llama").put("llama.context_length", 131072);
        show.putArray("capabilities").add("completion").add("tools");
        exchange.json(200, show.toString(), Map.of());
    }

    private void generate(Received request, Exchange exchange, boolean chat) throws IOException {
        JsonNode body = body(request);
        String model = body.path("model").asText("");
        if (model.isEmpty()) {
            exchange.json(400, errorBody(400, "model is required"), Map.of());
            return;
        }
        if (!models.contains(model)) {
            exchange.json(404, errorBody(404, "model \"" + model + "\" not found, try pulling it first"), Map.of());
            return;
        }
        int promptTokens = chat ? promptWords(body.path("messages")) : words(body.path("prompt").asText(""));
        List<String> tokens = tokens(reply);
        if (!body.path("stream").asBoolean(true)) {
            ObjectNode whole = head(model);
            content(whole, chat, reply);
            done(whole, chat, promptTokens, tokens.size());
            exchange.json(200, whole.toString(), Map.of());
            return;
        }
        exchange.startChunked("application/x-ndjson");
        for (String token : tokens) {
            ObjectNode part = head(model);
            content(part, chat, token);
            part.put("done", false);
            exchange.chunk(part + "\n");
        }
        ObjectNode last = head(model);
        content(last, chat, "");
        done(last, chat, promptTokens, tokens.size());
        exchange.chunk(last + "\n");
        exchange.endChunked();
    }

    private static ObjectNode head(String model) {
        return JSON.createObjectNode().put("model", model).put("created_at", Instant.now().toString());
    }

    private static void content(ObjectNode node, boolean chat, String text) {
        if (chat) {
            node.putObject("message").put("role", "assistant").put("content", text);
        } else {
            node.put("response", text);
        }
    }

    // ChatResponse writes done_reason before done; GenerateResponse after it, then the context.
    private static void done(ObjectNode node, boolean chat, int promptTokens, int evalTokens) {
        if (chat) {
            node.put("done_reason", "stop").put("done", true);
        } else {
            node.put("done", true).put("done_reason", "stop");
            node.putArray("context").add(128006).add(882).add(128007);
        }
        node.put("total_duration", 4_883_583_458L).put("load_duration", 1_334_875L)
                .put("prompt_eval_count", promptTokens).put("prompt_eval_duration", 342_546_000L)
                .put("eval_count", evalTokens).put("eval_duration", 4_535_599_000L);
    }

    private static int promptWords(JsonNode messages) {
        int n = 0;
        for (JsonNode m : messages) {
            n += words(m.path("content").asText(""));
        }
        return n;
    }

    static JsonNode body(Received request) {
        try {
            return request.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(request.body());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
