package com.alai.cloud.services.common.http;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.auth.JwtVerifier;
import com.alai.cloud.services.common.auth.Principal;
import com.alai.cloud.services.common.log.JsonLog;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;
import com.alai.cloud.services.common.json.Json;

/**
 * What every service does with a request, whatever server carries it: bounded bodies, request ids, bearer auth on
 * non-public routes, /healthz and /readyz, problem+json errors, one JSON log line per request.
 */
public final class Dispatcher {
    // Liveness is the first request a new replica answers: written once by Jackson's streaming writer, so it does not
    // wait for the mapper to start.
    private static final byte[] HEALTHY = Json.streamed(g -> g.writeStringField("status", "ok"));
    private final Routes starting;
    private final BooleanSupplier ready;
    private final JsonLog log;
    private final int maxBodyBytes;
    private volatile Routes routes;
    private volatile JwtVerifier verifier;

    /** Only /healthz and /readyz until {@link #attach}; anything else is a 503 the client may retry. */
    public Dispatcher(BooleanSupplier ready, JsonLog log, int maxBodyBytes) {
        this.ready = ready;
        this.starting = withHealth(new Routes());
        this.log = log;
        this.maxBodyBytes = maxBodyBytes;
    }

    public Dispatcher(Routes routes, JwtVerifier verifier, BooleanSupplier ready, JsonLog log, int maxBodyBytes) {
        this(ready, log, maxBodyBytes);
        attach(routes, verifier);
    }

    /** The application's routes, once built; until then the service is live but not serving. */
    public void attach(Routes application, JwtVerifier tokens) {
        this.verifier = tokens;
        this.routes = withHealth(application);
    }

    private Routes withHealth(Routes application) {
        return application.publicGet("/healthz", r -> Response.raw(200, "application/json", HEALTHY.clone()))
                .publicGet("/readyz", r -> {
                    if (!ready.getAsBoolean()) {
                        throw ApiException.unavailable("the database is not reachable");
                    }
                    return Response.json(200, Map.of("status", "ready"));
                });
    }

    private Routes.Match match(String method, String path) {
        Routes application = routes;
        if (application != null) {
            return application.match(method, path);
        }
        try {
            return starting.match(method, path);
        } catch (ApiException notYet) {
            throw ApiException.unavailable("the service is starting; retry shortly");
        }
    }

    public JsonLog log() {
        return log;
    }

    public void handle(Exchange exchange) throws IOException {
        String requestId = requestId(exchange.header("X-Request-Id"));
        // Every line logged while this request runs, ours or a library's, carries its id.
        MDC.put("requestId", requestId);
        try {
            handle(exchange, requestId);
        } finally {
            MDC.remove("requestId");
        }
    }

    private void handle(Exchange exchange, String requestId) throws IOException {
        long start = System.nanoTime();
        String path = exchange.rawPath();
        int status;
        try {
            Routes.Match match = match(exchange.method(), path);
            Request request = read(exchange, match, requestId);
            if (match.route().streamHandler() != null) {
                stream(exchange, match, request);
                status = 200;
            } else if (match.route().openHandler() != null) {
                status = open(exchange, match, request);
            } else {
                status = respond(exchange, match.route().handler().handle(request), requestId);
            }
        } catch (Throwable error) {
            if (!(error instanceof ApiException)) {
                // The class and SQLSTATE say what broke; messages may quote row values, so they stay out of logs.
                log.error("request failed", Map.of("path", path,
                        "error", error.getClass().getName(), "sqlState",
                        error instanceof SQLException sql ? String.valueOf(sql.getSQLState()) : "-"));
            }
            status = respond(exchange, ProblemWriter.toResponse(error, path, requestId), requestId);
        }
        log.info("request", Map.of("method", exchange.method(), "path", path,
                "status", status, "ms", (System.nanoTime() - start) / 1_000_000));
    }

    private Request read(Exchange exchange, Routes.Match match, String requestId) throws IOException {
        Optional<Principal> principal = Optional.empty();
        if (match.route().authenticated()) {
            Principal caller = verifier.verify(exchange.header("Authorization"));
            match.route().access().check(caller);
            principal = Optional.of(caller);
        }
        String length = exchange.header("Content-Length");
        if (length != null && length.matches("\\d{1,12}") && Long.parseLong(length) > maxBodyBytes) {
            throw ApiException.tooLarge("the body exceeds " + maxBodyBytes + " bytes");
        }
        byte[] body = readBounded(exchange.body());
        var decodedParams = new LinkedHashMap<String, String>();
        // URLDecoder decodes forms, where '+' is a space; in a path it is itself.
        match.params().forEach((k, v) -> decodedParams.put(k, decode(v.replace("+", "%2B"), "path")));
        return new Request(exchange.method(), exchange.rawPath(), decodedParams, query(exchange.rawQuery()),
                Map.copyOf(exchange.headers()), body, requestId, principal);
    }

    private byte[] readBounded(InputStream in) throws IOException {
        byte[] body = in.readNBytes(maxBodyBytes + 1);
        if (body.length > maxBodyBytes) {
            throw ApiException.tooLarge("the body exceeds " + maxBodyBytes + " bytes");
        }
        return body;
    }

    private void stream(Exchange exchange, Routes.Match match, Request request) throws Exception {
        var events = new EventStream(() -> exchange.openStream(Map.of("Content-Type", "text/event-stream",
                "Cache-Control", "no-cache", "X-Request-Id", request.requestId())));
        try {
            match.route().streamHandler().stream(request, events);
            events.open();
        } catch (IOException gone) {
            // The client closed the stream; nothing to answer.
        } catch (Exception refused) {
            // Before the first event the handler may still refuse (404, 403…) with a problem; after it, the stream
            // has begun and ends here.
            if (!events.opened()) {
                throw refused;
            }
            log.error("stream failed", Map.of("path", request.path(), "error", refused.getClass().getName()));
        }
    }

    // Once the stream is open its status is sent: a later failure is the handler's to report inside the stream, and
    // here it is only logged (by class), never answered with a second status line.
    private int open(Exchange exchange, Routes.Match match, Request request) throws Exception {
        boolean[] opened = {false};
        Response response;
        try {
            response = match.route().openHandler().handle(request, headers -> {
                var all = new LinkedHashMap<String, String>(headers);
                all.put("X-Request-Id", request.requestId());
                all.put("X-Content-Type-Options", "nosniff");
                opened[0] = true;
                return exchange.openStream(all);
            });
        } catch (Exception e) {
            if (!opened[0]) {
                throw e;
            }
            if (!(e instanceof IOException)) {
                log.error("stream failed", Map.of("path", request.path(), "error", e.getClass().getName()));
            }
            return 200;
        }
        return response == null ? 200 : respond(exchange, response, request.requestId());
    }

    private static int respond(Exchange exchange, Response response, String requestId) throws IOException {
        var headers = new LinkedHashMap<String, String>();
        headers.put("X-Request-Id", requestId);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.putAll(response.headers());
        exchange.respond(new Response(response.status(), response.contentType(), response.body(), headers));
        return response.status();
    }

    public static Map<String, List<String>> query(String raw) {
        var params = new LinkedHashMap<String, List<String>>();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq), "query string");
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), "query string");
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text, String where) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("malformed percent-encoding in the " + where);
        }
    }

    private static final java.util.regex.Pattern REQUEST_ID = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");

    // A client's id is kept when it is short and plain; anything else is replaced, so logs can't be forged. Ids need
    // to be unique, not unguessable, so they come from a fast random source rather than SecureRandom.
    private static String requestId(String given) {
        if (given != null && REQUEST_ID.matcher(given).matches()) {
            return given;
        }
        var random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }
}
