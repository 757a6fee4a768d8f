package com.alai.cloud.services.router.proxy;

import com.alai.cloud.services.common.error.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A caller's request body, checked before any backend sees it: a JSON object with a plain model name, messages
 * (chat) or a prompt (generate) of the right types, a boolean {@code stream}, an object of options. Anything else
 * is a 4xx here, so a hostile body never reaches ANVIL, or costs a token.
 */
public record ModelRequest(Front front, JsonNode body, byte[] raw, String model, boolean stream) {

    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("[A-Za-z0-9._:/@+-]{1,200}");

    public static ModelRequest parse(Front front, byte[] raw, ObjectMapper json) {
        JsonNode body;
        try {
            body = raw.length == 0 ? null : json.readTree(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString());
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not valid UTF-8");
        } catch (IOException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        JsonNode model = body.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw ApiException.badRequest("model is required");
        }
        if (!MODEL.matcher(model.asText()).matches()) {
            throw ApiException.invalid(Map.of("model", "must be 1-200 of A-Z a-z 0-9 . _ : / @ + -"));
        }
        JsonNode stream = body.get("stream");
        if (stream != null && !stream.isBoolean() && !stream.isNull()) {
            throw ApiException.invalid(Map.of("stream", "must be true or false"));
        }
        if (body.has("options") && !body.get("options").isObject()) {
            throw ApiException.invalid(Map.of("options", "must be an object"));
        }
        if (front.chat()) {
            JsonNode messages = body.get("messages");
            boolean required = !front.ollama();
            if (messages == null ? required : !messages.isArray() || required && messages.isEmpty()) {
                throw ApiException.invalid(Map.of("messages", required ? "must be a non-empty array" : "must be an array"));
            }
            if (messages != null) {
                for (JsonNode m : messages) {
                    if (!m.isObject() || !m.path("role").isTextual()) {
                        throw ApiException.invalid(Map.of("messages", "each message must be an object with a role"));
                    }
                }
            }
        } else if (body.has("prompt") && !body.get("prompt").isTextual()) {
            throw ApiException.invalid(Map.of("prompt", "must be a string"));
        }
        boolean streaming = stream == null || stream.isNull() ? front.streamsByDefault() : stream.asBoolean();
        return new ModelRequest(front, body, raw, model.asText(), streaming);
    }
}
