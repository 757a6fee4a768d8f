package com.alai.cloud.client.mc;

import com.alai.cloud.client.error.AlaiException;
import com.alai.cloud.client.http.Api;
import com.alai.cloud.client.http.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Consumer;

/** Mission Control through mc-api (ALAI_MC_URL): the routes of its OpenAPI document, nothing else. */
public final class HttpMission implements Mission {
    private final Api api;

    public HttpMission(Api api) {
        this.api = api;
    }

    @Override
    public TaskPage list(TaskQuery q) {
        var query = new LinkedHashMap<String, String>();
        if (q.status() != null) {
            query.put("status", q.status());
        }
        if (q.assignee() != null) {
            query.put("assignee", q.assignee());
        }
        if (q.tag() != null) {
            query.put("tag", q.tag());
        }
        if (q.text() != null) {
            query.put("q", q.text());
        }
        if (q.cursor() != null) {
            query.put("cursor", q.cursor());
        }
        query.put("limit", Integer.toString(q.limit()));
        var joined = new StringJoiner("&", "?", "");
        query.forEach((k, v) -> joined.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return Json.read(api.get("/tasks" + joined).body(), TaskPage.class);
    }

    @Override
    public TaskView get(long id) {
        return Json.read(api.get("/tasks/" + id).body(), TaskView.class);
    }

    @Override
    public TaskView create(Map<String, Object> fields) {
        return Json.read(api.post("/tasks", fields, Map.of()).body(), TaskView.class);
    }

    @Override
    public TaskView update(long id, Map<String, Object> changes) {
        // If-Match with the version just read: a change made meanwhile by someone else is refused (412), and we
        // retry once on the newer version rather than overwrite it blindly twice.
        for (int attempt = 0; ; attempt++) {
            Api.Reply current = api.get("/tasks/" + id);
            try {
                return Json.read(api.patch("/tasks/" + id, changes, Map.of("If-Match", current.header("ETag"))).body(), TaskView.class);
            } catch (AlaiException e) {
                if (attempt > 0 || !e.getMessage().contains(" answered 412")) {
                    throw e;
                }
            }
        }
    }

    @Override
    public JsonNode comment(long id, String body, String author) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("body", body);
        if (author != null) {
            fields.put("author", author);
        }
        return api.post("/tasks/" + id + "/comments", fields, Map.of()).json();
    }

    @Override
    public JsonNode stats() {
        return api.get("/stats").json();
    }

    @Override
    public void watch(Consumer<JsonNode> events) {
        HttpRequest request = api.request("/tasks/changes").timeout(Duration.ofDays(365))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = api.exchange(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String body;
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                body = "";
            }
            throw Api.failure(request, new Api.Reply(response.statusCode(), response.headers().map(), body));
        }
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            var data = new StringBuilder();
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isEmpty()) {
                    if ("task".equals(event) && !data.isEmpty()) {
                        events.accept(Json.tree(data.toString()));
                    } else if ("overflow".equals(event)) {
                        throw AlaiException.failed("the change feed dropped this watcher as too slow; run `alai mc watch` again");
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            throw AlaiException.unreachable(request.uri().toString(), e);
        }
        throw AlaiException.unreachable(request.uri().toString(), new IOException("the change feed closed"));
    }

    @Override
    public String source() {
        return api.base().toString();
    }
}
