package com.alai.cloud.client.http;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.error.Exit;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * JSON over HTTP to one of our APIs, with a bearer token. Every failure becomes an {@link AlaiException} that names the
 * URL: no answer (exit 5), 401 (exit 4), 404 (exit 3), and any other problem+json with its detail (exit 1).
 */
public final class Api {
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            return Json.tree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private final URI base;
    private final Supplier<String> token;
    private final HttpClient http;

    public Api(URI base, Supplier<String> token) {
        this.base = base;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI base() {
        return base;
    }

    public URI uri(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.compact(body)));
        headers.forEach(b::header);
        return send(b);
    }

    public Reply patch(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder b = request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.compact(body)));
        headers.forEach(b::header);
        return send(b);
    }

    /** A request with the bearer token, for callers that read the body as a stream (server-sent events). */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token.get());
    }

    public <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException e) {
            throw AlaiException.unreachable(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AlaiException.failed("interrupted");
        }
    }

    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        var reply = new Reply(response.statusCode(), response.headers().map(), response.body());
        if (reply.status() >= 400) {
            throw failure(request, reply);
        }
        return reply;
    }

    public static AlaiException failure(HttpRequest request, Reply reply) {
        String where = request.method() + " " + request.uri();
        String detail = detail(reply);
        return switch (reply.status()) {
            case 401 -> AlaiException.authRequired(where + " refused the token (401" + detail
                    + "); run `alai login` (or check ALAI_TOKEN)");
            case 404 -> AlaiException.notFound(where + ": not found" + detail);
            case 502, 503, 504 -> new AlaiException(Exit.UNREACHABLE, where + " answered " + reply.status() + detail
                    + "; the service is starting or down, try again");
            default -> AlaiException.failed(where + " answered " + reply.status() + detail);
        };
    }

    private static String detail(Reply reply) {
        try {
            JsonNode problem = reply.json();
            var text = new StringBuilder();
            if (problem.hasNonNull("detail")) {
                text.append(": ").append(problem.get("detail").asText());
            } else if (problem.hasNonNull("title")) {
                text.append(": ").append(problem.get("title").asText());
            }
            if (problem.has("errors") && problem.get("errors").isObject()) {
                problem.get("errors").fields().forEachRemaining(e -> text.append("; ").append(e.getKey()).append(' ')
                        .append(e.getValue().asText()));
            }
            return text.toString();
        } catch (IllegalArgumentException e) {
            return reply.body().isBlank() ? "" : ": " + reply.body().lines().findFirst().orElse("").strip();
        }
    }
}
