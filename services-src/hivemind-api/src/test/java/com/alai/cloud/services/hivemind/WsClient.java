package com.alai.cloud.services.hivemind;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket subscriber on an independent client library (the JDK's, which answers pings by itself): collects
 * frames, pings and pongs, records the close code, sends acks, pings and closes.
 */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(20);
    final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> pings = new LinkedBlockingQueue<>();
    final BlockingQueue<ByteBuffer> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger pongCount = new java.util.concurrent.atomic.AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WsClient connect(URI uri, String token) throws Exception {
        var client = new WsClient();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(Fixture.json(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        pings.add(copy(message));
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.add(copy(message));
        pongCount.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    private static ByteBuffer copy(ByteBuffer message) {
        var copy = ByteBuffer.allocate(message.remaining());
        copy.put(message).flip();
        return copy;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    /** The next frame, waiting at most 20 s; fails the test when none comes. */
    JsonNode next() throws InterruptedException {
        JsonNode frame = frames.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (frame == null) {
            throw new AssertionError("no frame within " + WAIT);
        }
        return frame;
    }

    /** The next {@code n} message frames (after the "subscribed" frame has been taken), acking each. */
    List<JsonNode> messages(int n) throws Exception {
        var messages = new ArrayList<JsonNode>();
        while (messages.size() < n) {
            JsonNode frame = next();
            if ("message".equals(frame.path("type").asText())) {
                messages.add(frame);
                ack(frame.get("offset").asLong());
            }
        }
        return messages;
    }

    /** The next message frame within {@code millis}, acked, or empty (other frames are skipped). */
    java.util.Optional<JsonNode> pollMessage(long millis) throws InterruptedException {
        JsonNode frame = frames.poll(millis, TimeUnit.MILLISECONDS);
        if (frame == null || !"message".equals(frame.path("type").asText())) {
            return java.util.Optional.empty();
        }
        ack(frame.get("offset").asLong());
        return java.util.Optional.of(frame);
    }

    void ack(long offset) {
        send("{\"type\":\"ack\",\"offset\":" + offset + "}");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    void ping(byte[] payload) {
        socket.sendPing(ByteBuffer.wrap(payload)).join();
    }

    void sendClose(int code, String reason) {
        socket.sendClose(code, reason).join();
    }

    int pongCount() {
        return pongCount.get();
    }

    boolean open() {
        return !closed.isDone() && !socket.isInputClosed();
    }

    /** Waits for the server's next ping; fails the test when none comes within 20 s. */
    ByteBuffer nextPing() throws InterruptedException {
        ByteBuffer ping = pings.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (ping == null) {
            throw new AssertionError("no ping within " + WAIT);
        }
        return ping;
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    int closeCode() throws Exception {
        return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
        socket.abort();
    }
}
