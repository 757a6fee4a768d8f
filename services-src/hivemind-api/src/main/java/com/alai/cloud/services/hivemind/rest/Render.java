package com.alai.cloud.services.hivemind.rest;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.http.Response;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** JSON responses with times as ISO-8601 text. */
final class Render {
    private static final ObjectMapper JSON = Json.mapper();

    private Render() {
    }

    static Response json(int status, Object value) {
        return json(status, value, Map.of());
    }

    static Response json(int status, Object value, Map<String, String> headers) {
        try {
            return new Response(status, "application/json", JSON.writeValueAsBytes(value), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }
}
