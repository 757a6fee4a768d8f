package com.alai.cloud.services.hivemind.codec;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.hivemind.model.Acl;
import com.alai.cloud.services.hivemind.model.NewMessage;
import com.alai.cloud.services.hivemind.model.NewTopic;
import com.alai.cloud.services.hivemind.model.Retention;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Strict parsing of HiveMind request bodies: known fields only, exact types, bounded sizes, one message a field. */
public final class Bodies {
    static final ObjectMapper JSON = Json.mapper();
    private static final int MAX_HEADERS = 32;
    private static final int MAX_HEADER_VALUE = 1024;
    private static final int MAX_ACL_VALUES = 50;

    private Bodies() {
    }

    public static NewTopic newTopic(Request request) {
        JsonNode root = object(request, Set.of("name", "retention", "publishers", "subscribers"));
        var errors = new TreeMap<String, String>();
        String name = root.path("name").isTextual() ? root.get("name").asText() : null;
        if (name == null) {
            errors.put("name", "is required and must be a string");
        } else if (!Names.TOPIC.matcher(name).matches()) {
            errors.put("name", "must be 1-128 of a-z 0-9 . _ - and start with a letter or digit");
        }
        Retention retention = retention(root.get("retention"), errors);
        Acl publishers = acl(root.get("publishers"), "publishers", errors);
        Acl subscribers = acl(root.get("subscribers"), "subscribers", errors);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewTopic(name, retention, publishers, subscribers);
    }

    /**
     * Streams the body once and keeps the payload as the exact JSON text sent: publishing is the hot path, and
     * PostgreSQL parses it into jsonb anyway.
     */
    public static NewMessage newMessage(Request request, String producer, int maxPayloadBytes) {
        request.requireJson();
        String text = request.bodyText();
        String payload = null;
        JsonNode headersNode = null;
        var errors = new TreeMap<String, String>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("payload")) {
                    payload = raw(p, text);
                } else if (field.equals("headers")) {
                    headersNode = JSON.readTree(raw(p, text));
                } else {
                    p.skipChildren();
                    errors.put(field, "is not a known field (known: headers, payload)");
                }
            }
            if (p.nextToken() != null) {
                throw ApiException.badRequest("the body is not well-formed JSON");
            }
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the body is not well-formed JSON");
        }
        if (payload == null) {
            errors.put("payload", "is required (any JSON value)");
        } else if (payload.length() > maxPayloadBytes
                || payload.getBytes(StandardCharsets.UTF_8).length > maxPayloadBytes) {
            throw ApiException.tooLarge("the payload exceeds " + maxPayloadBytes + " bytes");
        }
        String headers = headers(headersNode, errors);
        String key = request.header("Idempotency-Key").orElse(null);
        if (key != null && !Names.IDEMPOTENCY_KEY.matcher(key).matches()) {
            errors.put("Idempotency-Key", "must be 1-128 printable ASCII characters");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return new NewMessage(producer, key, headers, payload);
    }

    // The exact text of the value at the parser's current token; strings are parsed lazily, so finish it first.
    private static String raw(JsonParser p, String text) throws java.io.IOException {
        int start = (int) p.currentTokenLocation().getCharOffset();
        p.skipChildren();
        p.finishToken();
        return text.substring(start, (int) p.currentLocation().getCharOffset());
    }

    /** {"offset": N, "reset": false}: a commit; reset=true lets it move backwards. */
    public static Map.Entry<Long, Boolean> commit(Request request) {
        JsonNode root = object(request, Set.of("offset", "reset"));
        var errors = new TreeMap<String, String>();
        JsonNode offset = root.get("offset");
        if (offset == null || !offset.isIntegralNumber() || !offset.canConvertToLong() || offset.asLong() < 0) {
            errors.put("offset", "is required and must be a whole number >= 0");
        }
        JsonNode reset = root.get("reset");
        if (reset != null && !reset.isBoolean()) {
            errors.put("reset", "must be true or false");
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return Map.entry(offset.asLong(), reset != null && reset.asBoolean());
    }

    private static JsonNode object(Request request, Set<String> fields) {
        request.requireJson();
        JsonNode root;
        try {
            root = JSON.readTree(request.bodyText());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("the body is not well-formed JSON");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        var unknown = new TreeMap<String, String>();
        root.fieldNames().forEachRemaining(f -> {
            if (!fields.contains(f)) {
                unknown.put(f, "is not a known field (known: " + String.join(", ", fields.stream().sorted().toList())
                        + ")");
            }
        });
        if (!unknown.isEmpty()) {
            throw ApiException.invalid(unknown);
        }
        return root;
    }

    private static Retention retention(JsonNode node, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return Retention.FOREVER;
        }
        if (!node.isObject()) {
            errors.put("retention", "must be an object with maxAgeSeconds and/or maxCount");
            return Retention.FOREVER;
        }
        node.fieldNames().forEachRemaining(f -> {
            if (!Set.of("maxAgeSeconds", "maxCount").contains(f)) {
                errors.put("retention." + f, "is not a known field (known: maxAgeSeconds, maxCount)");
            }
        });
        Long age = positive(node.get("maxAgeSeconds"), "retention.maxAgeSeconds", 10L * 366 * 86_400, errors);
        Long count = positive(node.get("maxCount"), "retention.maxCount", 1_000_000_000L, errors);
        return new Retention(age, count);
    }

    private static Long positive(JsonNode node, String field, long max, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1 || node.asLong() > max) {
            errors.put(field, "must be a whole number from 1 to " + max);
            return null;
        }
        return node.asLong();
    }

    private static Acl acl(JsonNode node, String field, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        JsonNode claim = node.get("claim");
        JsonNode values = node.get("values");
        if (!node.isObject() || node.size() != 2 || claim == null || !claim.isTextual()
                || !Names.CLAIM.matcher(claim.asText()).matches() || values == null || !values.isArray()
                || values.isEmpty() || values.size() > MAX_ACL_VALUES) {
            errors.put(field, "must be {\"claim\": NAME, \"values\": [1-" + MAX_ACL_VALUES + " strings]}");
            return null;
        }
        var list = new ArrayList<String>();
        for (JsonNode v : values) {
            if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > 200) {
                errors.put(field + ".values", "must be strings of 1-200 characters");
                return null;
            }
            list.add(v.asText());
        }
        return new Acl(claim.asText(), List.copyOf(list));
    }

    private static String headers(JsonNode node, Map<String, String> errors) {
        if (node == null || node.isNull()) {
            return "{}";
        }
        if (!node.isObject() || node.size() > MAX_HEADERS) {
            errors.put("headers", "must be an object of at most " + MAX_HEADERS + " string values");
            return null;
        }
        var it = node.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (!Names.HEADER.matcher(e.getKey()).matches()) {
                errors.put("headers." + e.getKey(), "names must be 1-64 of A-Z a-z 0-9 . _ -");
            } else if (!e.getValue().isTextual() || e.getValue().asText().length() > MAX_HEADER_VALUE) {
                errors.put("headers." + e.getKey(), "must be a string of at most " + MAX_HEADER_VALUE + " characters");
            }
        }
        return write(node);
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
