package com.alai.cloud.services.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapper of a service, configured once: strict on input (a duplicate key or trailing text is an error,
 * never a silent choice), times as ISO-8601 text on output. Every body, log line and document goes through it.
 */
public final class Json {
    // A holder, so a process that writes no JSON (liveness, the first answer of a new replica) never pays for it.
    private static final class Holder {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(new JavaTimeModule())
                .build();
    }

    private Json() {
    }

    /** The fields {@code body} writes, as one JSON object, without the mapper (for what must not wait for it). */
    public static byte[] streamed(Fields body) {
        var out = new java.io.ByteArrayOutputStream(64);
        try (var g = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            g.writeStartObject();
            body.write(g);
            g.writeEndObject();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @FunctionalInterface
    public interface Fields {
        void write(com.fasterxml.jackson.core.JsonGenerator g) throws java.io.IOException;
    }

    public static ObjectMapper mapper() {
        return Holder.MAPPER;
    }

    /** {@code value} as JSON bytes; a value that cannot be written is a programming error. */
    public static byte[] bytes(Object value) {
        try {
            return Holder.MAPPER.writeValueAsBytes(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }
}
