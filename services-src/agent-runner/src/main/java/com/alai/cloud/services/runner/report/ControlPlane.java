package com.alai.cloud.services.runner.report;

import com.alai.cloud.services.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The runner's calls to Mission Control (move a task, comment on it) and HiveMind (publish on a topic). */
public final class ControlPlane {
    /** A call the other service refused; {@code retry} says whether trying again later can help. */
    public static final class Refused extends IOException {
        final boolean retry;

        Refused(String message, boolean retry) {
            super(message);
            this.retry = retry;
        }
    }

    private final HttpClient http;
    private final TokenSource tokens;
    private final String mcUrl;
    private final String hivemindUrl;

    public ControlPlane(HttpClient http, TokenSource tokens, String mcUrl, String hivemindUrl) {
        this.http = http;
        this.tokens = tokens;
        this.mcUrl = mcUrl;
        this.hivemindUrl = hivemindUrl;
    }

    /** Sets the task's status (If-Match its ETag, again on a concurrent change) unless it has it already. */
    public void moveTask(long taskId, String status) throws IOException, InterruptedException {
        for (int tries = 0; tries < 5; tries++) {
            HttpResponse<String> task = send(request(mcUrl + "/tasks/" + taskId).GET());
            ok(task, "GET /tasks/" + taskId);
            if (status.equals(Json.mapper().readTree(task.body()).path("status").asText())) {
                return;
            }
            String etag = task.headers().firstValue("ETag").orElseThrow(() -> new Refused("mc-api sent no ETag", false));
            HttpResponse<String> patched = send(request(mcUrl + "/tasks/" + taskId).header("If-Match", etag)
                    .header("Content-Type", "application/json")
                    .method("PATCH", json(Map.of("status", status))));
            if (patched.statusCode() != 412) {
                ok(patched, "PATCH /tasks/" + taskId);
                return;
            }
        }
        throw new Refused("task " + taskId + " kept changing under the update", true);
    }

    public void comment(long taskId, String body) throws IOException, InterruptedException {
        ok(send(request(mcUrl + "/tasks/" + taskId + "/comments").header("Content-Type", "application/json")
                .POST(json(Map.of("body", body, "author", "agent-runner")))), "POST /tasks/" + taskId + "/comments");
    }

    /** Creates the topic; one that exists already is fine. */
    public void ensureTopic(String topic) throws IOException, InterruptedException {
        HttpResponse<String> created = send(request(hivemindUrl + "/topics").header("Content-Type", "application/json")
                .POST(json(Map.of("name", topic))));
        if (created.statusCode() != 409) {
            ok(created, "POST /topics");
        }
    }

    /** Publishes once per key: a retry with the same key is stored once by HiveMind. */
    public void publish(String topic, String key, Object payload) throws IOException, InterruptedException {
        ok(send(request(hivemindUrl + "/topics/" + topic + "/messages").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(json(Map.of("payload", payload)))), "POST /topics/" + topic + "/messages");
    }

    private HttpRequest.Builder request(String url) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + tokens.token());
    }

    private static HttpRequest.BodyPublisher json(Object value) {
        return HttpRequest.BodyPublishers.ofByteArray(Json.bytes(value));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void ok(HttpResponse<String> response, String what) throws Refused {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String detail = "";
        try {
            JsonNode problem = Json.mapper().readTree(response.body());
            detail = ": " + problem.path("detail").asText("");
        } catch (IOException notJson) {
            // The status says enough.
        }
        throw new Refused(what + " answered " + status + detail, status == 429 || status >= 500 || status == 401);
    }
}
