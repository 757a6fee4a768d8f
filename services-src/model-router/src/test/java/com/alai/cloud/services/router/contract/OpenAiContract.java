package com.alai.cloud.services.router.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The OpenAI chat completions API as Together.ai serves it (platform.openai.com/docs/api-reference/chat,
 * docs.together.ai): {@code POST /v1/chat/completions} with a bearer key; {@code "stream":true} answers
 * {@code text/event-stream} lines {@code data: {chat.completion.chunk}} each followed by a blank line, the last chunk
 * carrying {@code finish_reason} and {@code usage}, then {@code data: [DONE]}; errors as
 * {@code {"error":{"message","type","param","code"}}}.
 */
public final class OpenAiContract extends ContractServer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(8_100_000);
    private final List<String> models;
    private final String apiKey;
    private volatile String reply;

    public OpenAiContract(List<String> models, String apiKey, String reply) {
        this.models = List.copyOf(models);
        this.apiKey = apiKey;
        this.reply = reply;
    }

    /** The base URL a client configures, as https://api.together.xyz/v1. */
    @Override
    public String url() {
        return super.url() + "/v1";
    }

    @Override
    protected void answer(Received request, Exchange exchange) throws IOException {
        if (!(request.method() + " " + request.path()).equals("POST /v1/chat/completions")) {
            exchange.json(404, error("Unknown request URL: " + request.path(), "invalid_request_error", null), Map.of());
            return;
        }
        if (!("Bearer " + apiKey).equals(request.headers().get("authorization"))) {
            exchange.json(401, error("Invalid API key provided", "invalid_request_error", "invalid_api_key"), Map.of());
            return;
        }
        completions(request, exchange, models, reply);
    }

    /** The chat completions answer, also what Ollama's OpenAI-compatible /v1/chat/completions sends (docs/openai.md). */
    static void completions(Received request, Exchange exchange, List<String> models, String reply) throws IOException {
        JsonNode body = OllamaContract.body(request);
        String model = body.path("model").asText("");
        if (!models.contains(model)) {
            exchange.json(404, error("Unable to access model " + model + ". Please visit https://api.together.ai/models",
                    "invalid_request_error", "model_not_available"), Map.of());
            return;
        }
        int promptTokens = 0;
        for (JsonNode m : body.path("messages")) {
            promptTokens += words(m.path("content").asText(""));
        }
        List<String> tokens = tokens(reply);
        String id = "chatcmpl-" + IDS.incrementAndGet();
        long created = System.currentTimeMillis() / 1000;
        if (!body.path("stream").asBoolean(false)) {
            ObjectNode whole = head(id, "chat.completion", created, model);
            ObjectNode choice = whole.putArray("choices").addObject().put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", reply);
            choice.putNull("logprobs");
            choice.put("finish_reason", "stop");
            usage(whole, promptTokens, tokens.size());
            exchange.json(200, whole.toString(), Map.of());
            return;
        }
        exchange.startChunked("text/event-stream;charset=utf-8");
        for (int i = 0; i <= tokens.size(); i++) {
            ObjectNode chunk = head(id, "chat.completion.chunk", created, model);
            ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
            ObjectNode delta = choice.putObject("delta");
            boolean last = i == tokens.size();
            if (i == 0) {
                delta.put("role", "assistant");
            }
            if (!last) {
                delta.put("content", tokens.get(i));
            }
            choice.putNull("logprobs");
            if (last) {
                choice.put("finish_reason", "stop");
                usage(chunk, promptTokens, tokens.size());
            } else {
                choice.putNull("finish_reason");
            }
            exchange.chunk("data: " + chunk + "\n\n");
        }
        exchange.chunk("data: [DONE]\n\n");
        exchange.endChunked();
    }

    @Override
    protected String errorBody(int status, String message) {
        return error(message, status == 429 ? "rate_limit_exceeded" : "server_error", null);
    }

    private static String error(String message, String type, String code) {
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", type).putNull("param").put("code", code);
        return error.toString();
    }

    private static ObjectNode head(String id, String object, long created, String model) {
        return JSON.createObjectNode().put("id", id).put("object", object).put("created", created).put("model", model);
    }

    private static void usage(ObjectNode node, int prompt, int completion) {
        node.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
    }
}
