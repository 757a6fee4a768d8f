package com.alai.cloud.services.router.proxy;

import com.alai.cloud.services.router.usage.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Copies a committed backend stream to the caller line by line, each line flushed as it arrives (no buffering of
 * the answer), and makes the end explicit: a stream that stops before the backend said it was done (Ollama's
 * {@code "done":true}, the SSE {@code data: [DONE]}) ends with an error line or event, so the caller knows the
 * answer is incomplete. Nothing is retried elsewhere once a byte has gone out. A failed write means the caller left.
 */
final class Relay {
    private static final byte[] NEWLINE = {'\n'};
    private static final String DONE = "data: [DONE]";
    private final ObjectMapper json;

    Relay(ObjectMapper json) {
        this.json = json;
    }

    /** What a relayed stream ended with: complete or cut, and the usage the backend reported, if any. */
    record Ended(boolean complete, Optional<Tokens> tokens) {
    }

    /** Ollama NDJSON to an Ollama caller, verbatim. */
    Ended ndjson(Upstream.Opened from, OutputStream to) throws IOException {
        byte[] last = from.first();
        write(to, last);
        try {
            for (byte[] line = from.next(); line != null; line = from.next()) {
                write(to, line);
                if (line.length > 0) {
                    last = line;
                }
            }
        } catch (ClientGone gone) {
            throw gone.getCause();
        } catch (IOException cut) {
            return cutNdjson(from, to);
        }
        return ndjsonDone(last) ? new Ended(true, Optional.empty()) : cutNdjson(from, to);
    }

    /** OpenAI SSE to an OpenAI caller, verbatim, watching for the usage and the [DONE]. */
    Ended sse(Upstream.Opened from, OutputStream to) throws IOException {
        Optional<Tokens> tokens = Optional.empty();
        byte[] line = from.first();
        boolean blank = true;
        try {
            while (line != null) {
                write(to, line);
                String text = new String(line, StandardCharsets.UTF_8);
                blank = text.isEmpty();
                if (text.equals(DONE)) {
                    return new Ended(true, tokens);
                }
                Optional<Tokens> seen = usage(text);
                if (seen.isPresent()) {
                    tokens = seen;
                }
                line = from.next();
            }
        } catch (ClientGone gone) {
            throw gone.getCause();
        } catch (IOException cut) {
            // Falls through to the explicit error event.
        }
        if (!blank) {
            write(to, new byte[0]);
        }
        String event = "data: " + json.createObjectNode().set("error", json.createObjectNode()
                .put("message", cutMessage(from)).put("type", "upstream_error").putNull("param")
                .put("code", "stream_cut")) + "\n";
        write(to, event.getBytes(StandardCharsets.UTF_8));
        return new Ended(false, tokens);
    }

    /** OpenAI SSE from a hosted backend to an Ollama caller, as Ollama's NDJSON. */
    Ended sseToNdjson(Upstream.Opened from, OutputStream to, String model, boolean chat, long startNanos)
            throws IOException {
        Optional<Tokens> tokens = Optional.empty();
        String finish = null;
        try {
            for (byte[] line = from.first(); line != null; line = from.next()) {
                String text = new String(line, StandardCharsets.UTF_8);
                if (text.equals(DONE)) {
                    ObjectNode last = OllamaToOpenAi.done(json, model, chat, "", finish,
                            tokens.orElse(new Tokens(0, 0)), System.nanoTime() - startNanos);
                    write(to, json.writeValueAsBytes(last));
                    return new Ended(true, tokens);
                }
                if (!text.startsWith("data: ")) {
                    continue;
                }
                JsonNode chunk = json.readTree(text.substring(6));
                Optional<Tokens> seen = Tokens.of(chunk.get("usage"));
                if (seen.isPresent()) {
                    tokens = seen;
                }
                JsonNode choice = chunk.path("choices").path(0);
                if (choice.hasNonNull("finish_reason")) {
                    finish = choice.get("finish_reason").asText();
                }
                String content = choice.path("delta").path("content").asText("");
                if (!content.isEmpty()) {
                    write(to, json.writeValueAsBytes(OllamaToOpenAi.part(json, model, chat, content)));
                }
            }
        } catch (ClientGone gone) {
            throw gone.getCause();
        } catch (IOException cut) {
            // Falls through to the explicit error line.
        }
        cutNdjson(from, to);
        return new Ended(false, tokens);
    }

    /** A whole non-streamed body, bounded; a body cut before its end is an IOException. */
    static byte[] readAll(Upstream.Opened from, int max) throws IOException {
        var all = new ByteArrayOutputStream();
        all.write(from.first());
        for (byte[] line = from.next(); line != null; line = from.next()) {
            all.write('\n');
            all.write(line);
            if (all.size() > max) {
                throw new IOException("the backend's answer exceeds " + max + " bytes");
            }
        }
        return all.toByteArray();
    }

    Optional<Tokens> usage(String sseLine) {
        if (!sseLine.startsWith("data: {") || !sseLine.contains("\"usage\"")) {
            return Optional.empty();
        }
        try {
            return Tokens.of(json.readTree(sseLine.substring(6)).get("usage"));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    private boolean ndjsonDone(byte[] line) {
        try {
            JsonNode node = json.readTree(line);
            return node != null && (node.path("done").asBoolean(false) || node.has("error"));
        } catch (IOException notJson) {
            return false;
        }
    }

    private Ended cutNdjson(Upstream.Opened from, OutputStream to) throws IOException {
        write(to, json.writeValueAsBytes(json.createObjectNode().put("error", cutMessage(from))));
        return new Ended(false, Optional.empty());
    }

    private static String cutMessage(Upstream.Opened from) {
        return "the backend '" + from.backend().name() + "' cut the stream before it was done; the answer is "
                + "incomplete and was not retried elsewhere (retry the request if you want a complete one)";
    }

    /** Writes a line to the caller; a failure there is the caller leaving, never a cut backend. */
    private static void write(OutputStream to, byte[] line) throws ClientGone {
        try {
            to.write(line);
            to.write(NEWLINE);
            to.flush();
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    /** The caller closed its connection; distinct from a backend's cut so that it is not reported as one. */
    static final class ClientGone extends IOException {
        ClientGone(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }
}
