package com.alai.cloud.services.mc;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Mission Control task as the API returns it; {@code extra} holds legacy columns the migration kept. */
public record Task(long id, String title, String description, String status, String assignee, List<String> tags,
                   Integer priority, Instant createdAt, Instant updatedAt, Instant closedAt, boolean archived,
                   long version, Map<String, Object> extra) {

    public String etag() {
        return "\"v" + version + "\"";
    }
}
