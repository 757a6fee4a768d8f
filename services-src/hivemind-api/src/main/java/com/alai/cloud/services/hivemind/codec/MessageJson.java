package com.alai.cloud.services.hivemind.codec;

import com.alai.cloud.services.hivemind.model.Message;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Messages as JSON for REST pages and WebSocket frames. Payload and headers are spliced in as the JSON text
 * PostgreSQL stored, so a message is never parsed again on its way out.
 */
public final class MessageJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MessageJson() {
    }

    /** A WebSocket frame: {"type":"message", ...}. */
    public static String frame(Message message) {
        var out = new ByteArrayOutputStream(256 + message.payloadJson().length());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, message, "message");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A REST page: {"topic":..., "messages":[...], "next": offset to pass as ?after= for the next page}. */
    public static byte[] page(String topic, List<Message> messages, long after) {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("topic", topic);
            g.writeArrayFieldStart("messages");
            for (Message m : messages) {
                write(g, m, null);
            }
            g.writeEndArray();
            g.writeNumberField("next", messages.isEmpty() ? after : messages.get(messages.size() - 1).offset());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Message m, String type) throws IOException {
        g.writeStartObject();
        if (type != null) {
            g.writeStringField("type", type);
        }
        g.writeStringField("topic", m.topic());
        g.writeNumberField("offset", m.offset());
        g.writeStringField("producer", m.producer());
        g.writeStringField("createdAt", m.createdAt().toString());
        g.writeFieldName("headers");
        g.writeRawValue(m.headersJson());
        g.writeFieldName("payload");
        g.writeRawValue(m.payloadJson());
        g.writeEndObject();
    }
}
