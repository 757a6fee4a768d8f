package com.alai.cloud.services.mc;

import com.alai.cloud.services.common.json.Json;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP face of Mission Control: /tasks, /tasks/{id}, /tasks/{id}/comments, /stats, /tasks/changes and /openapi.json. */
final class TaskRoutes {
    static final ObjectMapper JSON = Json.mapper();

    private final TaskRepository tasks;
    private final StatsRepository stats;
    private final ChangeFeed feed;
    private final CommentRepository comments;

    TaskRoutes(TaskRepository tasks, StatsRepository stats, ChangeFeed feed, CommentRepository comments) {
        this.tasks = tasks;
        this.comments = comments;
        this.stats = stats;
        this.feed = feed;
    }

    Routes routes() {
        return new Routes()
                .get("/tasks", this::list)
                .post("/tasks", this::create)
                .stream("/tasks/changes", (request, events) -> feed.serve(events))
                .get("/tasks/{id}", this::get)
                .patch("/tasks/{id}", this::patch)
                .get("/tasks/{id}/comments", r -> json(200, Map.of("items", comments.list(id(r))), Map.of()))
                .post("/tasks/{id}/comments", this::comment)
                .get("/stats", r -> json(200, stats.stats(), Map.of()));
    }

    private Response list(Request request) throws Exception {
        TaskRepository.Page page = tasks.list(TaskFilter.from(request));
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.tasks());
        body.put("nextCursor", page.nextAfterId() == null ? null : TaskFilter.cursor(page.nextAfterId()));
        return json(200, body, Map.of());
    }

    private Response get(Request request) throws Exception {
        Task task = tasks.get(id(request)).orElseThrow(() -> ApiException.notFound("no task " + request.pathParam("id")));
        return json(200, task, Map.of("ETag", task.etag()));
    }

    private Response create(Request request) throws Exception {
        request.requireJson();
        Task task = tasks.create(TaskJson.parseNew(request.bodyText()));
        feed.publish(() -> event("created", task));
        return json(201, task, Map.of("ETag", task.etag(), "Location", "/tasks/" + task.id()));
    }

    private Response comment(Request request) throws Exception {
        long taskId = id(request);
        request.requireJson();
        CommentJson.NewComment parsed = CommentJson.parse(request.bodyText());
        String author = parsed.author() != null ? parsed.author() : request.requirePrincipal().subject();
        Comment comment = comments.create(taskId, author, parsed.body());
        return json(201, comment, Map.of("Location", "/tasks/" + taskId + "/comments"));
    }

    private Response patch(Request request) throws Exception {
        long id = id(request);
        String ifMatch = request.header("If-Match")
                .orElseThrow(() -> ApiException.preconditionRequired("send If-Match with the task's ETag"));
        if (!ifMatch.matches("(W/)?\"v\\d{1,18}\"")) {
            throw ApiException.preconditionFailed("If-Match must be an ETag this API returned, e.g. \"v3\"");
        }
        request.requireJson();
        TaskPatch patch = TaskJson.parsePatch(request.bodyText());
        long version = Long.parseLong(ifMatch.replaceAll("[^0-9]", ""));
        Task task = tasks.patch(id, version, patch);
        feed.publish(() -> event("updated", task));
        return json(200, task, Map.of("ETag", task.etag()));
    }

    private static long id(Request request) {
        String raw = request.pathParam("id");
        if (!raw.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.notFound("no task " + (raw.length() > 20 ? raw.substring(0, 20) + "…" : raw));
        }
        return Long.parseLong(raw);
    }

    private static String event(String type, Task task) throws Exception {
        return JSON.writeValueAsString(Map.of("type", type, "id", task.id(), "version", task.version(),
                "status", task.status(), "updatedAt", task.updatedAt().toString()));
    }

    private static Response json(int status, Object body, Map<String, String> headers) throws Exception {
        return new Response(status, "application/json", JSON.writeValueAsBytes(body), headers);
    }
}
