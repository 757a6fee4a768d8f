package com.alai.cloud.services.router.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The route table the phase 5 stack publishes (from Pulumi.dev.yaml), handed to the router as JSON in
 * {@code ROUTER_ROUTES}: a list in order of preference, each {@code {"name","kind","url","models"?}}.
 */
public record RouteTable(List<Backend> backends) {

    public RouteTable {
        backends = List.copyOf(backends);
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("the route table is empty");
        }
        var names = new java.util.HashSet<String>();
        for (Backend b : backends) {
            if (!names.add(b.name())) {
                throw new IllegalArgumentException("route '" + b.name() + "' appears twice");
            }
        }
    }

    public static RouteTable parse(String json, ObjectMapper mapper) {
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("is not valid JSON");
        }
        if (root == null || !root.isArray()) {
            throw new IllegalArgumentException("must be a JSON array of routes");
        }
        var backends = new ArrayList<Backend>();
        for (JsonNode route : root) {
            String name = text(route, "name");
            if (!name.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("route name '" + name + "' must be 1-32 lowercase letters, digits, -");
            }
            Backend.Kind kind = Backend.Kind.parse(text(route, "kind"));
            URI url = url(name, text(route, "url"));
            var models = new LinkedHashMap<String, String>();
            route.path("models").properties().forEach(e -> models.put(e.getKey(), e.getValue().asText()));
            if (kind == Backend.Kind.OPENAI && models.isEmpty()) {
                throw new IllegalArgumentException("route '" + name + "' needs a models map (ollama name -> its name)");
            }
            backends.add(new Backend(name, kind, url, models));
        }
        return new RouteTable(backends);
    }

    /** Every model name a hosted route maps, the names the router answers for even when no Ollama has them. */
    public Map<String, String> mappedModels() {
        var all = new LinkedHashMap<String, String>();
        for (Backend b : backends) {
            b.models().forEach(all::putIfAbsent);
        }
        return all;
    }

    private static String text(JsonNode route, String field) {
        JsonNode value = route.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("every route needs a string '" + field + "'");
        }
        return value.asText();
    }

    private static URI url(String name, String text) {
        try {
            URI url = URI.create(text);
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
                throw new IllegalArgumentException();
            }
            return url;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("route '" + name + "' url '" + text + "' must be http(s)://host[:port][/path]");
        }
    }
}
