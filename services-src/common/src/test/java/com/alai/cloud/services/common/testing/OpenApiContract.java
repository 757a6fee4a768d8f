package com.alai.cloud.services.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

/**
 * A service's OpenAPI document against its routes: every route documented and nothing documented that is not
 * served (the skeleton's own /healthz, /readyz and /openapi.json included).
 */
public final class OpenApiContract {
    private static final Set<String> SKELETON = Set.of("GET /healthz", "GET /readyz", "GET /openapi.json");

    private OpenApiContract() {
    }

    public static Set<String> documented(byte[] document) throws IOException {
        JsonNode doc = Json.mapper().readTree(document);
        var operations = new TreeSet<String>();
        doc.path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (!Set.of("parameters", "summary", "description", "servers").contains(method)) {
                operations.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    public static Set<String> served(Routes routes) {
        var operations = new TreeSet<>(SKELETON);
        routes.all().forEach(r -> operations.add(r.method() + " " + r.template()));
        return operations;
    }

    public static void assertDescribes(byte[] document, Routes routes) throws IOException {
        assertThat(documented(document)).as("operations in the OpenAPI document").isEqualTo(served(routes));
    }

    /** Lints {@code document} with {@code @redocly/cli lint} (recommended rules); the report is the failure message. */
    public static void assertLintClean(Path document) throws IOException, InterruptedException {
        Redocly.Result result = Redocly.lint(document);
        assertThat(result.exitCode()).as("redocly lint of %s:%n%s", document, result.output()).isZero();
    }

    public static Path resource(Class<?> owner, String name) throws IOException {
        Path file = Files.createTempFile("openapi", ".json");
        try (var in = owner.getResourceAsStream(name)) {
            Files.write(file, in.readAllBytes());
        }
        return file;
    }
}
