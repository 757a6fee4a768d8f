package com.alai.cloud.services.hivemind.codec;

import com.alai.cloud.services.hivemind.model.Message;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Messages as JSON for REST pages and WebSocket frames, through Jackson's streaming writer (every message is rendered
 * on every replica with a subscriber, so no tree and no mapper). Payload and headers go in as the JSON text
 * PostgreSQL stored and validated, so a message is never parsed again on its way out.
 */
public final class MessageJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private MessageJson() {
    }

    /** A WebSocket frame: {"type":"message", ...}, the same fields as a REST page's messages. */
    public static String frame(Message m) {
        var out = new java.io.StringWriter(160 + m.payloadJson().length() + m.headersJson().length());
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            write(g, m, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A REST page: {"topic":..., "messages":[...], "next": offset to pass as ?after= for the next page}. */
    public static byte[] page(String topic, List<Message> messages, long after) {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("topic", topic);
            g.writeArrayFieldStart("messages");
            for (Message m : messages) {
                write(g, m, false);
            }
            g.writeEndArray();
            g.writeNumberField("next", messages.isEmpty() ? after : messages.get(messages.size() - 1).offset());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Message m, boolean frame) throws IOException {
        g.writeStartObject();
        if (frame) {
            g.writeStringField("type", "message");
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
