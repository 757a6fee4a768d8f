package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.auth.Principal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One request as a handler sees it: path parameters resolved, body already read (bounded), caller authenticated. */
public record Request(String method, String path, Map<String, String> pathParams, Map<String, List<String>> query,
                      Map<String, List<String>> headers, byte[] body, String requestId, Optional<Principal> principal) {

    public Optional<String> header(String name) {
        for (var e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return Optional.of(e.getValue().get(0));
            }
        }
        return Optional.empty();
    }

    public Optional<String> param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The body decoded as strict UTF-8; malformed bytes are a 400, never replaced silently. */
    public String bodyText() {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("the body is not valid UTF-8");
        }
    }

    /** The body as a JSON tree, read by the service's one mapper: strict, so a duplicate key or trailing text is a 400. */
    public com.fasterxml.jackson.databind.JsonNode json() {
        requireJson();
        try {
            return com.alai.cloud.services.common.json.Json.mapper().readTree(bodyText());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }

    /** Requires a JSON content type for a request with a body. */
    public void requireJson() {
        String type = header("Content-Type").orElse("");
        if (!type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json");
        }
    }

    public Principal requirePrincipal() {
        return principal.orElseThrow(() -> ApiException.unauthorized("a bearer token is required"));
    }
}
