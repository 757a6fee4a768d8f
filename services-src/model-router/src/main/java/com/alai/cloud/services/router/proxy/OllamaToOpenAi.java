package com.alai.cloud.services.router.proxy;

import com.alai.cloud.services.router.usage.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ollama's {@code /api/chat} and {@code /api/generate} spoken to an OpenAI-compatible backend, and its answers back
 * in Ollama's shape. Options with an OpenAI (or Together) counterpart are mapped; the rest ({@code num_ctx}: the
 * hosted model has its own context window; {@code keep_alive}, {@code mirostat}…) are dropped and named in the
 * {@code X-Router-Dropped-Options} header, never silently.
 */
final class OllamaToOpenAi {
    /** Ollama option → the request field an OpenAI-compatible API (Together's extensions included) reads. */
    private static final Map<String, String> OPTIONS = Map.of(
            "temperature", "temperature", "top_p", "top_p", "top_k", "top_k", "num_predict", "max_tokens",
            "stop", "stop", "seed", "seed", "frequency_penalty", "frequency_penalty",
            "presence_penalty", "presence_penalty", "repeat_penalty", "repetition_penalty", "min_p", "min_p");

    record Mapped(ObjectNode body, List<String> dropped) {
    }

    private OllamaToOpenAi() {
    }

    static Mapped request(JsonNode ollama, boolean chat, String backendModel, boolean stream, ObjectMapper json) {
        ObjectNode out = json.createObjectNode().put("model", backendModel);
        ArrayNode messages = out.putArray("messages");
        if (chat) {
            for (JsonNode m : ollama.path("messages")) {
                ObjectNode copy = messages.addObject().put("role", m.path("role").asText("user"))
                        .put("content", m.path("content").asText(""));
                if (m.has("tool_calls")) {
                    copy.set("tool_calls", m.get("tool_calls"));
                }
            }
            if (ollama.has("tools")) {
                out.set("tools", ollama.get("tools"));
            }
        } else {
            if (ollama.hasNonNull("system")) {
                messages.addObject().put("role", "system").put("content", ollama.get("system").asText());
            }
            messages.addObject().put("role", "user").put("content", ollama.path("prompt").asText(""));
        }
        var dropped = new ArrayList<String>();
        ollama.path("options").properties().forEach(e -> {
            String field = OPTIONS.get(e.getKey());
            if (field == null || "max_tokens".equals(field) && e.getValue().asInt() <= 0) {
                dropped.add(e.getKey());
            } else {
                out.set(field, e.getValue());
            }
        });
        JsonNode format = ollama.get("format");
        if (format != null && format.isTextual() && "json".equals(format.asText())) {
            out.putObject("response_format").put("type", "json_object");
        } else if (format != null && format.isObject()) {
            out.putObject("response_format").put("type", "json_schema").putObject("json_schema")
                    .put("name", "response").set("schema", format);
        }
        for (String ignored : List.of("keep_alive", "raw", "context", "suffix", "template", "images")) {
            if (ollama.has(ignored)) {
                dropped.add(ignored);
            }
        }
        out.put("stream", stream);
        if (stream) {
            out.putObject("stream_options").put("include_usage", true);
        }
        return new Mapped(out, List.copyOf(dropped));
    }

    /** One streamed piece in Ollama's shape: {@code {"model","created_at","message"|"response","done":false}}. */
    static ObjectNode part(ObjectMapper json, String model, boolean chat, String content) {
        ObjectNode node = head(json, model);
        content(node, chat, content);
        return node.put("done", false);
    }

    /** The last line (or the whole answer): done, the reason, and the counts the backend reported. */
    static ObjectNode done(ObjectMapper json, String model, boolean chat, String content, String finishReason,
                           Tokens tokens, long nanos) {
        ObjectNode node = head(json, model);
        content(node, chat, content);
        String reason = "length".equals(finishReason) ? "length" : "stop";
        if (chat) {
            node.put("done_reason", reason).put("done", true);
        } else {
            node.put("done", true).put("done_reason", reason);
        }
        return node.put("total_duration", nanos).put("prompt_eval_count", tokens.prompt())
                .put("eval_count", tokens.completion());
    }

    /** A non-streamed chat completion as Ollama's single answer. */
    static ObjectNode whole(ObjectMapper json, JsonNode completion, String model, boolean chat, long nanos) {
        JsonNode choice = completion.path("choices").path(0);
        return done(json, model, chat, choice.path("message").path("content").asText(""),
                choice.path("finish_reason").asText("stop"),
                Tokens.of(completion.get("usage")).orElse(new Tokens(0, 0)), nanos);
    }

    private static ObjectNode head(ObjectMapper json, String model) {
        return json.createObjectNode().put("model", model).put("created_at", Instant.now().toString());
    }

    private static void content(ObjectNode node, boolean chat, String text) {
        if (chat) {
            node.putObject("message").put("role", "assistant").put("content", text);
        } else {
            node.put("response", text);
        }
    }
}
