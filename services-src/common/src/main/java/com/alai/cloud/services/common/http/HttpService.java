package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.auth.Principal;
import com.alai.cloud.services.common.log.JsonLog;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The JDK's own HTTP server (chosen by measurement, see services-src/README.md) with what every service needs:
 * bounded bodies, request ids, bearer auth on non-public routes, /healthz and /readyz, problem+json errors, one JSON
 * log line per request, and a graceful stop.
 */
public final class HttpService implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Routes routes;
    private final JwtVerifier verifier;
    private final JsonLog log;
    private final int maxBodyBytes;

    public HttpService(int port, Routes routes, JwtVerifier verifier, BooleanSupplier ready, JsonLog log, int maxBodyBytes)
            throws IOException {
        this.routes = routes.publicGet("/healthz", r -> Response.json(200, Map.of("status", "ok")))
                .publicGet("/readyz", r -> {
                    if (!ready.getAsBoolean()) {
                        throw ApiException.unavailable("the database is not reachable");
                    }
                    return Response.json(200, Map.of("status", "ready"));
                });
        this.verifier = verifier;
        this.log = log;
        this.maxBodyBytes = maxBodyBytes;
        this.server = HttpServer.create(new InetSocketAddress(port), 128);
        server.setExecutor(executor);
        server.createContext("/", this::exchange);
    }

    public HttpService start() {
        server.start();
        log.info("listening", Map.of("port", port()));
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, lets in-flight requests finish for up to {@code graceSeconds}. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        executor.shutdownNow();
        log.info("stopped", Map.of());
    }

    @Override
    public void close() {
        stop(0);
    }

    private void exchange(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        String requestId = requestId(exchange.getRequestHeaders().getFirst("X-Request-Id"));
        String path = exchange.getRequestURI().getRawPath();
        int status;
        try {
            Routes.Match match = routes.match(exchange.getRequestMethod(), path);
            Request request = read(exchange, match, requestId);
            if (match.route().streamHandler() != null) {
                stream(exchange, match, request);
                status = 200;
            } else {
                status = write(exchange, match.route().handler().handle(request), requestId);
            }
        } catch (Throwable error) {
            if (!(error instanceof ApiException)) {
                log.error("request failed", Map.of("requestId", requestId, "path", path,
                        "error", error.getClass().getName()));
            }
            status = write(exchange, ProblemWriter.toResponse(error, path, requestId), requestId);
        } finally {
            exchange.close();
        }
        log.info("request", Map.of("requestId", requestId, "method", exchange.getRequestMethod(), "path", path,
                "status", status, "ms", (System.nanoTime() - start) / 1_000_000));
    }

    private Request read(HttpExchange exchange, Routes.Match match, String requestId) throws IOException {
        Optional<Principal> principal = Optional.empty();
        if (match.route().authenticated()) {
            principal = Optional.of(verifier.verify(exchange.getRequestHeaders().getFirst("Authorization")));
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > maxBodyBytes) {
            throw ApiException.tooLarge("the body exceeds " + maxBodyBytes + " bytes");
        }
        byte[] body = readBounded(exchange.getRequestBody());
        var decodedParams = new LinkedHashMap<String, String>();
        match.params().forEach((k, v) -> decodedParams.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
        return new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), decodedParams,
                query(exchange.getRequestURI().getRawQuery()), Map.copyOf(exchange.getRequestHeaders()), body,
                requestId, principal);
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw ApiException.tooLarge("the body exceeds " + maxBodyBytes + " bytes");
        }
        return body;
    }

    private void stream(HttpExchange exchange, Routes.Match match, Request request) throws Exception {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Request-Id", request.requestId());
        exchange.sendResponseHeaders(200, 0);
        try {
            match.route().streamHandler().stream(request, new EventStream(exchange.getResponseBody()));
        } catch (IOException gone) {
            // The client closed the stream; nothing to answer.
        }
    }

    private static int write(HttpExchange exchange, Response response, String requestId) throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", response.contentType());
        headers.set("X-Request-Id", requestId);
        headers.set("X-Content-Type-Options", "nosniff");
        response.headers().forEach(headers::set);
        boolean empty = response.body().length == 0 || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : response.body().length);
        if (!empty) {
            exchange.getResponseBody().write(response.body());
        }
        return response.status();
    }

    static Map<String, List<String>> query(String raw) {
        var params = new LinkedHashMap<String, List<String>>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding in the query string");
        }
    }

    // A client's id is kept when it is short and plain; anything else is replaced, so logs can't be forged.
    private static String requestId(String given) {
        return given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
    }
}
