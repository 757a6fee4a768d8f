package com.alai.cloud.services.runner.web;

import com.alai.cloud.services.runner.model.Run;
import com.alai.cloud.services.runner.model.RunEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** The API's view of a run and of an event: one place for their field names. */
final class RunJson {
    private RunJson() {
    }

    static Map<String, Object> run(Run r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", Long.toString(r.id()));
        m.put("agent", r.agent());
        m.put("status", r.status().wire());
        m.put("input", r.input());
        m.put("taskId", r.taskId());
        m.put("model", r.model());
        m.put("timeoutSeconds", r.timeoutSeconds());
        m.put("maxCostUsd", r.maxCostUsd());
        m.put("priority", r.priority());
        m.put("attempt", r.attempt());
        m.put("maxAttempts", r.maxAttempts());
        m.put("cancelRequested", r.cancelRequested());
        m.put("spent", r.spent());
        m.put("usage", Map.of("inputTokens", r.usage().inputTokens(), "outputTokens", r.usage().outputTokens(),
                "costUsd", r.usage().costUsd()));
        m.put("output", r.output());
        m.put("error", r.error());
        m.put("createdAt", r.createdAt());
        m.put("startedAt", r.startedAt());
        m.put("finishedAt", r.finishedAt());
        m.put("links", Map.of("self", "/runs/" + r.id(), "events", "/runs/" + r.id() + "/events"));
        return m;
    }

    static Map<String, Object> event(RunEvent e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("runId", Long.toString(e.runId()));
        m.put("seq", e.seq());
        m.put("kind", e.kind());
        m.put("at", e.at());
        m.put("data", e.data());
        return m;
    }
}
