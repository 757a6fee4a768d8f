package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A complete response: status, content type (null for none, as a 304 has), body and extra headers (e.g. ETag). */
public record Response(int status, String contentType, byte[] body, Map<String, String> headers) {

    // A holder, so a response that needs no JSON (liveness, the first answer of a new replica) never pays for the
    // mapper's start-up.
    private static final class Mapper {
        static final ObjectMapper JSON = Json.mapper();
    }

    public static Response json(int status, Object value) {
        return json(status, value, Map.of());
    }

    public static Response json(int status, Object value, Map<String, String> headers) {
        try {
            return new Response(status, "application/json", Mapper.JSON.writeValueAsBytes(value), headers);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a response", e);
        }
    }

    public static Response raw(int status, String contentType, byte[] body) {
        return new Response(status, contentType, body, Map.of());
    }
}
