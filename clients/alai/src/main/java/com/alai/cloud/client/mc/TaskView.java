package com.alai.cloud.client.mc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A task as mc-api's GET /tasks/{id} returns it; the local SQLite mode produces the same fields. */
public record TaskView(long id, String title, String description, String status, String assignee, List<String> tags,
                       Integer priority, Instant createdAt, Instant updatedAt, Instant closedAt, boolean archived,
                       long version, Map<String, Object> extra) {
}
