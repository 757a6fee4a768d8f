package com.alai.cloud.services.router.proxy;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.ProblemWriter;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.common.log.JsonLog;
import com.alai.cloud.services.router.route.Backend;
import com.alai.cloud.services.router.route.Health;
import com.alai.cloud.services.router.route.RouteTable;
import com.alai.cloud.services.router.usage.SpendCap;
import com.alai.cloud.services.router.usage.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Routes one generation request down the table, in order, and falls back only while nothing has reached the
 * caller: past a backend whose circuit is open, that refuses the connection, sends no first byte in time, or
 * answers 5xx/429 (and past one without the model: a 404). The first backend whose first line arrives serves the
 * whole answer; a stream it then cuts ends with an explicit error, never with a second backend's words. When no
 * route can serve: 503 problem+json with Retry-After (or the spend cap's refusal).
 */
public final class ModelRouter {
    /** The header naming the backend that served, for callers, logs and `validate`. */
    public static final String BACKEND_HEADER = "X-Router-Backend";
    private static final int MAX_ANSWER = 16 * 1024 * 1024;

    private final RouteTable table;
    private final Health health;
    private final Upstream upstream;
    private final SpendCap cap;
    private final String apiKey;
    private final ObjectMapper json;
    private final Relay relay;
    private final JsonLog log;

    public ModelRouter(RouteTable table, Health health, Upstream upstream, SpendCap cap, String apiKey,
                       ObjectMapper json, JsonLog log) {
        this.table = table;
        this.health = health;
        this.upstream = upstream;
        this.cap = cap;
        this.apiKey = apiKey;
        this.json = json;
        this.relay = new Relay(json);
        this.log = log;
    }

    private record Call(String path, byte[] body, Map<String, String> headers, String backendModel, List<String> dropped) {
    }

    public Response handle(Front front, Request request, Routes.StreamOpener opener) throws IOException {
        ModelRequest req = ModelRequest.parse(front, request.body(), json);
        List<Backend> candidates = table.backends().stream().filter(b -> health.mayServe(b, req.model())).toList();
        if (candidates.isEmpty()) {
            throw ApiException.notFound("model '" + req.model() + "' is served by no route (GET /api/tags lists the models)");
        }
        var passed = new ArrayList<String>();
        Upstream.Rejected notFound = null;
        String capRefusal = null;
        for (Backend backend : candidates) {
            if (!health.allows(backend)) {
                passed.add(backend.name() + " (" + health.describe(backend) + ")");
                continue;
            }
            if (backend.metered()) {
                Optional<String> refusal = cap.refusal();
                if (refusal.isPresent()) {
                    capRefusal = refusal.get();
                    passed.add(backend.name() + " (spend cap)");
                    continue;
                }
            }
            Call call = prepare(req, backend);
            switch (upstream.post(backend, call.path(), call.body(), call.headers())) {
                case Upstream.Failed failed -> {
                    health.failed(backend, failed.reason());
                    passed.add(backend.name() + " (" + failed.reason() + ")");
                    log.warn("backend failed before the first byte", Map.of("backend", backend.name(),
                            "reason", failed.reason()));
                }
                case Upstream.Rejected rejected -> {
                    health.succeeded(backend);
                    if (rejected.status() != 404) {
                        return passOn(rejected);
                    }
                    notFound = rejected;
                    passed.add(backend.name() + " (no such model)");
                }
                case Upstream.Opened opened -> {
                    health.succeeded(backend);
                    if (!passed.isEmpty()) {
                        log.info("served by fallback", Map.of("backend", backend.name(), "passed", String.join(", ", passed)));
                    }
                    return deliver(request, req, call, opened, opener);
                }
            }
        }
        if (notFound != null && passed.stream().allMatch(p -> p.endsWith("(no such model)"))) {
            throw ApiException.notFound("model '" + req.model() + "' is on no route: " + String.join(", ", passed)
                    + " (GET /api/tags lists the models)");
        }
        if (capRefusal != null) {
            return unavailable(request, "Fallback cap reached", capRefusal + "; passed: " + String.join(", ", passed));
        }
        return unavailable(request, "Service Unavailable", "no backend can answer now: " + String.join(", ", passed)
                + "; retry after the Retry-After seconds");
    }

    private Call prepare(ModelRequest req, Backend backend) throws IOException {
        String model = backend.backendModel(req.model()).orElseThrow();
        if (backend.kind() == Backend.Kind.OLLAMA) {
            return new Call(req.front().onOllama(), req.raw(), Map.of(), model, List.of());
        }
        Map<String, String> auth = Map.of("Authorization", "Bearer " + apiKey);
        if (req.front().ollama()) {
            var mapped = OllamaToOpenAi.request(req.body(), req.front().chat(), model, req.stream(), json);
            return new Call("/chat/completions", json.writeValueAsBytes(mapped.body()), auth, model, mapped.dropped());
        }
        ObjectNode body = req.body().deepCopy();
        body.put("model", model);
        if (req.stream() && !body.has("stream_options")) {
            body.putObject("stream_options").put("include_usage", true);
        }
        return new Call("/chat/completions", json.writeValueAsBytes(body), auth, model, List.of());
    }

    private Response deliver(Request request, ModelRequest req, Call call, Upstream.Opened opened,
                             Routes.StreamOpener opener) throws IOException {
        Backend backend = opened.backend();
        boolean translate = req.front().ollama() && backend.kind() == Backend.Kind.OPENAI;
        var headers = new LinkedHashMap<String, String>();
        headers.put(BACKEND_HEADER, backend.name());
        if (!call.dropped().isEmpty()) {
            headers.put("X-Router-Dropped-Options", String.join(",", call.dropped()));
        }
        long start = System.nanoTime();
        if (!req.stream()) {
            byte[] whole;
            try (var rest = opened.rest()) {
                whole = Relay.readAll(opened, MAX_ANSWER);
            } catch (IOException cut) {
                throw new ApiException(502, "Bad Gateway", "the backend '" + backend.name()
                        + "' cut its answer; it was not retried elsewhere");
            }
            if (backend.metered()) {
                count(backend, call, Tokens.of(json.readTree(whole).get("usage")), request.requestId());
            }
            if (translate) {
                whole = json.writeValueAsBytes(OllamaToOpenAi.whole(json, json.readTree(whole), req.model(),
                        req.front().chat(), System.nanoTime() - start));
            }
            return new Response(200, req.front().ollama() ? "application/json; charset=utf-8" : opened.contentType(),
                    whole, headers);
        }
        headers.put("Content-Type", req.front().ollama() ? "application/x-ndjson" : "text/event-stream");
        headers.put("Cache-Control", "no-cache");
        try (var rest = opened.rest()) {
            OutputStream out = opener.open(headers);
            Relay.Ended ended = translate ? relay.sseToNdjson(opened, out, req.model(), req.front().chat(), start)
                    : req.front().ollama() ? relay.ndjson(opened, out) : relay.sse(opened, out);
            if (!ended.complete()) {
                log.warn("backend cut the stream", Map.of("backend", backend.name()));
            }
            if (backend.metered()) {
                count(backend, call, ended.tokens(), request.requestId());
            }
        }
        return null;
    }

    private void count(Backend backend, Call call, Optional<Tokens> tokens, String requestId) {
        if (tokens.isEmpty()) {
            log.warn("metered answer without usage", Map.of("backend", backend.name()));
            return;
        }
        try {
            cap.ledger().record(backend.name(), call.backendModel(), tokens.get(), requestId);
        } catch (SQLException e) {
            log.error("usage not recorded", Map.of("backend", backend.name(), "sqlState", String.valueOf(e.getSQLState()),
                    "tokens", tokens.get().total()));
        }
    }

    private static Response passOn(Upstream.Rejected rejected) {
        return new Response(rejected.status(), rejected.contentType(), rejected.body(),
                Map.of(BACKEND_HEADER, rejected.backend().name()));
    }

    private Response unavailable(Request request, String title, String detail) {
        Response problem = ProblemWriter.toResponse(new ApiException(503, title, detail), request.path(),
                request.requestId());
        return new Response(503, problem.contentType(), problem.body(),
                Map.of("Retry-After", String.valueOf(health.retryAfterSeconds())));
    }
}
