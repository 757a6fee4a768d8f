package com.alai.cloud.client.hive;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Api;
import com.alai.cloud.client.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * HiveMind through hivemind-api: topics and publish over REST, subscribe over its WebSocket protocol (a
 * "subscribed" frame, then "message" frames in offset order, answered with cumulative acks).
 */
public final class Hive {
    /** What a subscriber is told: each message; return false to stop. */
    @FunctionalInterface
    public interface Messages {
        boolean accept(JsonNode message);
    }

    private final Api api;
    private final Supplier<String> token;

    public Hive(URI base, Supplier<String> token) {
        this.api = new Api(base, token);
        this.token = token;
    }

    public JsonNode topics() {
        return api.get("/topics").json();
    }

    public JsonNode createTopic(String name) {
        return api.post("/topics", Map.of("name", name), Map.of()).json();
    }

    public JsonNode publish(String topic, JsonNode payload, Map<String, String> headers, String idempotencyKey) {
        var body = new LinkedHashMap<String, Object>();
        body.put("payload", payload);
        if (!headers.isEmpty()) {
            body.put("headers", headers);
        }
        return api.post("/topics/" + encode(topic) + "/messages", body,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey)).json();
    }

    /** Blocks, calling {@code messages} for each one, until it returns false or the server closes. */
    public void subscribe(String topic, Long after, String group, Messages messages) {
        var query = new StringBuilder();
        if (after != null) {
            query.append("after=").append(after);
        }
        if (group != null) {
            query.append(query.isEmpty() ? "" : "&").append("group=").append(encode(group));
        }
        String base = api.base().toString().replaceFirst("^http", "ws");
        URI uri = URI.create(base + "/topics/" + encode(topic) + "/subscribe" + (query.isEmpty() ? "" : "?" + query));
        var done = new CompletableFuture<Void>();
        var listener = new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    JsonNode frame = Json.tree(text.toString());
                    text.setLength(0);
                    if ("message".equals(frame.path("type").asText())) {
                        boolean more = messages.accept(frame);
                        ws.sendText(Json.compact(Map.of("type", "ack", "offset", frame.path("offset").asLong())), true);
                        if (!more) {
                            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").thenRun(() -> done.complete(null));
                            return null;
                        }
                    }
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                if (code == WebSocket.NORMAL_CLOSURE) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(AlaiException.failed(uri + " closed the subscription: " + code + " " + reason));
                }
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                done.completeExceptionally(AlaiException.unreachable(uri.toString(), error));
            }
        };
        try {
            HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token.get()).buildAsync(uri, listener).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof java.net.http.WebSocketHandshakeException h) {
                URI http = URI.create(uri.toString().replaceFirst("^ws", "http"));
                throw Api.failure(java.net.http.HttpRequest.newBuilder(http).build(), new Api.Reply(h.getResponse().statusCode(),
                        h.getResponse().headers().map(), String.valueOf(h.getResponse().body())));
            }
            throw AlaiException.unreachable(uri.toString(), e.getCause());
        }
        try {
            done.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AlaiException a ? a : AlaiException.failed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
