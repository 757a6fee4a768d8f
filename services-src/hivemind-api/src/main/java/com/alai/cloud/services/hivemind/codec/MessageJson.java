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

    /**
     * A WebSocket frame: {"type":"message", ...}, the same fields as a REST page's messages. Built by hand: every
     * message is rendered on every replica with a subscriber. Topic names are plain ASCII by construction; headers
     * and payload are PostgreSQL's own JSON text.
     */
    public static String frame(Message m) {
        var frame = new StringBuilder(160 + m.payloadJson().length() + m.headersJson().length());
        frame.append("{\"type\":\"message\",\"topic\":\"").append(m.topic()).append("\",\"offset\":").append(m.offset())
                .append(",\"producer\":");
        quote(frame, m.producer());
        frame.append(",\"createdAt\":\"").append(m.createdAt()).append("\",\"headers\":").append(m.headersJson())
                .append(",\"payload\":").append(m.payloadJson()).append('}');
        return frame.toString();
    }

    private static void quote(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    /** A REST page: {"topic":..., "messages":[...], "next": offset to pass as ?after= for the next page}. */
    public static byte[] page(String topic, List<Message> messages, long after) {
        var out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("topic", topic);
            g.writeArrayFieldStart("messages");
            for (Message m : messages) {
                write(g, m);
            }
            g.writeEndArray();
            g.writeNumberField("next", messages.isEmpty() ? after : messages.get(messages.size() - 1).offset());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void write(JsonGenerator g, Message m) throws IOException {
        g.writeStartObject();
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
