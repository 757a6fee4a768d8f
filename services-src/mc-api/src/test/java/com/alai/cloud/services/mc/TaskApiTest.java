package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.testing.OpenApiContract;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Mission Control's API on a real PostgreSQL with tokens from a real issuer. */
class TaskApiTest {
    static final ApiFixture F = ApiFixture.INSTANCE;
    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode body(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }

    @Test
    void postCreatesATaskWithAnETagAndLocation() throws Exception {
        var response = F.post("{\"title\":\"Move MC off ANVIL\",\"assignee\":\"kelsey\",\"tags\":[\"phase2\"],\"priority\":2}");
        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode task = body(response);
        assertThat(task.path("status").asText()).isEqualTo("open");
        assertThat(response.headers().firstValue("ETag")).contains("\"v1\"");
        assertThat(response.headers().firstValue("Location")).contains("/tasks/" + task.path("id").asLong());
        var fetched = F.send(F.authed("/tasks/" + task.path("id").asLong()));
        assertThat(body(fetched).path("title").asText()).isEqualTo("Move MC off ANVIL");
    }

    @Test
    void listFiltersByStatusAssigneeTagAndText() throws Exception {
        String who = unique("filt");
        F.post("{\"title\":\"alpha needle\",\"assignee\":\"" + who + "\",\"tags\":[\"x1\"],\"status\":\"blocked\"}");
        F.post("{\"title\":\"beta\",\"assignee\":\"" + who + "\",\"tags\":[\"x2\"]}");
        JsonNode blocked = body(F.send(F.authed("/tasks?assignee=" + who + "&status=blocked")));
        assertThat(blocked.path("items")).hasSize(1);
        assertThat(body(F.send(F.authed("/tasks?assignee=" + who + "&tag=x2"))).path("items").get(0).path("title").asText()).isEqualTo("beta");
        assertThat(body(F.send(F.authed("/tasks?assignee=" + who + "&q=NEEDLE"))).path("items")).hasSize(1);
        assertThat(body(F.send(F.authed("/tasks?assignee=" + who + "&updated_since=2999-01-01T00:00:00Z"))).path("items")).isEmpty();
    }

    @Test
    void cursorPagesVisitEveryTaskOnceInIdOrder() throws Exception {
        String who = unique("page");
        for (int i = 0; i < 7; i++) {
            F.post("{\"title\":\"p" + i + "\",\"assignee\":\"" + who + "\"}");
        }
        var seen = new java.util.ArrayList<Long>();
        String cursor = null;
        do {
            JsonNode page = body(F.send(F.authed("/tasks?assignee=" + who + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor))));
            page.path("items").forEach(t -> seen.add(t.path("id").asLong()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(seen).hasSize(7).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void patchWithTheCurrentETagUpdatesAndClosesTheTask() throws Exception {
        JsonNode task = body(F.post("{\"title\":\"to close\"}"));
        var patched = F.send(F.authed("/tasks/" + task.path("id").asLong()).header("If-Match", "\"v1\"")
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"done\"}")));
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(body(patched).path("version").asLong()).isEqualTo(2);
        assertThat(body(patched).path("closedAt").isNull()).isFalse();
        assertThat(patched.headers().firstValue("ETag")).contains("\"v2\"");
    }

    @Test
    void aPatchCanClearANullableField() throws Exception {
        JsonNode task = body(F.post("{\"title\":\"assigned\",\"assignee\":\"bob\"}"));
        var patched = F.send(F.authed("/tasks/" + task.path("id").asLong()).header("If-Match", "\"v1\"")
                .header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString("{\"assignee\":null}")));
        assertThat(body(patched).path("assignee").isNull()).isTrue();
    }

    @Test
    void statsCountOpenTasksByStatusAndAssignee() throws Exception {
        String who = unique("stats");
        F.post("{\"title\":\"s1\",\"assignee\":\"" + who + "\"}");
        F.post("{\"title\":\"s2\",\"assignee\":\"" + who + "\",\"status\":\"done\"}");
        JsonNode stats = body(F.send(F.authed("/stats")));
        assertThat(stats.path("byAssignee").path(who).asLong()).isEqualTo(1);
        assertThat(stats.path("open").asLong()).isEqualTo(F.count("SELECT count(*) FROM tasks WHERE status NOT IN ('done','cancelled')"));
        assertThat(stats.path("closedPerDay").size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theChangeFeedStreamsACreatedTask() throws Exception {
        var request = F.authed("/tasks/changes").build();
        var response = F.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        // The feed registers the subscriber before it sends `ready`: after that line no event can be missed.
        CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.equals("event: ready")) {
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(ready.get(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (line.startsWith("data: ") && line.contains("\"created\"")) {
                        return line.substring(6);
                    }
                }
                return null;
            } catch (Exception e) {
                return null;
            }
        });
        long id = body(F.post("{\"title\":\"watched\"}")).path("id").asLong();
        JsonNode data = JSON.readTree(event.get(10, TimeUnit.SECONDS));
        assertThat(data.path("id").asLong()).isEqualTo(id);
        response.body().close();
    }

    @Test
    void healthAndReadinessArePublic() throws Exception {
        assertThat(F.send(java.net.http.HttpRequest.newBuilder(URI.create(F.url("/healthz")))).statusCode()).isEqualTo(200);
        assertThat(F.send(java.net.http.HttpRequest.newBuilder(URI.create(F.url("/readyz")))).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheServedRoutesAndPassesRedoclyLint() throws Exception {
        var served = F.send(java.net.http.HttpRequest.newBuilder(URI.create(F.url("/openapi.json"))));
        OpenApiContract.assertDescribes(served.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), F.api.routes());
        OpenApiContract.assertLintClean(OpenApiContract.resource(McApi.class, "/mc-api/openapi.json"));
    }
}
