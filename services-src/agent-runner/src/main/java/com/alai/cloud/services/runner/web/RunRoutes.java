package com.alai.cloud.services.runner.web;

import com.alai.cloud.services.common.auth.Access;
import com.alai.cloud.services.common.error.ApiException;
import com.alai.cloud.services.common.http.EventStream;
import com.alai.cloud.services.common.http.Request;
import com.alai.cloud.services.common.http.Response;
import com.alai.cloud.services.common.http.Routes;
import com.alai.cloud.services.runner.agent.DefinitionSource;
import com.alai.cloud.services.runner.model.NewRun;
import com.alai.cloud.services.runner.model.Run;
import com.alai.cloud.services.runner.model.RunStatus;
import com.alai.cloud.services.runner.queue.EventLog;
import com.alai.cloud.services.runner.queue.RunStore;
import com.alai.cloud.services.runner.queue.Signals;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The runs API (agent-runner/openapi.json): submit, read, list, watch, cancel; scopes runs:read and runs:write. */
public final class RunRoutes {
    public static final Access READ = Access.scope("runs:read", "runs:write").orRole("runs.read", "runs.write");
    public static final Access WRITE = Access.scope("runs:write").orRole("runs.write");
    private final RunStore store;
    private final DefinitionSource agents;
    private final EventFeed feed;

    public RunRoutes(RunStore store, EventLog events, DefinitionSource agents, Signals signals) {
        this.store = store;
        this.agents = agents;
        this.feed = new EventFeed(events, signals);
    }

    public Routes routes() {
        return new Routes()
                .post("/runs", WRITE, this::submit)
                .get("/runs", READ, this::list)
                .get("/runs/{id}", READ, r -> Response.json(200, RunJson.run(find(r))))
                .post("/runs/{id}/cancel", WRITE, this::cancel)
                .stream("/runs/{id}/events", READ, this::events);
    }

    private Response submit(Request r) throws Exception {
        String key = SubmitRequest.idempotencyKey(r.header("Idempotency-Key"));
        NewRun run = SubmitRequest.parse(r.json(), agents, r.requirePrincipal().subject(), key);
        RunStore.Submitted submitted = store.submit(run);
        if (!submitted.sameRequest()) {
            throw new ApiException(422, "Idempotency-Key reused",
                    "this Idempotency-Key was used for run " + submitted.run().id() + " with a different request; "
                            + "use a new key for a new run");
        }
        var headers = new LinkedHashMap<String, String>();
        headers.put("Location", "/runs/" + submitted.run().id());
        if (!submitted.created()) {
            headers.put("Idempotent-Replayed", "true");
        }
        return Response.json(202, RunJson.run(submitted.run()), headers);
    }

    private Response list(Request r) throws Exception {
        Optional<RunStatus> status = r.param("status").map(s -> RunStatus.parse(s).orElseThrow(() ->
                ApiException.invalid(Map.of("status", "must be one of " + String.join(", ", RunStatus.wireNames())))));
        Optional<String> agent = r.param("agent");
        Optional<Long> cursor = r.param("cursor").map(c -> number(c, "cursor"));
        int limit = r.param("limit").map(l -> (int) Math.min(number(l, "limit"), 1_000)).orElse(50);
        if (limit < 1) {
            throw ApiException.invalid(Map.of("limit", "must be 1-200"));
        }
        RunStore.Page page = store.list(status, agent, cursor, Math.min(limit, 200));
        var body = new LinkedHashMap<String, Object>();
        body.put("items", page.runs().stream().map(RunJson::run).toList());
        body.put("nextCursor", page.next() == null ? null : Long.toString(page.next()));
        return Response.json(200, body);
    }

    private Response cancel(Request r) throws Exception {
        Run run = store.cancel(id(r)).orElseThrow(() -> ApiException.notFound("no run " + r.pathParam("id")));
        return Response.json(202, RunJson.run(run));
    }

    private void events(Request r, EventStream stream) throws Exception {
        long id = find(r).id();
        String last = r.header("Last-Event-ID").or(() -> r.param("after")).orElse("0");
        feed.serve(id, (int) Math.min(number(last, "Last-Event-ID"), Integer.MAX_VALUE), stream);
    }

    private Run find(Request r) throws Exception {
        return store.get(id(r)).orElseThrow(() -> ApiException.notFound("no run " + r.pathParam("id")));
    }

    private static long id(Request r) {
        String id = r.pathParam("id");
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw ApiException.notFound("no run " + id);
        }
        return Long.parseLong(id);
    }

    private static long number(String text, String name) {
        if (!text.matches("[0-9]{1,18}")) {
            throw ApiException.invalid(Map.of(name, "must be a non-negative integer"));
        }
        return Long.parseLong(text);
    }
}
