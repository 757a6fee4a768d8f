package com.alai.cloud.client.mc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Mission Control as the client sees it, whichever side answers: mc-api over HTTP ({@link HttpMission}) or ANVIL's
 * mission-control.db ({@link SqliteMission}). Both give the same shapes, so the commands print the same output.
 */
public interface Mission {
    TaskPage list(TaskQuery query);

    TaskView get(long id);

    /** {@code fields}: title (required), description, status, assignee, tags, priority. */
    TaskView create(Map<String, Object> fields);

    /** Only the fields present change. */
    TaskView update(long id, Map<String, Object> changes);

    JsonNode comment(long id, String body, String author);

    JsonNode stats();

    /** Calls {@code events} with each change ({"type","id","version","status","updatedAt"}) until interrupted. */
    void watch(Consumer<JsonNode> events);

    /** Where the tasks come from, for messages: the API's URL or the file's path. */
    String source();
}
