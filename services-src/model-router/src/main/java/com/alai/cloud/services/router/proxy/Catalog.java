package com.alai.cloud.services.router.proxy;

import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.router.route.Backend;
import com.alai.cloud.services.router.route.Health;
import com.alai.cloud.services.router.route.RouteTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Ollama's {@code GET /api/tags} and {@code POST /api/show}, answered by the first Ollama backend that can (same
 * fallback rules as a generation), with the hosted routes' models added as remote models, as Ollama lists its own
 * cloud models ({@code remote_model}, {@code remote_host}).
 */
public final class Catalog {
    private final RouteTable table;
    private final Health health;
    private final Upstream upstream;
    private final ObjectMapper json;

    public Catalog(RouteTable table, Health health, Upstream upstream, ObjectMapper json) {
        this.table = table;
        this.health = health;
        this.upstream = upstream;
        this.json = json;
    }

    public Response tags() throws IOException {
        ObjectNode answer = json.createObjectNode();
        ArrayNode models = answer.putArray("models");
        String served = "";
        for (Backend backend : ollamas()) {
            JsonNode tags = call(backend, upstream.get(backend, "/api/tags"));
            if (tags != null) {
                tags.path("models").forEach(models::add);
                served = backend.name();
                break;
            }
        }
        Set<String> names = new HashSet<>();
        models.forEach(m -> names.add(m.path("name").asText()));
        for (Backend hosted : table.backends()) {
            hosted.models().forEach((name, remote) -> {
                if (hosted.kind() == Backend.Kind.OPENAI && names.add(name)) {
                    remote(models.addObject().put("name", name).put("model", name), hosted, remote);
                }
            });
        }
        return new Response(200, "application/json; charset=utf-8", json.writeValueAsBytes(answer),
                served.isEmpty() ? Map.of() : Map.of(ModelRouter.BACKEND_HEADER, served));
    }

    public Response show(Request request) throws IOException {
        ModelRequest req = ModelRequest.parse(Front.OLLAMA_GENERATE, request.body(), json);
        for (Backend backend : ollamas()) {
            if (!health.mayServe(backend, req.model())) {
                continue;
            }
            JsonNode shown = call(backend, upstream.post(backend, "/api/show", req.raw(), Map.of()));
            if (shown != null) {
                return new Response(200, "application/json; charset=utf-8", json.writeValueAsBytes(shown),
                        Map.of(ModelRouter.BACKEND_HEADER, backend.name()));
            }
        }
        for (Backend hosted : table.backends()) {
            String remote = hosted.kind() == Backend.Kind.OPENAI ? hosted.models().get(req.model()) : null;
            if (remote != null) {
                ObjectNode shown = json.createObjectNode().put("modelfile", "").put("parameters", "").put("template", "");
                remote(shown, hosted, remote);
                shown.putObject("model_info");
                shown.putArray("capabilities").add("completion");
                return new Response(200, "application/json; charset=utf-8", json.writeValueAsBytes(shown),
                        Map.of(ModelRouter.BACKEND_HEADER, hosted.name()));
            }
        }
        throw ApiException.notFound("model '" + req.model() + "' not found on any route");
    }

    private Iterable<Backend> ollamas() {
        return table.backends().stream().filter(b -> b.kind() == Backend.Kind.OLLAMA && health.allows(b)).toList();
    }

    private JsonNode call(Backend backend, Upstream.Outcome outcome) throws IOException {
        switch (outcome) {
            case Upstream.Opened opened -> {
                health.succeeded(backend);
                try (var rest = opened.rest()) {
                    return json.readTree(Relay.readAll(opened, 8 * 1024 * 1024));
                } catch (IOException cut) {
                    return null;
                }
            }
            case Upstream.Failed failed -> {
                health.failed(backend, failed.reason());
                return null;
            }
            case Upstream.Rejected rejected -> {
                return null;
            }
        }
    }

    private static void remote(ObjectNode node, Backend hosted, String remote) {
        node.put("remote_model", remote).put("remote_host", hosted.url().toString());
        node.putObject("details").put("parent_model", "").put("format", "").put("family", "")
                .put("parameter_size", "").put("quantization_level", "");
    }
}
